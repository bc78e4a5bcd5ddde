import Crypto
import Foundation

/// One HTTP POST as it leaves the site, built from a message for one
/// subscription's format. Signatures are made here, at sending time:
/// DingTalk and Feishu refuse a timestamp more than an hour old.
public struct WebhookRequest: Sendable, Equatable {
    public var url: String
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public static func == (lhs: WebhookRequest, rhs: WebhookRequest) -> Bool {
        lhs.url == rhs.url && lhs.body == rhs.body
            && lhs.headers.map { "\($0.name):\($0.value)" } == rhs.headers.map { "\($0.name):\($0.value)" }
    }

    /// - Parameters:
    ///   - origin: the site's address, e.g. `https://gongkai.example.gov.cn`, for the links.
    ///   - deliveryID: the outbox row's number; receivers use it to drop a repeat.
    public init(
        message: WebhookMessage, format: WebhookFormat, url: String, secret: String?, origin: String, deliveryID: Int, at now: Date
    ) {
        let message = format.isChatBot ? message.forChat : message
        let link = origin + message.path
        let objection = message.objectionPath.map { origin + $0 }
        let secret = secret.flatMap { $0.isEmpty ? nil : $0 }
        self.url = url
        self.headers = [("Content-Type", "application/json; charset=utf-8"), ("User-Agent", "Sunboard-Webhook/1")]
        switch format {
        case .wecom:
            var text = "**\(Self.markdownEscaped(message.headline))**\n" + message.lines.map(Self.markdownEscaped).joined(separator: "\n")
            text += "\n[\(message.linkText)](\(link))"
            if let objection { text += "　[提出异议](\(objection))" }
            body = Self.json(["msgtype": "markdown", "markdown": ["content": text]])
        case .dingtalk:
            var text =
                "#### \(Self.markdownEscaped(message.headline))\n\n" + message.lines.map(Self.markdownEscaped).joined(separator: "\n\n")
            text += "\n\n[\(message.linkText)](\(link))"
            if let objection { text += "　[提出异议](\(objection))" }
            body = Self.json(["msgtype": "markdown", "markdown": ["title": message.headline, "text": text]])
            if let secret {
                let timestamp = String(Int64(now.timeIntervalSince1970 * 1000))
                let sign = Self.base64HMAC(key: secret, message: "\(timestamp)\n\(secret)")
                self.url += (url.contains("?") ? "&" : "?") + "timestamp=\(timestamp)&sign=\(Self.percentEncoded(sign))"
            }
        case .feishu:
            var paragraph: [[String: String]] = [["tag": "text", "text": message.lines.joined(separator: "\n") + "\n"]]
            paragraph.append(["tag": "a", "text": message.linkText, "href": link])
            if let objection {
                paragraph.append(["tag": "text", "text": "　"])
                paragraph.append(["tag": "a", "text": "提出异议", "href": objection])
            }
            var object: [String: Any] = [
                "msg_type": "post",
                "content": ["post": ["zh_cn": ["title": message.headline, "content": [paragraph]]]],
            ]
            if let secret {
                // Feishu signs nothing but the timestamp, keyed by timestamp and secret.
                let timestamp = String(Int64(now.timeIntervalSince1970))
                object["timestamp"] = timestamp
                object["sign"] = Self.base64HMAC(key: "\(timestamp)\n\(secret)", message: "")
            }
            body = Self.json(object)
        case .json:
            var disclosure: [String: Any] = ["title": message.title, "url": link]
            if let id = message.disclosureID { disclosure["id"] = id }
            if let version = message.version { disclosure["version"] = version }
            if let item = message.itemTitle { disclosure["item"] = item }
            if let kind = message.disclosureClass { disclosure["class"] = kind.rawValue }
            if let starts = message.noticeStarts, let ends = message.noticeEnds {
                disclosure["notice"] = ["starts": starts.description, "ends": ends.description]
            }
            if let reason = message.reason { disclosure["reason"] = reason }
            if let objection { disclosure["objection_url"] = objection }
            var object: [String: Any] = [
                "id": deliveryID, "event": message.event.code, "at": ShanghaiTime.iso8601(message.at),
                "unit": ["slug": message.unitSlug, "name": message.unitName],
                "text": ([message.headline] + message.lines + [link]).joined(separator: "\n"),
            ]
            if let sequence = message.ledgerSequence, let hash = message.ledgerHash {
                object["ledger"] = ["sequence": sequence, "entry_hash": hash, "code": "\(sequence)-\(hash.prefix(16))", "check_url": link]
            } else {
                object["disclosure"] = disclosure
            }
            body = Self.json(object)
            let timestamp = String(Int64(now.timeIntervalSince1970))
            headers.append(("X-Sunboard-Event", message.event.code))
            headers.append(("X-Sunboard-Delivery", String(deliveryID)))
            headers.append(("X-Sunboard-Timestamp", timestamp))
            if let secret {
                headers.append(("X-Sunboard-Signature", "sha256=" + Self.signature(secret: secret, timestamp: timestamp, body: body)))
            }
        }
    }

