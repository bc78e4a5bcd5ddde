import SQLKit
import SunboardCore

/// People boards (插卡式公示): the cards, every step of their history, and
/// each community's choice of which optional fields it publishes. Also gives
/// 新申请低保 its notice fields from the 2021 rules (name, household size,
/// proposed benefit).
struct CreatePeopleBoards: Migration {
    let name = "012_create_people_boards"

    func prepare(on database: any SQLDatabase, kind: DatabaseKind) async throws {
        try await database.create(table: "board_cards")
            .column("id", type: .bigint, .identity)
            .column("unit_id", type: .bigint, .notNull, .references("units", "id"))
            .column("board", type: .text, .notNull)
            .column("status", type: .text, .notNull)
            .column("name", type: .text, .notNull)
            // Every stored field as JSON; fields marked “not stored” never get here.
            .column("field_values", type: .text, .notNull)
            // Related to the committee's staff: handled at the office, shown to staff only.
            .column("related_to_staff", type: .boolean, .notNull)
            .column("relation_note", type: .text)
            .column("notice_disclosure_id", type: .bigint, .references("disclosures", "id"))
            .column("created_by", type: .bigint, .notNull, .references("users", "id"))
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .run()
        try await database.create(index: "board_cards_unit_board").on("board_cards").column("unit_id").column("board").column("status")
            .run()

        try await database.create(table: "board_card_events")
            .column("id", type: .bigint, .identity)
            .column("card_id", type: .bigint, .notNull, .references("board_cards", "id"))
            .column("unit_id", type: .bigint, .notNull, .references("units", "id"))
            .column("board", type: .text, .notNull)
            .column("kind", type: .text, .notNull)
            // The year a yearly review (复审) step belongs to.
            .column("review_year", type: .bigint)
            .column("amount_before", type: .bigint)
            .column("amount_after", type: .bigint)
            // Reasons stay with the staff; the public sees the change only.
            .column("note", type: .text, .notNull)
            .column("actor_id", type: .bigint, .notNull, .references("users", "id"))
            .column("actor_name", type: .text, .notNull)
            .column("happened_at", type: .bigint, .notNull)
            .run()
        try await database.create(index: "board_card_events_unit_board").on("board_card_events").column("unit_id").column("board")
            .column("happened_at").run()
        try await database.create(index: "board_card_events_card").on("board_card_events").column("card_id").run()

        try await database.create(table: "board_field_settings")
            .column("unit_id", type: .bigint, .notNull, .references("units", "id"))
            .column("board", type: .text, .notNull)
            .column("field", type: .text, .notNull)
            .column("visibility", type: .text, .notNull)
            .primaryKey("unit_id", "board", "field")
            .run()

        guard let applicants = DefaultCatalog.items.first(where: { $0.code == "dibao-applicants" }) else { return }
        try await database.update("catalog_items")
            .set("fields", to: SQLBind(CatalogRow.encodeFields(applicants.fields)))
            .set("title", to: SQLBind(applicants.title))
            .where("code", .equal, SQLBind(applicants.code))
            .run()
    }
}
