import SQLKit

/// The two databases Sunboard runs on, through one SQLKit code path.
public enum DatabaseKind: String, Sendable {
    /// The embedded default: one file under the data folder, WAL mode.
    case sqlite
    /// For deployments that outgrow one machine; used when `DATABASE_URL` is set.
    case postgresql

    /// The kind of database `sql` talks to, for code handed only a connection.
    init(of sql: any SQLDatabase) {
        self = sql.dialect.name == "postgresql" ? .postgresql : .sqlite
    }
}
