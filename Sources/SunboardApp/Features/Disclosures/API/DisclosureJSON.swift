import Foundation
import SunboardCore

/// A catalog item in the API.
struct CatalogItemJSON: Encodable, Sendable {
    struct Due: Encodable, Sendable {
        var monthsAfter: Int
        var day: Int
        var text: String
    }

    struct Field: Encodable, Sendable {
        var key: String
        var label: String
        var kind: String
        var required: Bool
        var visibility: String
    }

    var id: Int
    var code: String
    var title: String
    var description: String
    var scope: String
    var `class`: String
    var frequency: Nullable<String>
    var dueRule: Nullable<Due>
    var schedule: String
    var boardSection: String
    var fields: [Field]
    var noticeDays: Nullable<Int>
    var retentionYears: Nullable<Int>
    var owner: String

    init(_ item: CatalogItem, owner: String) {
        id = item.id
        code = item.code
        title = item.title
        description = item.description
        scope = item.scope.rawValue
        `class` = item.disclosureClass.rawValue
        frequency = Nullable(item.frequency?.rawValue)
        dueRule = Nullable(
            item.dueRule.flatMap { rule in
                item.frequency.map { Due(monthsAfter: rule.monthsAfter, day: rule.day, text: rule.chinese(for: $0)) }
            })
        schedule = item.scheduleChinese
        boardSection = item.boardSection
        fields = item.fields.map {
            Field(key: $0.key, label: $0.label, kind: $0.kind.rawValue, required: $0.required, visibility: $0.visibility.rawValue)
        }
        noticeDays = Nullable(item.noticeDays)
        retentionYears = Nullable(item.retentionYears)
        self.owner = owner
    }
}

/// A published disclosure in a list.
struct DisclosureSummaryJSON: Encodable, Sendable {
    var id: Int
    var title: String
    var item: String
    var `class`: String
    var period: Nullable<String>
    var version: Int
    var firstPublishedAt: String
    var lastPublishedAt: String
    var withdrawn: Bool
    var url: String
    var apiUrl: String

    init(_ listing: PublicListing, item: CatalogItem?) {
        id = listing.id
        title = listing.title
        self.item = item?.code ?? ""
        `class` = item?.disclosureClass.rawValue ?? ""
        period = Nullable(listing.period?.description)
        version = listing.version
        firstPublishedAt = ShanghaiTime.iso8601(listing.firstPublishedAt)
        lastPublishedAt = ShanghaiTime.iso8601(listing.lastPublishedAt)
        withdrawn = listing.withdrawn
        url = SiteURL.disclosures(.page(listing.id)).path
        apiUrl = SiteURL.disclosures(.api(listing.id)).path
    }
}

/// A page of a list.
struct PageJSON<Item: Encodable & Sendable>: Encodable, Sendable {
    var items: [Item]
    var page: Int
    var perPage: Int
    var total: Int
}

/// One published disclosure with every version, as the public sees it.
struct DisclosureDetailJSON: Encodable, Sendable {
    struct Item: Encodable, Sendable {
        var code: String
        var title: String
        var `class`: String
        var scope: String
    }

    struct Field: Encodable, Sendable {
        var key: String
        var label: String
        var value: String
    }

    struct Attachment: Encodable, Sendable {
        var name: String
        var sha256: String
        var kind: String
        var size: Int
        var url: String
    }

    struct Notice: Encodable, Sendable {
        var starts: String
        var ends: String
        var open: Bool
    }

    struct Withdrawal: Encodable, Sendable {
        var at: String
        var reason: String
        var by: String
    }

    struct Version: Encodable, Sendable {
        var number: Int
        var title: String
        var publishedAt: String
        var publishedBy: String
        var reason: Nullable<String>
        var url: String
    }

    struct Ledger: Encodable, Sendable {
        var sequence: Int
        var event: String
        var entryHash: String
    }

    var id: Int
    var unit: String
    var item: Item
    var title: String
    var body: String
    var period: Nullable<String>
    var fields: [Field]
    var attachments: [Attachment]
    var version: Int
    var firstPublishedAt: String
    var lastPublishedAt: String
    var notice: Nullable<Notice>
    var withdrawal: Nullable<Withdrawal>
    var versions: [Version]
    var ledger: [Ledger]
    var url: String

