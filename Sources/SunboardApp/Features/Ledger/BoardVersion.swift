import SQLKit

/// Each unit's `board_version`: the pages and answers kept in memory are
/// keyed by it, so moving it retires them all.
enum BoardVersion {
    /// After a public change, from `PublicChange` (and for the parent of a
    /// unit added, whose pages list it): nothing else may change what
    /// residents see.
    static func bump(unitID: Int, on sql: any SQLDatabase) async throws {
        try await sql.update("units").set("board_version", to: SQLRaw("board_version + 1")).where("id", .equal, unitID).run()
        try await PublicVersions.changed(on: sql)
    }

    /// When time alone changes a page (a notice period has ended and its
    /// personal details leave view): nothing is changed, pages are rendered anew.
    static func renew(unitID: Int, on sql: any SQLDatabase) async throws {
        try await bump(unitID: unitID, on: sql)
    }
}
