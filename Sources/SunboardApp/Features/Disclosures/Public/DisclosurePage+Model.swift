import Foundation
import SunboardCore

/// A published disclosure's public page: its latest version (or the one
/// asked for), its dates, its files, and every version with what changed.
struct DisclosurePage: Sendable {
    struct Field: Sendable {
        var label: String
        var value: String
    }

    struct Attachment: Sendable {
        var name: String
        var url: String
        var isImage: Bool
        var kind: String
        var size: String
    }

    struct VersionLink: Sendable {
        var number: Int
        var url: String
        var date: String
        var publishedBy: String
        /// Not optional: a missing value would be looked up in the page.
        var reasonText: String
        var hasReason: Bool
        var isShown: Bool
    }

    struct DiffLine: Sendable {
        var text: String
        var added: Bool
        var removed: Bool
        /// Stands for unchanged lines left out.
        var skipped: Bool
    }

    struct FieldChange: Sendable {
        var label: String
        var before: String
        var after: String
    }

    struct LedgerLink: Sendable {
        var sequence: Int
        var event: String
        var date: String
        var hash: String
        var url: String
    }

    var frame: Frame
    var title: String
    var unitName: String
    var unitURL: String
    var itemTitle: String
    var className: String
    var scopeName: String
    var period: String?
    var firstPublished: String
    var shownPublished: String
    var publishedBy: String
    var versionNumber: Int
    var isLatest: Bool
    var latestURL: String
    var bodyHTML: String
    var hasBody: Bool
    var fields: [Field]
    var hasFields: Bool
    var statementLines: [StatementRow]
    var hasStatementLines: Bool
    var personalHidden: Bool
    var attachments: [Attachment]
    var hasAttachments: Bool
    var hasNotice: Bool
    var noticeStarts: String
    var noticeEnds: String
    var noticeOpen: Bool
    var objectionURL: String
    /// The A4 print view with its QR codes; none for a withdrawn disclosure.
    var printURL: String?
    var withdrawn: Bool
    var withdrawReason: String
    var withdrawnOn: String
    var withdrawnBy: String
    var versions: [VersionLink]
    var hasHistory: Bool
    var reason: String?
    var hasDiff: Bool
    var diff: [DiffLine]
    var fieldChanges: [FieldChange]
    var hasFieldChanges: Bool
    var hasChanges: Bool
    var ledger: [LedgerLink]
    var apiURL: String

    init(
        disclosure: Disclosure, shown: PublishedVersion, versions: [PublishedVersion], unit: Unit, parent: Unit?, item: CatalogItem,
        ledger: [LedgerEntry], today: CalendarDate, assets: StaticAssets
    ) {
        let id = disclosure.id
        var crumbs: [Frame.Crumb] = []
        if let parent { crumbs.append(.init(title: parent.name, url: SiteURL.units(.page(parent.slug)).path)) }
        crumbs.append(.init(title: unit.name, url: SiteURL.units(.page(unit.slug)).path))
        crumbs.append(.init(title: shown.content.title, url: SiteURL.disclosures(.page(id)).path))
        self.frame = Frame(title: "\(shown.content.title) · \(unit.name)", crumbs: crumbs, assets: assets)
        self.title = shown.content.title
        self.unitName = unit.name
        self.unitURL = SiteURL.units(.page(unit.slug)).path
        self.itemTitle = item.title
        self.className = item.disclosureClass.chinese
        self.scopeName = item.scope.chinese
        self.period = shown.content.period?.chinese
        self.firstPublished = disclosure.firstPublishedAt.map(ShanghaiTime.dateTime) ?? ""
        self.shownPublished = ShanghaiTime.dateTime(shown.publishedAt)
        self.publishedBy = shown.publishedBy
        self.versionNumber = shown.number
        self.isLatest = shown.number == disclosure.publishedVersion
        self.latestURL = SiteURL.disclosures(.page(id)).path
        self.apiURL = SiteURL.disclosures(.api(id)).path

        // A withdrawn disclosure keeps its record and reason, not its content.
        let withdrawn = disclosure.withdrawnAt != nil
        let showsPersonal = disclosure.showsPersonalDetails(on: today)
        self.withdrawn = withdrawn
        self.withdrawReason = disclosure.withdrawReason ?? ""
        self.withdrawnOn = disclosure.withdrawnAt.map(ShanghaiTime.dateTime) ?? ""
        self.withdrawnBy = disclosure.withdrawnBy ?? ""
        self.bodyHTML = withdrawn ? "" : Markdown.html(shown.content.body)
        self.hasBody = !withdrawn && !shown.content.body.isEmpty
        let shownFields = withdrawn ? [] : shown.content.publicFields(of: shown.fieldSpecs, showsPersonalDetails: showsPersonal)
        self.fields = shownFields.filter { $0.spec.kind != .ledgerLines }.map { Field(label: $0.spec.label, value: $0.display) }
        self.hasFields = !fields.isEmpty
        // A statement's lines, as a table with links to each line's receipts.
        self.statementLines = shownFields.filter { $0.spec.kind == .ledgerLines }.flatMap { field in
            (Statement.lines(from: field.raw) ?? []).map { StatementRow($0, unitSlug: unit.slug) }
        }
        self.hasStatementLines = shownFields.contains { $0.spec.kind == .ledgerLines }
        // A notice's files may show the people it is about: they go with the personal details.
        let showsFiles = !withdrawn && (disclosure.noticeEnds == nil || showsPersonal)
        self.personalHidden =
            !withdrawn && !showsPersonal
            && (shown.fieldSpecs.contains { $0.visibility == .duringNotice } || !shown.content.attachments.isEmpty)
        self.attachments =
            !showsFiles
            ? []
            : shown.content.attachments.map {
                Attachment(
                    name: $0.name, url: SiteURL.disclosures(.file($0.sha256)).path, isImage: $0.kind.isImage, kind: $0.kind.chinese,
                    size: Self.size($0.size))
            }
        self.hasAttachments = !attachments.isEmpty

        self.hasNotice = disclosure.noticeStarts != nil
        self.noticeStarts = disclosure.noticeStarts?.chinese ?? ""
        self.noticeEnds = disclosure.noticeEnds?.chinese ?? ""
        self.noticeOpen = disclosure.noticeOpen(on: today)
        self.objectionURL = SiteURL.disclosures(.objection(id)).path
        self.printURL = disclosure.withdrawnAt == nil ? SiteURL.disclosures(.print(id)).path : nil

        self.versions = versions.reversed().map {
            VersionLink(
                number: $0.number, url: SiteURL.disclosures(.version(id, $0.number)).path, date: ShanghaiTime.dateTime($0.publishedAt),
                publishedBy: $0.publishedBy, reasonText: $0.reason ?? "", hasReason: $0.reason != nil, isShown: $0.number == shown.number)
        }
        self.hasHistory = versions.count > 1
        self.reason = shown.reason

        let previous = versions.last { $0.number < shown.number }
        if let previous, !withdrawn {
            let lines = TextDiff.lines(
                from: previous.content.title + "\n" + previous.content.body, to: shown.content.title + "\n" + shown.content.body)
            self.diff = Self.hunks(lines)
            // By field key: two fields may share a label.
            let before = Dictionary(
                previous.content.publicFields(of: previous.fieldSpecs, showsPersonalDetails: showsPersonal).map {
                    ($0.spec.key, $0.display)
                },
                uniquingKeysWith: { first, _ in first })
            let after = Dictionary(shownFields.map { ($0.spec.key, $0.display) }, uniquingKeysWith: { first, _ in first })
            self.fieldChanges = shown.fieldSpecs.compactMap { spec in
                before[spec.key] == after[spec.key]
                    ? nil : FieldChange(label: spec.label, before: before[spec.key] ?? "（无）", after: after[spec.key] ?? "（无）")
            }
        } else {
            self.diff = []
            self.fieldChanges = []
        }
        self.hasDiff = diff.contains { $0.added || $0.removed }
        self.hasFieldChanges = !fieldChanges.isEmpty
        self.hasChanges = hasDiff || hasFieldChanges
        self.ledger = ledger.map {
            LedgerLink(
                sequence: $0.sequence, event: $0.event.chinese, date: ShanghaiTime.dateTime(Date(unixSeconds: $0.recordedAt)),
                hash: String($0.entryHash.prefix(16)),
                url: SiteURL.ledger(.page).path + "?after=\(max(0, $0.sequence - 1))#entry-\($0.sequence)")
        }
    }

