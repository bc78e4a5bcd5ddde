import Foundation
import SunboardCore

/// A disclosure as the workflow sees it: its working copy and where it
/// stands, and the public side's dates.
public struct Disclosure: Sendable, Identifiable {
    public var id: Int
    public var unitID: Int
    public var itemID: Int
    public var status: DisclosureStatus
    /// The working copy: what is being drafted, reviewed or corrected.
    public var content: DisclosureContent
    public var correctionReason: String?
    public var reviewComment: String?
    public var createdBy: Int
    public var submittedBy: Int?
    public var createdAt: Date
    public var updatedAt: Date
    /// The latest published version's number; 0 when never published.
    public var publishedVersion: Int
    public var firstPublishedAt: Date?
    public var lastPublishedAt: Date?
    public var noticeStarts: CalendarDate?
    public var noticeEnds: CalendarDate?
    public var archivedAt: Date?
    public var withdrawnAt: Date?
    public var withdrawReason: String?
    public var withdrawnBy: String?
    /// Who wrote or changed the working copy, besides the submitter: none of
    /// them may approve it.
    public var editedBy: Int?

    public var notice: (starts: CalendarDate, ends: CalendarDate)? {
        guard let noticeStarts, let noticeEnds else { return nil }
        return (noticeStarts, noticeEnds)
    }

    public var lifecycleState: DisclosureLifecycle.State {
        .init(
            status: status, hasPublishedVersion: publishedVersion > 0,
            authors: Set([createdBy, editedBy, submittedBy].compactMap { $0 }))
    }

    /// Whether objections are accepted on `day`.
    public func noticeOpen(on day: CalendarDate) -> Bool {
        NoticePeriod.isOpen(starts: noticeStarts, ends: noticeEnds, withdrawn: withdrawnAt != nil, on: day)
    }

    /// Whether personal details may be shown on `day`: only until the notice
    /// period ends (and never after a withdrawal).
    public func showsPersonalDetails(on day: CalendarDate) -> Bool {
        guard let end = noticeEnds, withdrawnAt == nil else { return false }
        return day <= end
    }
}

/// A published version: never edited after it is written.
public struct PublishedVersion: Sendable, Identifiable {
    public var id: Int
    public var disclosureID: Int
    public var number: Int
    public var content: DisclosureContent
    public var reason: String?
    public var unitSlug: String
    public var itemCode: String
    public var publishedAt: Date
    public var publishedByID: Int?
    public var publishedBy: String
    /// The catalog item's fields when the version was published: what was
    /// public then stays exactly as public, whatever the catalog says later.
    public var fieldSpecs: [FieldSpec]
    /// Secret per version, mixing the non-public values into the ledger.
    var salt: String

    /// Its canonical form, as hashed into the ledger; the notice period is
    /// the disclosure's.
    func record(notice: (starts: CalendarDate, ends: CalendarDate)?) -> CanonicalForm {
        PublishedRecord.version(
            disclosureID: disclosureID, number: number, unitSlug: unitSlug, itemCode: itemCode, content: content, fieldSpecs: fieldSpecs,
            salt: salt, notice: notice, reason: reason, publishedAt: publishedAt.unixSeconds, publishedBy: publishedBy
        )
    }
}
