import HummingbirdBcrypt
import NIOPosix

/// bcrypt, run on the thread pool so a login never stalls other requests.
public struct PasswordHasher: Sendable {
    /// bcrypt's work factor: 12 in production; tests lower it for speed.
    public let cost: UInt8

    public init(cost: UInt8 = 12) {
        self.cost = cost
    }

    public func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    public func verify(_ password: String, against hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// Compared against when a user name is unknown, so a wrong name takes as
    /// long as a wrong password and does not reveal which names exist.
    static let decoyHash = Bcrypt.hash("sunboard-decoy-password", cost: 12)
}
