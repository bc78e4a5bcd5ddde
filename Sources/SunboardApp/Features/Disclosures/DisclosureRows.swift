import Foundation
import SunboardCore

/// A `disclosures` row as stored.
struct DisclosureRow: Codable, Sendable {
    var id: Int
    var unitId: Int
    var catalogItemId: Int
    var status: String
    var title: String
    var body: String
    var period: String?
    var fields: String
    var correctionReason: String?
    var reviewComment: String?
    var createdBy: Int
    var submittedBy: Int?
    var editedBy: Int?
    var createdAt: Int
    var updatedAt: Int
    var publishedVersion: Int
    var firstPublishedAt: Int?
    var lastPublishedAt: Int?
    var noticeStarts: String?
    var noticeEnds: String?
    var archivedAt: Int?
    var withdrawnAt: Int?
    var withdrawReason: String?
    var withdrawnBy: String?

    static let columns = [
        "id", "unit_id", "catalog_item_id", "status", "title", "body", "period", "fields", "correction_reason", "review_comment",
        "created_by", "submitted_by", "edited_by", "created_at", "updated_at", "published_version", "first_published_at",
        "last_published_at",
        "notice_starts", "notice_ends", "archived_at", "withdrawn_at", "withdraw_reason", "withdrawn_by",
    ]

    func disclosure(attachments: [AttachmentRef]) -> Disclosure {
        Disclosure(
            id: id, unitID: unitId, itemID: catalogItemId, status: DisclosureStatus(rawValue: status) ?? .draft,
            content: DisclosureContent(
                title: title, body: body, period: period.flatMap(Period.init), fields: FieldValues.decode(fields), attachments: attachments),
            correctionReason: correctionReason, reviewComment: reviewComment, createdBy: createdBy, submittedBy: submittedBy,
            createdAt: Date(unixSeconds: createdAt), updatedAt: Date(unixSeconds: updatedAt), publishedVersion: publishedVersion,
            firstPublishedAt: firstPublishedAt.map(Date.init(unixSeconds:)), lastPublishedAt: lastPublishedAt.map(Date.init(unixSeconds:)),
            noticeStarts: noticeStarts.flatMap(CalendarDate.init), noticeEnds: noticeEnds.flatMap(CalendarDate.init),
            archivedAt: archivedAt.map(Date.init(unixSeconds:)), withdrawnAt: withdrawnAt.map(Date.init(unixSeconds:)),
            withdrawReason: withdrawReason, withdrawnBy: withdrawnBy, editedBy: editedBy
        )
    }
}

/// A `disclosure_versions` row as stored.
struct VersionRow: Codable, Sendable {
    var id: Int
    var disclosureId: Int
    var number: Int
    var title: String
    var body: String
    var period: String?
    var fields: String
    var reason: String?
    var fieldSpecs: String
    var salt: String
    var unitSlug: String
    var itemCode: String
    var publishedAt: Int
    var publishedById: Int?
    var publishedBy: String

    static let columns = [
        "id", "disclosure_id", "number", "title", "body", "period", "fields", "reason", "field_specs", "salt", "unit_slug", "item_code",
        "published_at",
        "published_by_id", "published_by",
    ]

    func version(attachments: [AttachmentRef]) -> PublishedVersion {
        PublishedVersion(
            id: id, disclosureID: disclosureId, number: number,
            content: DisclosureContent(
                title: title, body: body, period: period.flatMap(Period.init), fields: FieldValues.decode(fields), attachments: attachments),
            reason: reason, unitSlug: unitSlug, itemCode: itemCode, publishedAt: Date(unixSeconds: publishedAt),
            publishedByID: publishedById, publishedBy: publishedBy,
            fieldSpecs: (try? JSONDecoder().decode([FieldSpec].self, from: Data(fieldSpecs.utf8))) ?? [], salt: salt
        )
    }
}

/// Field values stored as one JSON object of strings.
enum FieldValues {
    static func encode(_ values: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(values)) ?? Data("{}".utf8), as: UTF8.self)
    }

    static func decode(_ text: String) -> [String: String] {
        (try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))) ?? [:]
    }
}