    /// The generic format's signature: lowercase hex HMAC-SHA256 of
    /// `timestamp + "." + body` keyed by the secret.
    public static func signature(secret: String, timestamp: String, body: [UInt8]) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Array((timestamp + ".").utf8) + body, using: SymmetricKey(data: Array(secret.utf8)))
        return code.map { String(format: "%02x", $0) }.joined()
    }

    static func base64HMAC(key: String, message: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Array(message.utf8), using: SymmetricKey(data: Array(key.utf8)))
        return Data(code).base64EncodedString()
    }

    private static func percentEncoded(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// Titles are the committee's words: their markup characters become the
    /// full-width ones Chinese text uses anyway, so they form no link or
    /// markup in the chat and show no stray backslash.
    private static func markdownEscaped(_ text: String) -> String {
        let fullWidth: [Character: Character] = [
            "[": "［", "]": "］", "(": "（", ")": "）", "*": "＊", "_": "＿", "#": "＃", "<": "＜", ">": "＞", "`": "｀", "\\": "＼",
        ]
        return String(text.map { fullWidth[$0] ?? $0 })
    }

    private static func json(_ object: [String: Any]) -> [UInt8] {
        // Sorted keys: the same message gives the same bytes, so signatures are reproducible.
        Array((try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8))
    }
}

/// Whether a receiver took the message. Chat bots answer HTTP 200 even when
/// they refuse one (a wrong key, too many messages), with an error code in
/// the JSON; the generic receiver just answers 2xx.
public enum WebhookReply {
    /// `nil` when delivered, else what went wrong, for the delivery log.
    public static func problem(format: WebhookFormat, status: Int, body: [UInt8]) -> String? {
        guard (200..<300).contains(status) else {
            return "HTTP \(status)" + (snippet(body).map { "：\($0)" } ?? "")
        }
        guard format.isChatBot else { return nil }
        guard let object = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] else {
            return "机器人的回复不是 JSON：" + (snippet(body) ?? "（空）")
        }
        // WeCom and DingTalk say `errcode`, Feishu `code` (older bots `StatusCode`).
        let code = (object["errcode"] ?? object["code"] ?? object["StatusCode"]) as? Int
        guard let code else { return "机器人的回复没有结果代码：" + (snippet(body) ?? "") }
        if code == 0 { return nil }
        let text = (object["errmsg"] ?? object["msg"] ?? object["StatusMessage"]) as? String
        return "机器人拒收（代码 \(code)）" + (text.map { "：\($0)" } ?? "")
    }

    private static func snippet(_ body: [UInt8]) -> String? {
        guard !body.isEmpty else { return nil }
        let text = String(decoding: body.prefix(300), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}
