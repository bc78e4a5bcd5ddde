import Foundation
import SunboardCore

/// The public ledger (公开账本), a page of entries at a time.
struct LedgerPage: Sendable {
    struct Row: Sendable {
        var sequence: Int
        var event: String
        var date: String
        var disclosureURL: String
        var disclosureID: Int
        var version: Int
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

    init(entries: [LedgerEntry], total: Int, pageSize: Int, assets: StaticAssets) {
        self.frame = Frame(title: "公开账本", crumbs: [.init(title: "公开账本", url: SiteURL.ledger.path)], assets: assets)
        self.rows = entries.map {
            Row(
                sequence: $0.sequence, event: $0.event.chinese, date: ShanghaiTime.dateTime(Date(unixSeconds: $0.recordedAt)),
                disclosureURL: SiteURL.disclosureVersion(String($0.disclosureID), String($0.version)).path, disclosureID: $0.disclosureID,
                version: $0.version, payloadHash: $0.payloadHash, entryHash: $0.entryHash, previousHash: $0.previousHash)
        }
        self.hasRows = !rows.isEmpty
        self.total = total
        self.nextURL = entries.count == pageSize ? entries.last.map { SiteURL.ledger.path + "?after=\($0.sequence)" } : nil
        self.firstURL = SiteURL.ledger.path
        self.apiURL = SiteURL.apiLedger.path
    }
}
