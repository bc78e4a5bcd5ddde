import Foundation
import SunboardCore

/// The public ledger (公开账本), a page of entries at a time.
struct LedgerPage: Sendable {
    struct Row: Sendable {
        var sequence: Int
        var event: String
        var date: String
        /// “财务账目 第 57 号 · 第 1 版”
        var record: String
        var pageURL: String?
        var recordURL: String
        var payloadHash: String
        var entryHash: String
        var previousHash: String
    }

    var frame: Frame
    var rows: [Row]
    var hasRows: Bool
    var total: Int
    var nextURL: String?
    var firstURL: String
    var apiURL: String
    /// “财务账目 第 57 号的全部登记”, when one record's entries are shown.
    var recordTitle: String?

    init(
        entries: [LedgerEntry], slugs: [Int: String], total: Int, pageSize: Int, record: (kind: String, id: Int)? = nil,
        assets: StaticAssets
    ) {
        recordTitle = record.map { "\(RecordKindName.chinese($0.kind)) 第 \($0.id) 号的全部登记" }
        var crumbs: [Frame.Crumb] = [.init(title: "公开账本", url: SiteURL.ledger(.page).path)]
        if let record, let recordTitle { crumbs.append(.init(title: recordTitle, url: SiteURL.Ledger.record(record.kind, record.id))) }
        self.frame = Frame(title: recordTitle ?? "公开账本", crumbs: crumbs, assets: assets)
        self.rows = entries.map {
            Row(
                sequence: $0.sequence, event: $0.event.chinese, date: ShanghaiTime.dateTime(Date(unixSeconds: $0.recordedAt)),
                record: RecordLinks.label($0),
                pageURL: RecordLinks.page(kind: $0.kind, id: $0.recordID, version: $0.version, format: $0.format, slug: slugs[$0.sequence]),
                recordURL: SiteURL.ledger(.apiVersion($0.kind, $0.recordID, $0.version)).path,
                payloadHash: $0.payloadHash, entryHash: $0.entryHash, previousHash: $0.previousHash)
        }
        self.hasRows = !rows.isEmpty
        self.total = total
        self.nextURL =
            record == nil && entries.count == pageSize ? entries.last.map { SiteURL.ledger(.page).path + "?after=\($0.sequence)" } : nil
        self.firstURL = SiteURL.ledger(.page).path
        self.apiURL = SiteURL.disclosures(.apiLedger).path
    }
}

/// `/ledger/check`: a code from paper or a chat group against the chain.
struct LedgerCheckPage: Sendable {
    enum Result: Sendable {
        /// The entry is there with that hash: nothing up to it was rewritten.
        case holds(sequence: Int, date: String, record: String, pageURL: String?, entryURL: String, since: Int)
        /// The entry is there with another hash: the chain was rewritten.
        case differs(sequence: Int, typed: String, found: String)
        /// The chain does not reach it: entries were deleted.
        case missing(sequence: Int, head: Int)
        case unreadable

        init(code: LedgerCode, entry: LedgerEntry?, head: LedgerEntry?, slug: String?) {
            guard let entry else {
                self = .missing(sequence: code.sequence, head: head?.sequence ?? 0)
                return
            }
            guard code.matches(entry) else {
                self = .differs(sequence: code.sequence, typed: code.prefix, found: String(entry.entryHash.prefix(code.prefix.count)))
                return
            }
            self = .holds(
                sequence: entry.sequence, date: ShanghaiTime.dateTime(Date(unixSeconds: entry.recordedAt)),
                record: RecordLinks.label(entry),
                pageURL: RecordLinks.page(kind: entry.kind, id: entry.recordID, version: entry.version, format: entry.format, slug: slug),
                entryURL: SiteURL.Ledger.entry(entry.sequence), since: max(0, (head?.sequence ?? 0) - entry.sequence))
        }
    }

    /// What the template shows: one verdict, in plain words.
    struct Verdict: Sendable {
        var holds: Bool
        var headline: String
        var lines: [String]
        var pageURL: String?
        var record: String?
        var entryURL: String?
    }

    var frame: Frame
    var typed: String
    var verdict: Verdict?
    var unreadable: Bool

    init(typed: String, result: Result?, assets: StaticAssets) {
        frame = Frame(
            title: "核对纸质公告",
            crumbs: [.init(title: "公开账本", url: SiteURL.ledger(.page).path), .init(title: "核对纸质公告", url: SiteURL.ledger(.check).path)],
            assets: assets)
        self.typed = typed
        unreadable = false
        switch result {
        case nil:
            verdict = nil
        case .unreadable:
            unreadable = true
        case .holds(let sequence, let date, let record, let pageURL, let entryURL, let since):
            verdict = Verdict(
                holds: true, headline: "一致：网上账本的第 \(sequence) 条就是纸上这一条",
                lines: [
                    "这张纸印出时（\(date)），账本共有 \(sequence) 条登记；这些登记至今没有被改写过。",
                    since == 0 ? "此后账本没有新的登记。" : "此后账本又新增了 \(since) 条登记。",
                ], pageURL: pageURL, record: "第 \(sequence) 条登记的是：\(record)", entryURL: entryURL)
        case .differs(let sequence, let typed, let found):
            verdict = Verdict(
                holds: false, headline: "不一致：网上账本的第 \(sequence) 条与纸上的不同",
                lines: [
                    "纸上的核对码是 \(sequence)-\(typed)，网上账本第 \(sequence) 条的指纹开头却是 \(found)。",
                    "这说明这张纸印出以后，网上账本中第 \(sequence) 条及以前的登记被改写过。请先核对是否抄错；没有抄错的话，请向街道办事处或县民政局反映，并保留这张纸。",
                ])
        case .missing(let sequence, let head):
            verdict = Verdict(
                holds: false, headline: "不一致：网上账本没有第 \(sequence) 条",
                lines: [
                    "网上账本现在只有 \(head) 条登记，而这张纸印出时已经有 \(sequence) 条。",
                    "这说明这张纸印出以后，有登记被删掉了。请先核对是否抄错；没有抄错的话，请向街道办事处或县民政局反映，并保留这张纸。",
                ])
        }
    }
}
