import SunboardApp
import SunboardCore

/// One disclosure of the demo's year, as plain text, turned into drafts,
/// reviews and publications by `DemoSeeder`, so the demo goes through the
/// same lifecycle and ledger as real work.
///
/// Plain strings on purpose: the content files (`DemoDisclosures.swift`,
/// `DemoCatalogItems.swift`) need nothing but these two types.
struct DemoDisclosure: Sendable {
    /// Where the demo leaves the working copy.
    enum Stage: Sendable {
        case draft
        case submitted
        /// Sent back by the supervisor with this comment.
        case returned(String)
        case approved
        case published
    }

    /// A later version, published on `on` with a public reason.
    struct Correction: Sendable {
        var on: String
        var reason: String
        var title: String? = nil
        var body: String? = nil
        /// Fields to change; the others stay.
        var fields: [String: String] = [:]
    }

    /// Taken down on `on`, with a public reason.
    struct Withdrawal: Sendable {
        var on: String
        var reason: String
    }

    /// `yincheng`, `yinnan`, `yinbei` or `yinxin`.
    var community: String
    /// A catalog item's code: one of `DefaultCatalog`'s, or the community's own 细则.
    var item: String
    var title: String
    /// Markdown: headings, paragraphs, `-` and `1.` lists, `|` tables, **bold**.
    var body: String
    /// `2026-03`, `2026-Q1` or `2026`, for periodic items.
    var period: String? = nil
    /// Field values as typed: money in yuan (`1200.50`), dates `2026-03-05`, whole numbers.
    var fields: [String: String] = [:]
    /// The day it was (or, for drafts, would be) published, `2026-03-12`.
    var published: String
    var stage: Stage = .published
    var correction: Correction? = nil
    var withdrawal: Withdrawal? = nil
    /// Generated from the books (办公经费使用情况) instead of typed: title,
    /// body and fields come from the ledger.
    var statement = false
}

/// A community's own catalog item (细则), added beside the office's defaults.
struct DemoCatalogItem: Sendable {
    var community: String
    var code: String
    var title: String
    var description: String
    /// `standing`, `periodic` or `immediate`.
    var disclosureClass: String
    /// For periodic items: `monthly`, `quarterly` or `yearly`.
    var frequency: String? = nil
    var dueMonthsAfter: Int? = nil
    var dueDay: Int? = nil
    /// A board section id (`BoardSection.community`).
    var boardSection: String
}

extension DemoCatalogItem {
    func item(ownerUnitID: Int) throws -> CatalogItem {
        let input = CatalogItemInput(
            code: code, title: title, description: description, disclosureClass: disclosureClass, frequency: frequency ?? "",
            dueMonthsAfter: dueMonthsAfter.map(String.init) ?? "", dueDay: dueDay.map(String.init) ?? "", boardSection: boardSection)
        return try input.validated(ownerUnitID: ownerUnitID)
    }
}

extension DemoDisclosure {
    /// The disclosure as written, with its days and every date in its words
    /// moved by `shift`.
    func moved(by shift: DemoShift) -> DemoDisclosure {
        let anchor = CalendarDate(published)!
        let text = { (words: String) in shift.text(words, anchor: anchor) }
        var moved = self
        moved.title = text(title)
        moved.body = text(body)
        moved.fields = fields.mapValues(text)
        moved.period = period.flatMap(Period.init).map { shift($0).description }
        moved.published = shift(published)
        if case .returned(let comment) = stage { moved.stage = .returned(text(comment)) }
        if let correction {
            moved.correction = Correction(
                on: shift(correction.on), reason: text(correction.reason), title: correction.title.map(text),
                body: correction.body.map(text), fields: correction.fields.mapValues(text))
        }
        if let withdrawal { moved.withdrawal = Withdrawal(on: shift(withdrawal.on), reason: text(withdrawal.reason)) }
        return moved
    }
}