    init(disclosure: Disclosure, versions: [PublishedVersion], unit: Unit, item: CatalogItem, ledger: [LedgerEntry], today: CalendarDate) {
        let latest = versions.last!
        let withdrawn = disclosure.withdrawnAt != nil
        let showsPersonal = disclosure.showsPersonalDetails(on: today)
        id = disclosure.id
        self.unit = unit.slug
        self.item = Item(code: item.code, title: item.title, class: item.disclosureClass.rawValue, scope: item.scope.rawValue)
        title = latest.content.title
        body = withdrawn ? "" : latest.content.body
        period = Nullable(latest.content.period?.description)
        fields =
            withdrawn
            ? []
            : latest.content.publicFields(of: latest.fieldSpecs, showsPersonalDetails: showsPersonal).map {
                Field(key: $0.spec.key, label: $0.spec.label, value: $0.raw)
            }
        // A notice's files go with its personal details when the notice ends.
        let showsFiles = !withdrawn && (disclosure.noticeEnds == nil || showsPersonal)
        attachments =
            !showsFiles
            ? []
            : latest.content.attachments.map {
                Attachment(
                    name: $0.name, sha256: $0.sha256, kind: $0.kind.rawValue, size: $0.size, url: SiteURL.disclosures(.file($0.sha256)).path
                )
            }
        version = disclosure.publishedVersion
        firstPublishedAt = disclosure.firstPublishedAt.map(ShanghaiTime.iso8601) ?? ""
        lastPublishedAt = disclosure.lastPublishedAt.map(ShanghaiTime.iso8601) ?? ""
        notice = Nullable(
            disclosure.noticeStarts.flatMap { starts in
                disclosure.noticeEnds.map {
                    Notice(starts: starts.description, ends: $0.description, open: disclosure.noticeOpen(on: today))
                }
            })
        withdrawal = Nullable(
            disclosure.withdrawnAt.map {
                Withdrawal(at: ShanghaiTime.iso8601($0), reason: disclosure.withdrawReason ?? "", by: disclosure.withdrawnBy ?? "")
            })
        self.versions = versions.map {
            Version(
                number: $0.number, title: $0.content.title, publishedAt: ShanghaiTime.iso8601($0.publishedAt), publishedBy: $0.publishedBy,
                reason: Nullable($0.reason), url: SiteURL.disclosures(.version(disclosure.id, $0.number)).path)
        }
        self.ledger = ledger.map { Ledger(sequence: $0.sequence, event: $0.event.rawValue, entryHash: $0.entryHash) }
        url = SiteURL.disclosures(.page(disclosure.id)).path
    }
}

/// A ledger entry in the API, with everything needed to recompute its hash
/// and where to fetch the record version it vouches for.
struct LedgerEntryJSON: Encodable, Sendable {
    var sequence: Int
    var format: Int
    var event: String
    var kind: String
    var recordId: Int
    /// For an entry about a disclosure, its id (as before every record was chained).
    var disclosureId: Nullable<Int>
    var version: Int
    var recordUrl: String
    var recordedAt: String
    var recordedAtUnix: Int
    var payloadHash: String
    var previousHash: String
    var entryHash: String

    init(_ entry: LedgerEntry) {
        sequence = entry.sequence
        format = entry.format
        event = entry.event.rawValue
        kind = entry.kind
        recordId = entry.recordID
        disclosureId = Nullable(entry.disclosureID)
        version = entry.version
        recordUrl = SiteURL.ledger(.apiVersion(entry.kind, entry.recordID, entry.version)).path
        recordedAt = ShanghaiTime.iso8601(Date(unixSeconds: entry.recordedAt))
        recordedAtUnix = entry.recordedAt
        payloadHash = entry.payloadHash
        previousHash = entry.previousHash
        entryHash = entry.entryHash
    }
}

struct LedgerPageJSON: Encodable, Sendable {
    var entries: [LedgerEntryJSON]
    var nextAfter: Nullable<Int>
    var total: Int
}