    /// Changed lines with one unchanged line around each change; longer
    /// unchanged stretches are told as a count, so a reader sees at once
    /// what a correction touched.
    static func hunks(_ lines: [TextDiff.Line], context: Int = 1) -> [DiffLine] {
        let changed = lines.indices.filter { if case .same = lines[$0] { false } else { true } }
        var result: [DiffLine] = []
        var skipped = 0
        for (index, line) in lines.enumerated() {
            let near = changed.contains { abs($0 - index) <= context }
            switch line {
            case .same where !near:
                skipped += 1
                continue
            default:
                if skipped > 0 {
                    result.append(DiffLine(text: "……（\(skipped) 行未改动）", added: false, removed: false, skipped: true))
                    skipped = 0
                }
            }
            switch line {
            case .same(let text): result.append(DiffLine(text: text, added: false, removed: false, skipped: false))
            case .added(let text): result.append(DiffLine(text: text, added: true, removed: false, skipped: false))
            case .removed(let text): result.append(DiffLine(text: text, added: false, removed: true, skipped: false))
            }
        }
        if skipped > 0 { result.append(DiffLine(text: "……（\(skipped) 行未改动）", added: false, removed: false, skipped: true)) }
        return result
    }

    static func size(_ bytes: Int) -> String {
        bytes < 1024 * 1024 ? "\(max(1, bytes / 1024)) KB" : "\((bytes * 10 / (1024 * 1024)) / 10).\((bytes * 10 / (1024 * 1024)) % 10) MB"
    }
}

/// One line of a published statement, as the disclosure page lists it.
struct StatementRow: Sendable {
    var date: String
    var kind: String
    var category: String
    var summary: String
    var counterparty: String
    var handler: String
    var amount: String
    var signers: String
    var receipts: String
    var url: String?
    /// A correcting line's “冲销第 12 笔：…”.
    var correction: String?

    init(_ line: Statement.Line, unitSlug: String) {
        date = CalendarDate(line.date)?.chinese ?? line.date
        kind = line.kind.chinese
        category = line.category
        summary = line.summary
        counterparty = line.counterparty
        handler = line.handler
        amount = (line.kind == .expense ? Fen(-line.amount.value) : line.amount).signedYuan
        correction = line.correction
        signers = line.signers.joined(separator: "、")
        receipts = line.receipts.isEmpty ? "" : "\(line.receipts.count) 张"
        url = line.entry.map { SiteURL.finance(.entry(unitSlug, $0)).path }
    }
}
