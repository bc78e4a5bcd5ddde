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

    public var lifecycleState: DisclosureLifecycle.State {
        .init(status: status, hasPublishedVersion: publishedVersion > 0, submittedBy: submittedBy)
    }

    /// Whether objections are accepted on `day`.
    public func noticeOpen(on day: CalendarDate) -> Bool {
        guard let start = noticeStarts, let end = noticeEnds, withdrawnAt == nil else { return false }
        return start <= day && day <= end
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

    /// Its canonical form, as hashed into the ledger.
    public var record: CanonicalForm {
        PublishedRecord.version(
            disclosureID: disclosureID, number: number, unitSlug: unitSlug, itemCode: itemCode, content: content,
            reason: reason, publishedAt: publishedAt.unixSeconds, publishedBy: publishedBy
        )
    }
}
