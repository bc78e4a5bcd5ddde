import Foundation
import SunboardCore

/// A `catalog_items` row as stored.
struct CatalogRow: Codable, Sendable {
    var id: Int
    var ownerUnitId: Int
    var code: String
    var title: String
    var description: String
    var scope: String
    var `class`: String
    var frequency: String?
    var dueMonthsAfter: Int?
    var dueDay: Int?
    var boardSection: String
    var fields: String
    var noticeDays: Int?
    var retentionYears: Int?
    var isActive: Bool

    static let columns = [
        "id", "owner_unit_id", "code", "title", "description", "scope", "class", "frequency", "due_months_after", "due_day",
        "board_section", "fields", "notice_days", "retention_years", "is_active",
    ]

    var item: CatalogItem {
        CatalogItem(
            id: id, ownerUnitID: ownerUnitId, code: code, title: title, description: description,
            scope: DisclosureScope(rawValue: scope) ?? .affairs,
            disclosureClass: DisclosureClass(rawValue: `class`) ?? .immediate,
            frequency: frequency.flatMap(Frequency.init(rawValue:)),
            dueRule: dueMonthsAfter.flatMap { months in dueDay.map { DueRule(monthsAfter: months, day: $0) } },
            boardSection: boardSection,
            fields: (try? JSONDecoder().decode([FieldSpec].self, from: Data(fields.utf8))) ?? [],
            noticeDays: noticeDays, retentionYears: retentionYears, isActive: isActive
        )
    }

    static func encodeFields(_ fields: [FieldSpec]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(fields)) ?? Data("[]".utf8), as: UTF8.self)
    }
}
