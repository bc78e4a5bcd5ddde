import SQLKit

extension SQLDataType {
    /// `BOOLEAN`: native in PostgreSQL, stored as 0/1 by SQLite.
    static var boolean: SQLDataType { .custom(SQLRaw("BOOLEAN")) }
}

extension SQLColumnConstraintAlgorithm {
    /// The table's own numbered key: `INTEGER PRIMARY KEY AUTOINCREMENT` on
    /// SQLite, an identity column on PostgreSQL.
    static var identity: SQLColumnConstraintAlgorithm { .primaryKey(autoIncrement: true) }
}
