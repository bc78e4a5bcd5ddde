import Foundation
import SQLKit
import SunboardCore

/// Where residents read a chained record, for the ledger's page and API.
enum RecordLinks {
    /// The public page that shows a record of `kind`, in the unit `slug`.
    static func page(kind: String, id: Int, version: Int, format: Int, slug: String?) -> String? {
        if kind == LedgerEntry.disclosureKind {
            return format == 1 ? SiteURL.disclosures(.version(id, version)).path : SiteURL.disclosures(.page(id)).path
        }
        if kind == GuideRecord.name { return SiteURL.serviceBoards(.guide(id)).path }
        guard let slug else { return nil }
        switch kind {
        case FinanceLineRecord.name: return SiteURL.finance(.entry(slug, id)).path
        case SignatureChainRecord.name: return SiteURL.finance(.board(slug)).path
        case BoardCardRecord.name, BoardSettingsRecord.name, BoardImportRecord.name: return SiteURL.peopleBoards(.list(slug)).path
        case CadreRecord.name: return SiteURL.serviceBoards(.cadres(slug)).path
        case DirectoryEntryRecord.name: return SiteURL.serviceBoards(.directory(slug)).path
        case ElectionRecord.name: return SiteURL.civic(.item(slug, "elections", id)).path
        case MeetingRecord.name: return SiteURL.civic(.item(slug, "meetings", id)).path
        case HearingRecord.name: return SiteURL.civic(.item(slug, "hearings", id)).path
        case ProjectRecord.name: return SiteURL.civic(.item(slug, "projects", id)).path
        case FeedbackRecord.name, ObjectionRecord.name: return SiteURL.feedback(.list(slug)).path
        case CatalogItemRecord.name: return SiteURL.disclosures(.catalog(slug)).path
        case UnitRecord.name: return SiteURL.units(.page(slug)).path
        case AssessmentNoteRecord.name, AssessmentWeightsRecord.name: return SiteURL.compliance(.apiAssessment(slug)).path
        default: return nil
        }
    }

    /// The slug of the unit each entry's record belongs to, in one query.
    static func slugs(of entries: [LedgerEntry], on sql: any SQLDatabase) async throws -> [Int: String] {
        let sequences = entries.filter { $0.format == 2 }.map(\.sequence)
        var slugs: [Int: String] = [:]
        if !sequences.isEmpty {
            for row in try await sql.select().column(SQLColumn("sequence", table: "v")).column(SQLColumn("slug", table: "u"))
                .from(SQLAlias(SQLIdentifier("record_versions"), as: SQLIdentifier("v")))
                .join(
                    SQLAlias(SQLIdentifier("units"), as: SQLIdentifier("u")), on: SQLColumn("unit_id", table: "v"), .equal,
                    SQLColumn("id", table: "u")
                )
                .where(SQLColumn("sequence", table: "v"), .in, SQLBind.group(sequences)).all()
            {
                slugs[try row.decode(column: "sequence", as: Int.self)] = try row.decode(column: "slug", as: String.self)
            }
        }
        return slugs
    }

    /// “财务账目 第 57 号 · 第 2 版”
    static func label(_ entry: LedgerEntry) -> String {
        "\(RecordKindName.chinese(entry.kind)) 第 \(entry.recordID) 号 · 第 \(entry.version) 版"
    }
}
