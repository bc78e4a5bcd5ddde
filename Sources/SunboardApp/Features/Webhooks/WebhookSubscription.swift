import Foundation
import SunboardCore

/// Where a community's publications are posted: a chat group's bot or a
/// JSON receiver, for all or some classes of disclosure.
public struct WebhookSubscription: Sendable, Identifiable {
    public var id: Int
    public var unitID: Int
    public var name: String
    public var format: WebhookFormat
    public var url: String
    public var secret: String?
    /// Empty means every class.
    public var classes: Set<DisclosureClass>
    public var isActive: Bool
    /// Also told of periodic items due soon or missed.
    public var sendsReminders: Bool
    /// Also sent the ledger's head once a day.
    public var sendsLedgerHead: Bool = false
    public var createdBy: String
    public var createdAt: Date

    /// “即时公开、定期公开” or “全部”.
    public var classesChinese: String {
        classes.isEmpty ? "全部" : DisclosureClass.allCases.filter(classes.contains).map(\.chinese).joined(separator: "、")
    }

    /// The address with its key hidden: bots take the key in the query
    /// (WeCom, DingTalk) or as the last part of the path (Feishu), and
    /// whoever holds it can post to the group.
    public var maskedURL: String { Self.masked(url) }

    static func masked(_ url: String) -> String {
        // Plain string work: the masked form is for reading, not a URL to use.
        let pieces = url.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var path = pieces[0].split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        // Past “https:”, “” and the host, a long last part is a key.
        if path.count > 3, let last = path.last, last.count >= 16 { path[path.count - 1] = hidden(last) }
        var result = path.joined(separator: "/")
        if pieces.count == 2 {
            result +=
                "?"
                + pieces[1].split(separator: "&").map { pair in
                    let parts = pair.split(separator: "=", maxSplits: 1)
                    return parts.count == 2 ? "\(parts[0])=\(hidden(String(parts[1])))" : String(pair)
                }.joined(separator: "&")
        }
        return result
    }

    /// “••••a1b2”: the last four characters, enough to tell two keys apart.
    static func hidden(_ secret: String) -> String {
        secret.count <= 4 ? "••••" : "••••" + secret.suffix(4)
    }
}

/// Where a message stands in the outbox.
public enum DeliveryStatus: String, Sendable, CaseIterable {
    case pending
    case delivered
    /// Every retry failed; it waits for “重新发送”.
    case failed

    public var chinese: String {
        switch self {
        case .pending: "待发送"
        case .delivered: "已送达"
        case .failed: "已放弃"
        }
    }
}

/// One message to one subscription, with how its delivery went.
public struct WebhookDelivery: Sendable, Identifiable {
    public struct Attempt: Sendable {
        public var at: Date
        public var milliseconds: Int
        public var statusCode: Int?
        public var error: String?
    }

    public var id: Int
    public var subscriptionID: Int
    public var subscriptionName: String
    public var message: WebhookMessage
    public var status: DeliveryStatus
    public var attempts: Int
    public var nextAttemptAt: Date
    public var lastError: String?
    public var createdAt: Date
    public var deliveredAt: Date?
    public var history: [Attempt] = []
}
