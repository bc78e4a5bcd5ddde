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

    init(entries: [LedgerEntry], slugs: [Int: String], total: Int, pageSize: Int, assets: StaticAssets) {
        self.frame = Frame(title: "公开账本", crumbs: [.init(title: "公开账本", url: SiteURL.ledger.path)], assets: assets)
        self.rows = entries.map {
            Row(
                sequence: $0.sequence, event: $0.event.chinese, date: ShanghaiTime.dateTime(Date(unixSeconds: $0.recordedAt)),
                record: RecordLinks.label($0),
                pageURL: RecordLinks.page(kind: $0.kind, id: $0.recordID, version: $0.version, format: $0.format, slug: slugs[$0.sequence]),
                recordURL: SiteURL.apiRecordVersion($0.kind, String($0.recordID), String($0.version)).path,
                payloadHash: $0.payloadHash, entryHash: $0.entryHash, previousHash: $0.previousHash)
        }
        self.hasRows = !rows.isEmpty
        self.total = total
        self.nextURL = entries.count == pageSize ? entries.last.map { SiteURL.ledger.path + "?after=\($0.sequence)" } : nil
        self.firstURL = SiteURL.ledger.path
        self.apiURL = SiteURL.apiLedger.path
    }
}
