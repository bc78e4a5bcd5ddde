import Foundation

/// What a subscription is told about one publication: only what the public
/// page itself shows (title, item, dates, reasons, the link), never a
/// field's value, so no personal detail can reach a chat group.
public struct WebhookMessage: Sendable, Codable, Equatable {
    public enum Event: String, Sendable, Codable, CaseIterable {
        case published
        case corrected
        case withdrawn
        /// A periodic item due soon or just missed, for the staff's group.
        case reminder
        /// Sent from the admin page to check a new subscription.
        case test
        /// The ledger's head, once a day, so copies of it live off the server.
        case ledgerHead = "ledger_head"

        /// The generic JSON's `event`, e.g. `disclosure.published`.
        public var code: String {
            switch self {
            case .test: "test"
            case .reminder: "obligation.reminder"
            case .ledgerHead: "ledger.head"
            default: "disclosure.\(rawValue)"
            }
        }

        public var chinese: String {
            switch self {
            case .published: "新公开"
            case .corrected: "更正"
            case .withdrawn: "撤回"
            case .reminder: "到期提醒"
            case .test: "测试消息"
            case .ledgerHead: "账本核对码"
            }
        }
    }

    public var event: Event
    public var unitSlug: String
    public var unitName: String
    public var disclosureID: Int?
    public var version: Int?
    public var title: String
    public var itemTitle: String?
    public var disclosureClass: DisclosureClass?
    /// When the event happened.
    public var at: Date
    public var noticeStarts: CalendarDate?
    public var noticeEnds: CalendarDate?
    /// A correction's or withdrawal's reason, which the public page shows too.
    public var reason: String?
    /// The page on the site (a path; the site's address is added when sent).
    public var path: String
    /// The objection form while the notice runs.
    public var objectionPath: String?
    /// A line of its own: a reminder's due date and status.
    public var note: String?
    /// The ledger's head a `ledgerHead` message carries: its sequence and full hash.
    public var ledgerSequence: Int?
    public var ledgerHash: String?

    public init(
        event: Event, unitSlug: String, unitName: String, disclosureID: Int? = nil, version: Int? = nil, title: String,
        itemTitle: String? = nil, disclosureClass: DisclosureClass? = nil, at: Date, noticeStarts: CalendarDate? = nil,
        noticeEnds: CalendarDate? = nil, reason: String? = nil, note: String? = nil, path: String, objectionPath: String? = nil
    ) {
        self.event = event
        self.unitSlug = unitSlug
        self.unitName = unitName
        self.disclosureID = disclosureID
        self.version = version
        self.title = title
        self.itemTitle = itemTitle
        self.disclosureClass = disclosureClass
        self.at = at
        self.noticeStarts = noticeStarts
        self.noticeEnds = noticeEnds
        self.reason = reason
        self.path = path
        self.objectionPath = objectionPath
        self.note = note
    }

    /// The message for a chat group: a long title, item or reason is cut
    /// short, the link has the rest (WeCom takes at most 4,096 bytes).
    public var forChat: WebhookMessage {
        var short = self
        short.title = Self.cut(title, 100)
        short.itemTitle = itemTitle.map { Self.cut($0, 60) }
        short.reason = reason.map { Self.cut($0, 200) }
        return short
    }

    static func cut(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : text.prefix(limit - 1) + "…"
    }

    /// “【银城社区】新公开：2026年10月财务收支明细”
    public var headline: String { "【\(unitName)】\(event.chinese)：\(title)" }

    /// What its link is called in a chat.
    public var linkText: String { event == .ledgerHead ? "核对账本" : "查看全文" }

    /// The lines under the headline, in plain words; links are added by the format.
    public var lines: [String] {
        var lines: [String] = []
        if let itemTitle {
            lines.append("类别：" + [disclosureClass?.chinese, itemTitle].compactMap { $0 }.joined(separator: " · "))
        }
        lines.append("时间：\(ShanghaiTime.dateTime(at))")
        if let noticeStarts, let noticeEnds, event != .withdrawn {
            lines.append("公示期：\(noticeStarts.chinese)至\(noticeEnds.chinese)，期间可在线提出异议")
        }
        if let reason, !reason.isEmpty {
            lines.append((event == .withdrawn ? "撤回原因：" : "更正原因：") + reason)
        }
        if let note { lines.append(note) }
        return lines
    }
}
