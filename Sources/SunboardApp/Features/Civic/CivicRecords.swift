import Foundation
import SunboardCore

/// An election as the committee keeps it; its stages are its posts.
public struct Election: Sendable, Identifiable {
    public var id: Int
    public var unitID: Int
    public var kind: ElectionKind
    public var title: String
    public var voteOn: CalendarDate
    public var calendar: ElectionCalendar { ElectionCalendar(voteOn: voteOn) }
}

/// A representative assembly meeting, regular or temporary.
public struct Meeting: Sendable, Identifiable {
    public enum Kind: String, Sendable, CaseIterable {
        case regular
        case temporary

        public var chinese: String { self == .regular ? "成员代表大会" : "成员代表大会临时会议" }
    }

    public var id: Int
    public var unitID: Int
    public var kind: Kind
    public var title: String
    public var startsAt: Date
    public var place: String
}

/// A hearing (听证会); its record and follow-up are its posts.
public struct Hearing: Sendable, Identifiable {
    public var id: Int
    public var unitID: Int
    public var topic: String
    public var heldOn: CalendarDate
    public var place: String
}

/// A livelihood project of a year's plan, perhaps part of a larger one.
public struct Project: Sendable, Identifiable {
    public var id: Int
    public var unitID: Int
    public var year: Int
    public var parentID: Int?
    public var name: String
    public var summary: String
    public var budget: Fen
    public var funding: String
    public var contractor: String
    public var weight: Int
}

/// A post with where its disclosure stands.
public struct CivicPostRecord: Sendable {
    public var disclosureID: Int
    public var unitID: Int
    public var recordID: Int?
    public var post: CivicPost
    public var title: String
    public var status: DisclosureStatus
    public var firstPublishedAt: Date?
    public var withdrawn: Bool

    /// Published and not withdrawn: what residents see.
    public var isPublic: Bool { firstPublishedAt != nil && !withdrawn }

    /// Published, and reopened for a correction that is not yet published.
    public var inCorrection: Bool { isPublic && status != .published }

    /// The Shanghai day it was first published.
    public var publishedOn: CalendarDate? { firstPublishedAt.map(CalendarDate.init) }
}
