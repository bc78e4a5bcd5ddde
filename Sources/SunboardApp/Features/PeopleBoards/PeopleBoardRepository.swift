import Foundation
import SQLKit
import SunboardCore

/// Reads the people boards. Every list is one query (a period's changes
/// join their cards), never one per card.
public struct PeopleBoardRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Each board's field visibilities for a unit: its choices over the defaults.
    public func visibilities(unitID: Int) async throws -> [String: [String: BoardVisibility]] {
        try await Self.visibilities(unitID: unitID, on: database.sql)
    }

    static func visibilities(unitID: Int, on sql: any SQLDatabase) async throws -> [String: [String: BoardVisibility]] {
        let rows = try await sql.select().columns("board", "field", "visibility").from("board_field_settings")
            .where("unit_id", .equal, SQLBind(unitID)).all()
        var choices: [String: [String: BoardVisibility]] = [:]
        for row in rows {
            let board = try row.decode(column: "board", as: String.self)
            let field = try row.decode(column: "field", as: String.self)
            if let visibility = BoardVisibility(rawValue: try row.decode(column: "visibility", as: String.self)) {
                choices[board, default: [:]][field] = visibility
            }
        }
        return Dictionary(uniqueKeysWithValues: PeopleBoard.all.map { ($0.code, $0.visibilities(choices[$0.code] ?? [:])) })
    }

    public func visibilities(unitID: Int, board: PeopleBoard) async throws -> [String: BoardVisibility] {
        try await visibilities(unitID: unitID)[board.code] ?? board.visibilities([:])
    }

    /// A board's cards in the given states, by name.
    public func cards(unitID: Int, board: PeopleBoard, statuses: [CardStatus]) async throws -> [BoardCard] {
        try await database.sql.select().columns(BoardCardRow.columns).from("board_cards")
            .where("unit_id", .equal, SQLBind(unitID)).where("board", .equal, SQLBind(board.code))
            .where("status", .in, statuses.map(\.rawValue))
            .orderBy("name").orderBy("id")
            .all(decoding: BoardCardRow.self, keyDecodingStrategy: .convertFromSnakeCase).compactMap(\.card)
    }

    public func card(id: Int) async throws -> BoardCard? {
        try await Self.card(id: id, on: database.sql)
    }

    static func card(id: Int, on sql: any SQLDatabase) async throws -> BoardCard? {
        try await sql.select().columns(BoardCardRow.columns).from("board_cards").where("id", .equal, SQLBind(id))
            .first(decoding: BoardCardRow.self, keyDecodingStrategy: .convertFromSnakeCase)?.card
    }

    /// How many people each board has on its roster, in one query.
    public func rosterCounts(unitID: Int) async throws -> [String: Int] {
        let rows = try await database.sql.select().column("board").column(SQLRaw("COUNT(*)"), as: "n").from("board_cards")
            .where("unit_id", .equal, SQLBind(unitID)).where("status", .equal, SQLBind(CardStatus.onRoster.rawValue))
            .groupBy("board").all()
        var counts: [String: Int] = [:]
        for row in rows { counts[try row.decode(column: "board", as: String.self)] = try row.decode(column: "n", as: Int.self) }
        return counts
    }

    public func events(cardID: Int) async throws -> [CardEvent] {
        try await database.sql.select().columns(CardEventRow.columns).from("board_card_events").where("card_id", .equal, SQLBind(cardID))
            .orderBy("happened_at").orderBy("id")
            .all(decoding: CardEventRow.self, keyDecodingStrategy: .convertFromSnakeCase).compactMap(\.event)
    }

    /// The roster changes (added, adjusted, removed) between two instants,
    /// newest first, each with its card: one query joining the two.
    public func changes(unitID: Int, board: PeopleBoard, from: Date, to: Date) async throws -> [RosterChange] {
        let kinds = CardEventKind.allCases.filter { $0.rosterChange != nil }
        let rows = try await database.sql.select()
            .columns(CardEventRow.columns.map { SQLColumn($0, table: "e") as any SQLExpression })
            .column(SQLColumn("field_values", table: "c"), as: "card_values")
            .column(SQLColumn("name", table: "c"), as: "card_name")
            .from(SQLAlias(SQLIdentifier("board_card_events"), as: SQLIdentifier("e")))
            .join(
                SQLAlias(SQLIdentifier("board_cards"), as: SQLIdentifier("c")), method: SQLJoinMethod.inner,
                on: SQLColumn("card_id", table: "e"), .equal, SQLColumn("id", table: "c")
            )
            .where(SQLColumn("unit_id", table: "e"), .equal, SQLBind(unitID)).where(
                SQLColumn("board", table: "e"), .equal, SQLBind(board.code)
            )
            .where(SQLColumn("kind", table: "e"), .in, SQLBind.group(kinds.map(\.rawValue)))
            .where(SQLColumn("happened_at", table: "e"), .greaterThanOrEqual, SQLBind(from.unixSeconds))
            .where(SQLColumn("happened_at", table: "e"), .lessThan, SQLBind(to.unixSeconds))
            .orderBy(SQLOrderBy(expression: SQLColumn("happened_at", table: "e"), direction: SQLDirection.descending))
            .orderBy(SQLOrderBy(expression: SQLColumn("id", table: "e"), direction: SQLDirection.descending))
            .all()
        return try rows.compactMap { row in
            guard let event = try row.decode(model: CardEventRow.self, keyDecodingStrategy: .convertFromSnakeCase).event else { return nil }
            return RosterChange(
                event: event, name: try row.decode(column: "card_name", as: String.self),
                values: BoardCardRow.decode(try row.decode(column: "card_values", as: String.self)))
        }
    }

    /// The rosters brought over onto a board between two instants: (which, when, how many households).
    public func imports(unitID: Int, board: PeopleBoard, from: Date, to: Date) async throws -> [(id: Int, at: Date, households: Int)] {
        try await database.sql.select().columns("id", "happened_at", "cards").from("board_imports").where(
            "unit_id", .equal, SQLBind(unitID)
        )
        .where("board", .equal, SQLBind(board.code)).where("happened_at", .greaterThanOrEqual, SQLBind(from.unixSeconds))
        .where("happened_at", .lessThan, SQLBind(to.unixSeconds)).all().map {
            (
                try $0.decode(column: "id", as: Int.self), Date(unixSeconds: try $0.decode(column: "happened_at", as: Int.self)),
                try $0.decode(column: "cards", as: Int.self)
            )
        }
    }

    /// A year's review outcomes for the 低保 board: how many families were
    /// reviewed and how many continued, were adjusted or stopped.
    public func reviewCounts(unitID: Int, year: Int) async throws -> [ReviewOutcome: Int] {
        let rows = try await database.sql.select().column("kind").column(SQLRaw("COUNT(*)"), as: "n").from("board_card_events")
            .where("unit_id", .equal, SQLBind(unitID)).where("review_year", .equal, SQLBind(year)).groupBy("kind").all()
        var counts: [ReviewOutcome: Int] = [:]
        for row in rows {
            let n = try row.decode(column: "n", as: Int.self)
            switch CardEventKind(rawValue: try row.decode(column: "kind", as: String.self)) {
            case .reviewed: counts[.continued, default: 0] += n
            case .adjusted: counts[.adjusted, default: 0] += n
            case .removed: counts[.cancelled, default: 0] += n
            default: break
            }
        }
        return counts
    }

    /// Whether a family's review for `year` is recorded.
    public func reviewed(cardID: Int, year: Int) async throws -> Bool {
        try await database.sql.select().column("id").from("board_card_events").where("card_id", .equal, SQLBind(cardID))
            .where("review_year", .equal, SQLBind(year)).first() != nil
    }
}
