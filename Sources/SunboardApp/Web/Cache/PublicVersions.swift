import SQLKit
import Synchronization

/// The versions every public page is made from, kept in this process so a
/// kept answer is checked without asking the database: each unit's
/// `board_version`, and the ledger's length, which moves with every
/// public record, unit or none.
///
/// Read in one query: after this process commits a public change
/// (``Database/transaction(_:)``, before the writer's request answers), when
/// another process says it made one (PostgreSQL's `NOTIFY`), and every
/// second (``PublicVersionsWatcher``), which heals a notice missed and sees
/// what a command run beside the server wrote to SQLite.
public final class PublicVersions: Sendable {
    public struct Snapshot: Sendable, Equatable {
        public var units: [Int: Int] = [:]
        public var ledger = 0
        /// Moves whenever anything above does, for answers that name no unit.
        public var epoch = 0
        /// False until the first read, and after a read failed: then nothing
        /// is served from memory, as other processes may have written since.
        public var isLoaded = false
    }

    /// The channel a writing transaction notifies on PostgreSQL.
    static let channel = "sunboard_versions"

    private struct State {
        var snapshot = Snapshot()
        /// Reads begun, and the latest begun of those kept: a read begun
        /// after a commit sees it, so an older read that ends later is dropped.
        var issued: UInt64 = 0
        var applied: UInt64 = 0
    }

    private let state = Mutex(State())

    public init() {}

    public var current: Snapshot { state.withLock { $0.snapshot } }

    /// Reads the versions from the database.
    public func refresh(on sql: any SQLDatabase) async throws {
        let ticket = state.withLock { state in
            state.issued += 1
            return state.issued
        }
        let rows = try await sql.raw(
            """
            SELECT CAST(id AS BIGINT) AS id, CAST(board_version AS BIGINT) AS version FROM units
            UNION ALL SELECT CAST(-1 AS BIGINT), CAST(COALESCE(MAX(sequence), 0) AS BIGINT) FROM ledger_entries
            """
        ).all()
        var units: [Int: Int] = [:]
        var ledger = 0
        for row in rows {
            let id = try row.decode(column: "id", as: Int.self)
            let version = try row.decode(column: "version", as: Int.self)
            if id < 0 { ledger = version } else { units[id] = version }
        }
        state.withLock { state in
            guard ticket > state.applied else { return }
            state.applied = ticket
            guard units != state.snapshot.units || ledger != state.snapshot.ledger || !state.snapshot.isLoaded else { return }
            state.snapshot = Snapshot(units: units, ledger: ledger, epoch: state.snapshot.epoch + 1, isLoaded: true)
        }
    }

    /// After a read failed: the versions are unknown, and every kept answer
    /// is retired (no unit's version matches, the epoch moves on).
    public func forget() {
        state.withLock { state in
            state.snapshot = Snapshot(epoch: state.snapshot.epoch + 1, isLoaded: false)
        }
    }

    /// Within a writing transaction, when what residents see changed:
    /// this process reads the versions again once the transaction commits,
    /// and on PostgreSQL the others are told at the commit (a `NOTIFY` is
    /// sent only then, and not at all on a rollback).
    static func changed(on sql: any SQLDatabase) async throws {
        TransactionEffects.current?.changedPublicRecords()
        if DatabaseKind(of: sql) == .postgresql {
            try await sql.raw("NOTIFY \(unsafeRaw: channel)").run()
        }
    }
}

/// What a transaction did that matters after it commits. Set for the
/// length of ``Database/transaction(_:)``.
final class TransactionEffects: Sendable {
    @TaskLocal static var current: TransactionEffects?

    private let publicChange = Atomic(false)

    func changedPublicRecords() { publicChange.store(true, ordering: .relaxed) }

    var changedPublic: Bool { publicChange.load(ordering: .relaxed) }
}
