import Foundation

/// A subscription as typed on the admin page, checked: a name, an http(s)
/// address, the format, an optional secret, the classes it wants (none
/// means all) and how many recent disclosures to send at once.
public struct WebhookSubscriptionInput: Sendable, Equatable {
    public var name: String
    public var format: String
    public var url: String
    public var secret: String
    public var classes: [String]
    public var backfill: String
    /// Also send reminders of periodic items due soon or missed (a staff group).
    public var reminders: Bool
    /// Also send the ledger's head once a day, so copies of it live off the server.
    public var ledgerHead: Bool

    public init(
        name: String = "", format: String = "", url: String = "", secret: String = "", classes: [String] = [], backfill: String = "",
        reminders: Bool = false, ledgerHead: Bool = false
    ) {
        self.name = name
        self.format = format
        self.url = url
        self.secret = secret
        self.classes = classes
        self.backfill = backfill
        self.reminders = reminders
        self.ledgerHead = ledgerHead
    }

    public struct Checked: Sendable, Equatable {
        public var name: String
        public var format: WebhookFormat
        public var url: String
        /// `nil` when none is given; the generic format then gets a generated one.
        public var secret: String?
        public var classes: Set<DisclosureClass>
        public var backfill: Int
        public var reminders: Bool = false
        public var ledgerHead: Bool = false
    }

    /// The most recent disclosures a new subscription may ask for.
    public static let maxBackfill = 20

    public func validated() throws(ValidationFailure) -> Checked {
        var issues: [ValidationFailure.Issue] = []
        let name = self.name.trimmed
        if name.isEmpty || name.count > 40 {
            issues.append(
                .init(field: "name", message: "请填写名称（40 个字以内），例如“银城社区居民群”。", englishMessage: "name is required (up to 40 characters)."))
        }
        let format = WebhookFormat(rawValue: format)
        if format == nil {
            issues.append(.init(field: "format", message: "请选择消息格式。", englishMessage: "format must be wecom, dingtalk, feishu or json."))
        }
        let url = self.url.trimmed
        if let problem = Self.problem(url: url) { issues.append(problem) }
        let secret = self.secret.trimmed
        if secret.count > 200 || secret.contains(where: \.isWhitespace) {
            issues.append(
                .init(
                    field: "secret", message: "密钥最多 200 个字符，且不能有空格。", englishMessage: "secret must be up to 200 characters without spaces.")
            )
        }
        var classes: Set<DisclosureClass> = []
        for raw in self.classes {
            guard let kind = DisclosureClass(rawValue: raw) else {
                issues.append(.init(field: "classes", message: "公开类别不正确。", englishMessage: "unknown class \(raw)."))
                continue
            }
            classes.insert(kind)
        }
        let backfillText = backfill.trimmed
        let backfill = backfillText.isEmpty ? 0 : Int(backfillText) ?? -1
        if !(0...Self.maxBackfill).contains(backfill) {
            issues.append(
                .init(
                    field: "backfill", message: "补发条数请填 0 到 \(Self.maxBackfill) 之间的整数。",
                    englishMessage: "backfill must be a whole number from 0 to \(Self.maxBackfill)."))
        }
        try ValidationFailure.check(issues)
        return Checked(
            name: name, format: format!, url: url, secret: secret.isEmpty ? nil : secret, classes: classes, backfill: backfill,
            reminders: reminders, ledgerHead: ledgerHead)
    }

    /// Only http and https, with a host, no spaces and no user name or
    /// password in it: anything else could not be posted to, or would put a
    /// password where the log shows it.
    static func problem(url: String) -> ValidationFailure.Issue? {
        let field = "url"
        guard !url.isEmpty else {
            return .init(field: field, message: "请填写机器人的 Webhook 地址。", englishMessage: "url is required.")
        }
        guard url.count <= 1000, !url.contains(where: { $0.isWhitespace }),
            let components = URLComponents(string: url), let scheme = components.scheme?.lowercased()
        else {
            return .init(field: field, message: "Webhook 地址格式不正确，请从机器人设置中整段复制。", englishMessage: "url is not a valid address.")
        }
        guard scheme == "http" || scheme == "https" else {
            return .init(
                field: field, message: "Webhook 地址必须以 http:// 或 https:// 开头。", englishMessage: "url must start with http:// or https://.")
        }
        guard let host = components.host, !host.isEmpty else {
            return .init(field: field, message: "Webhook 地址缺少服务器名。", englishMessage: "url has no host.")
        }
        guard components.user == nil, components.password == nil else {
            return .init(field: field, message: "Webhook 地址里不能带用户名或密码。", englishMessage: "url must not contain a user name or password.")
        }
        return nil
    }
}
