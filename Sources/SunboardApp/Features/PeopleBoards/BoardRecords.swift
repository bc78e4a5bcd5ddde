import Foundation
import SQLKit
import SunboardCore

/// A card residents can see — on a roster, or taken off it — as the chain
/// keeps it: the values the community publishes in clear, every other
/// stored value as a salted digest, and its history (the public changes in
/// clear, each other step as one digest), so no value, no step and no date
/// on the public board can change unseen.
enum BoardCardRecord: RecordKind {
    static let name = "board_card"
    static let keepsSecrets = true

    /// Cards the public board shows or lists among its changes.
    static let publicStatuses = [CardStatus.onRoster, .removed].map(\.rawValue)

    static func publicIDs(after: Int, limit: Int, on sql: any SQLDatabase) async throws -> [Int] {
        try await sql.select().column("id").from("board_cards").where("status", .in, SQLBind.group(publicStatuses))
            .page(SQLColumn("id"), after: after, limit: limit).all().map { try $0.decode(column: "id", as: Int.self) }
    }

    static func states(ids: [Int], on sql: any SQLDatabase) async throws -> [Int: RecordState] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await sql.select().columns(BoardCardRow.columns.map { SQLColumn($0, table: "c") as any SQLExpression })
            .column(SQLColumn("slug", table: "u"), as: "unit_slug")
            .from(SQLAlias(SQLIdentifier("board_cards"), as: SQLIdentifier("c")))
            .join(
                SQLAlias(SQLIdentifier("units"), as: SQLIdentifier("u")), on: SQLColumn("unit_id", table: "c"), .equal,
                SQLColumn("id", table: "u")
            )
            .where(SQLColumn("id", table: "c"), .in, SQLBind.group(ids)).where(
                SQLColumn("status", table: "c"), .in, SQLBind.group(publicStatuses)
            )
            .all()
        let cards = try rows.map { try $0.decode(model: BoardCardRow.self, keyDecodingStrategy: .convertFromSnakeCase) }
        let found = cards.map(\.id)
        guard !found.isEmpty else { return [:] }
        var slugs: [Int: String] = [:]
        for row in rows { slugs[try row.decode(column: "unit_id", as: Int.self)] = try row.decode(column: "unit_slug", as: String.self) }
        var visibilities: [Int: [String: [String: BoardVisibility]]] = [:]
        for unitID in Set(cards.map(\.unitId)) {
            visibilities[unitID] = try await PeopleBoardRepository.visibilities(unitID: unitID, on: sql)
        }
        let salts = try await RecordSalts.salts(kind: name, ids: found, on: sql)
        let events = try await sql.select().columns(CardEventRow.columns).from("board_card_events").where(
            "card_id", .in, SQLBind.group(found)
        )
        .orderBy("card_id").orderBy("id").all(decoding: CardEventRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        let history = Dictionary(grouping: events, by: \.cardId)
        var states: [Int: RecordState] = [:]
        for row in cards {
            let salt = salts[row.id] ?? ""
            let shown = PeopleBoard.find(row.board).flatMap { visibilities[row.unitId]?[$0.code] } ?? [:]
            var fields = RecordFields()
            fields.set("unit", slugs[row.unitId])
            fields.set("board", row.board)
            fields.set("status", row.status)
            for (key, value) in BoardCardRow.decode(row.fieldValues) {
                guard RecordFields.isKey("value.\(key)") else { continue }
                if shown[key] == .public { fields.set("value.\(key)", value) } else { fields.secret("value.\(key)", value, salt: salt) }
            }
            // A stored value the code would not name (a key nobody may type) still counts.
            fields.secret("values", row.fieldValues, salt: salt)
            fields.secret("name", row.name, salt: salt)
            fields.secret("related_to_staff", row.relatedToStaff ? "1" : "0", salt: salt)
            fields.secret("relation", row.relationNote, salt: salt)
            fields.set("notice", row.noticeDisclosureId)
            let benefitPublic = shown[PeopleBoard.benefitKey] == .public
            for (index, event) in (history[row.id] ?? []).enumerated() {
                let key = "event.\(index + 1)"
                guard let kind = CardEventKind(rawValue: event.kind), kind.rosterChange != nil else {
                    fields.secret(key, event.digestable, salt: salt)
                    continue
                }
                fields.set("\(key).kind", event.kind)
                fields.set("\(key).at", event.happenedAt)
                fields.set("\(key).year", event.reviewYear)
                for (name, amount) in [("amount_before", event.amountBefore), ("amount_after", event.amountAfter)] {
                    if benefitPublic {
                        fields.set("\(key).\(name)", amount)
                    } else {
                        fields.secret("\(key).\(name)", amount.map(String.init), salt: salt)
                    }
                }
                fields.secret("\(key).note", event.note, salt: salt)
                fields.secret("\(key).actor", event.actorName, salt: salt)
            }
            states[row.id] = RecordState(unitID: row.unitId, fields: fields)
        }
        return states
    }
}

