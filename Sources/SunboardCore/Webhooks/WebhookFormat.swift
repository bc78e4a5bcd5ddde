/// The chat groups' bots a subscription can post to, and plain signed JSON
/// for anything else (a city platform, a residents' app).
public enum WebhookFormat: String, Sendable, CaseIterable, Codable {
    /// 企业微信群机器人: the key is in the URL; no signature.
    case wecom
    /// 钉钉群机器人: optionally signed (加签) with the bot's secret.
    case dingtalk
    /// 飞书群机器人: optionally signed (签名校验) with the bot's secret.
    case feishu
    /// Any receiver: JSON signed with HMAC-SHA256 of the subscription's secret.
    case json

    public var chinese: String {
        switch self {
        case .wecom: "企业微信群机器人"
        case .dingtalk: "钉钉群机器人"
        case .feishu: "飞书群机器人"
        case .json: "通用 JSON（HMAC-SHA256 签名）"
        }
    }

    /// What the secret is for, in the form's hint.
    public var secretHint: String {
        switch self {
        case .wecom: "企业微信机器人不用密钥，地址中的 key 就是凭据。"
        case .dingtalk: "机器人安全设置选了“加签”时，填以 SEC 开头的密钥。"
        case .feishu: "机器人开启了“签名校验”时，填它的密钥。"
        case .json: "留空则自动生成；接收方用它核对签名。"
        }
    }

    /// Chat bots take about 20 messages a minute; more are refused.
    public var isChatBot: Bool { self != .json }
}
