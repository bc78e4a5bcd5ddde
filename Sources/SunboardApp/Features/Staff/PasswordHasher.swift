import HummingbirdBcrypt
import NIOCore
import NIOPosix

/// bcrypt, run on threads of its own so that logins never hold up the
/// threads that serve pages and queries.
public struct PasswordHasher: Sendable {
    /// bcrypt's work factor: 12 in production; tests lower it for speed.
    public let cost: UInt8
    /// Compared against when a user name is unknown, at the same cost as real
    /// hashes, so a wrong name takes as long as a wrong password and does not
    /// reveal which names exist.
    let decoyHash: String

    public init(cost: UInt8 = 12) {
        self.cost = cost
        self.decoyHash = Bcrypt.hash("sunboard decoy password", cost: cost)
    }

    /// One thread per core: hashing is pure CPU work.
    private static let threads: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: System.coreCount)
        pool.start()
        return pool
    }()

    public func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await Self.threads.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    public func verify(_ password: String, against hash: String) async throws -> Bool {
        try await Self.threads.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// `verify`, against the decoy when there is no account.
    func verify(_ password: String, againstOptional hash: String?) async throws -> Bool {
        let matches = try await verify(password, against: hash ?? decoyHash)
        return hash != nil && matches
    }
}