/// What each community publishes of each board's fields: the rules every
/// card's record is read by, so a setting changed behind the app's back
/// cannot uncover a field.
enum BoardSettingsRecord: RecordKind {
    static let name = "board_settings"

    static func publicIDs(after: Int, limit: Int, on sql: any SQLDatabase) async throws -> [Int] {
        try await sql.select().column("id").from("units").where("kind", .equal, UnitKind.community.rawValue)
            .page(SQLColumn("id"), after: after, limit: limit).all().map { try $0.decode(column: "id", as: Int.self) }
    }

    static func states(ids: [Int], on sql: any SQLDatabase) async throws -> [Int: RecordState] {
        let slugs = try await UnitRecord.slugs(ids: ids, kind: .community, on: sql)
        var states: [Int: RecordState] = [:]
        for (id, slug) in slugs {
            var fields = RecordFields()
            fields.set("unit", slug)
            for (board, visibilities) in try await PeopleBoardRepository.visibilities(unitID: id, on: sql) {
                for (field, visibility) in visibilities where RecordFields.isKey("\(board).\(field)") {
                    fields.set("\(board).\(field)", visibility.rawValue)
                }
            }
            states[id] = RecordState(unitID: id, fields: fields)
        }
        return states
    }
}

/// A roster brought over once, by the office, onto an empty board: the
/// public board says so (迁入既有名单，N 户).
enum BoardImportRecord: RecordKind {
    static let name = "board_import"

    static func publicIDs(after: Int, limit: Int, on sql: any SQLDatabase) async throws -> [Int] {
        try await sql.select().column("id").from("board_imports").page(SQLColumn("id"), after: after, limit: limit).all()
            .map { try $0.decode(column: "id", as: Int.self) }
    }

    static func states(ids: [Int], on sql: any SQLDatabase) async throws -> [Int: RecordState] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await sql.select().columns("id", "unit_id", "board", "cards", "actor_name", "happened_at").from("board_imports")
            .where("id", .in, SQLBind.group(ids)).all()
        let slugs = try await UnitRecord.slugs(ids: try rows.map { try $0.decode(column: "unit_id", as: Int.self) }, on: sql)
        var states: [Int: RecordState] = [:]
        for row in rows {
            let unitID = try row.decode(column: "unit_id", as: Int.self)
            var fields = RecordFields()
            fields.set("unit", slugs[unitID])
            fields.set("board", try row.decode(column: "board", as: String.self))
            fields.set("cards", try row.decode(column: "cards", as: Int.self))
            fields.set("by", try row.decode(column: "actor_name", as: String.self))
            fields.set("at", try row.decode(column: "happened_at", as: Int.self))
            states[try row.decode(column: "id", as: Int.self)] = RecordState(unitID: unitID, fields: fields)
        }
        return states
    }
}

extension CardEventRow {
    /// A step the public board does not list, pinned as one value.
    var digestable: String {
        [
            kind, reviewYear.map(String.init) ?? "", amountBefore.map(String.init) ?? "", amountAfter.map(String.init) ?? "", note,
            actorName,
            String(happenedAt),
        ].joined(separator: "\n")
    }
}
