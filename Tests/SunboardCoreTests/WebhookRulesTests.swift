import Foundation
import Testing

@testable import SunboardCore

@Suite("Webhooks: message formats, signatures, replies, retries and subscription input")
struct WebhookRulesTests {
    /// 2025-11-27 08:00 UTC = 16:00 in Shanghai.
    static let now = Date(timeIntervalSince1970: 1_764_230_400)

    static let message = WebhookMessage(
        event: .published, unitSlug: "yincheng", unitName: "银城社区", disclosureID: 42, version: 1, title: "低保申请公示[白秀珍]",
        itemTitle: "低保申请人公示", disclosureClass: .immediate, at: now, noticeStarts: CalendarDate("2025-11-27"),
        noticeEnds: CalendarDate("2025-12-03"), path: "/disclosures/42", objectionPath: "/disclosures/42/objection")

    static func object(_ request: WebhookRequest) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any])
    }

    static func request(_ format: WebhookFormat, secret: String? = nil, url: String = "https://bot.example.cn/send?key=k") -> WebhookRequest
    {
        WebhookRequest(message: message, format: format, url: url, secret: secret, origin: "https://gk.example.cn", deliveryID: 7, at: now)
    }

    @Test("WeCom: a markdown message with the headline, the lines and absolute links; the committee's brackets stay text")
    func wecom() throws {
        let request = Self.request(.wecom)
        let body = try Self.object(request)
        #expect(body["msgtype"] as? String == "markdown")
        let content = try #require((body["markdown"] as? [String: Any])?["content"] as? String)
        #expect(content.hasPrefix("**【银城社区】新公开：低保申请公示［白秀珍］**"))
        #expect(content.contains("类别：即时公开 · 低保申请人公示"))
        #expect(content.contains("时间：2025年11月27日 16:00"))
        #expect(content.contains("公示期：2025年11月27日至2025年12月3日"))
        #expect(content.contains("[查看全文](https://gk.example.cn/disclosures/42)"))
        #expect(content.contains("[提出异议](https://gk.example.cn/disclosures/42/objection)"))
        #expect(request.url == "https://bot.example.cn/send?key=k")
    }

    @Test("Chat messages stay under WeCom's 4,096 bytes however long the title and reason; the JSON keeps them whole")
    func longMessages() throws {
        var message = Self.message
        message.event = .corrected
        message.title = String(repeating: "关于文化广场改造工程", count: 30)
        message.itemTitle = String(repeating: "维修工程", count: 40)
        message.reason = String(repeating: "原公示的工程预算有误，", count: 100)
        for format in [WebhookFormat.wecom, .dingtalk, .feishu] {
            let request = WebhookRequest(
                message: message, format: format, url: "https://bot.example.cn/x", secret: "s", origin: "https://gk.example.cn",
                deliveryID: 1, at: Self.now)
            #expect(request.body.count < 4096, "\(format)")
            #expect(String(decoding: request.body, as: UTF8.self).contains("…"))
        }
        let json = WebhookRequest(
            message: message, format: .json, url: "https://r.example.cn/x", secret: "s", origin: "", deliveryID: 1, at: Self.now)
        #expect(String(decoding: json.body, as: UTF8.self).contains(message.reason!))
    }

    @Test("DingTalk signs the URL with the bot's secret (known answer)")
    func dingtalk() throws {
        let request = Self.request(.dingtalk, secret: "SEC0123456789abcdef", url: "https://oapi.dingtalk.com/robot/send?access_token=t")
        #expect(
            request.url
                == "https://oapi.dingtalk.com/robot/send?access_token=t&timestamp=1764230400000&sign=luVjYtDXPpMJcV92tow9felGsSTdrIbmpLbuglh6n5s%3D"
        )
        let markdown = try #require(try Self.object(request)["markdown"] as? [String: Any])
        #expect(markdown["title"] as? String == "【银城社区】新公开：低保申请公示[白秀珍]")
        #expect(Self.request(.dingtalk).url == "https://bot.example.cn/send?key=k")
    }

    @Test("Feishu: a post with links, signed in the body when a secret is set (known answer)")
    func feishu() throws {
        let body = try Self.object(Self.request(.feishu, secret: "feishu-secret"))
        #expect(body["msg_type"] as? String == "post")
        #expect(body["timestamp"] as? String == "1764230400")
        #expect(body["sign"] as? String == "GzYKMx8+IGkZp18MWIq04LKEDj5shxHg/nE8NWqbG4w=")
        let text = String(decoding: Self.request(.feishu).body, as: UTF8.self)
        #expect(text.contains("\"href\":\"https://gk.example.cn/disclosures/42\""))
        #expect(!text.contains("\"sign\""))
    }

    @Test("Generic JSON: the public fields, the delivery id, and an HMAC-SHA256 signature a receiver can check")
    func json() throws {
        #expect(
            WebhookRequest.signature(secret: "json-secret", timestamp: "1764230400", body: Array("{\"a\":1}".utf8))
                == "8746b48811e315d6e5b19e69cfccab97145aa3a40cdec553a986faf498794d44")
        let request = Self.request(.json, secret: "json-secret")
        let body = try Self.object(request)
        #expect(body["id"] as? Int == 7 && body["event"] as? String == "disclosure.published")
        let disclosure = try #require(body["disclosure"] as? [String: Any])
        #expect(disclosure["url"] as? String == "https://gk.example.cn/disclosures/42")
        #expect(disclosure["class"] as? String == "immediate")
        #expect((disclosure["notice"] as? [String: String])?["ends"] == "2025-12-03")
        let headers = Dictionary(uniqueKeysWithValues: request.headers.map { ($0.name, $0.value) })
        #expect(headers["X-Sunboard-Delivery"] == "7" && headers["X-Sunboard-Timestamp"] == "1764230400")
        #expect(
            headers["X-Sunboard-Signature"] == "sha256="
                + WebhookRequest.signature(secret: "json-secret", timestamp: "1764230400", body: request.body))
        // A changed byte no longer matches.
        var tampered = request.body
        tampered[tampered.count - 2] ^= 1
        #expect(
            headers["X-Sunboard-Signature"] != "sha256="
                + WebhookRequest.signature(secret: "json-secret", timestamp: "1764230400", body: tampered))
    }

    @Test("A withdrawal says why and drops the objection link and the notice line")
    func withdrawal() {
        var message = Self.message
        message.event = .withdrawn
        message.reason = "申请人主动撤回申请"
        message.objectionPath = nil
        #expect(message.headline == "【银城社区】撤回：低保申请公示[白秀珍]")
        #expect(message.lines.contains("撤回原因：申请人主动撤回申请"))
        #expect(!message.lines.contains { $0.hasPrefix("公示期") })
    }

    @Test("Replies: chat bots' HTTP 200 with an error code is a failure; the generic receiver needs only 2xx")
    func replies() {
        let ok = Array("{\"errcode\":0,\"errmsg\":\"ok\"}".utf8)
        #expect(WebhookReply.problem(format: .wecom, status: 200, body: ok) == nil)
        #expect(
            WebhookReply.problem(format: .wecom, status: 200, body: Array("{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}".utf8))
                == "机器人拒收（代码 93000）：invalid webhook url")
        #expect(WebhookReply.problem(format: .feishu, status: 200, body: Array("{\"code\":0,\"msg\":\"success\"}".utf8)) == nil)
        #expect(
            WebhookReply.problem(format: .feishu, status: 200, body: Array("{\"code\":19021,\"msg\":\"sign match fail\"}".utf8))?.contains(
                "19021") == true)
        #expect(WebhookReply.problem(format: .dingtalk, status: 200, body: Array("<html>".utf8))?.hasPrefix("机器人的回复不是 JSON") == true)
        #expect(WebhookReply.problem(format: .json, status: 204, body: []) == nil)
        #expect(WebhookReply.problem(format: .json, status: 503, body: Array("busy".utf8)) == "HTTP 503：busy")
    }

    @Test("This machine and private networks are told apart from the internet, however written")
    func privateAddresses() {
        for host in [
            "localhost", "127.0.0.1", "10.1.2.3", "172.16.0.9", "172.31.255.1", "192.168.1.5", "169.254.169.254", "0.0.0.0", "[::1]", "::1",
            "fd00::1", "fe80::1", "::ffff:127.0.0.1", "100.64.0.1", "api.localhost",
            // IPv4 inside IPv6, however written: mapped, NAT64, 6to4, compatible; a local NAT64; padded forms.
            "::ffff:7f00:1", "64:ff9b::10.0.0.1", "64:ff9b::a9fe:a9fe", "64:ff9b:1::8.8.8.8", "2002:c0a8:101::1", "::127.0.0.1",
            "0:0:0:0:0:0:0:1", "[fe80::1%eth0]", "::", "fd12:3456:789a::1",
            // Not an address at all, but looks like one: refused rather than guessed.
            "1::2::3",
        ] {
            #expect(PrivateAddress.isPrivateHost(host), "\(host)")
        }
        for host in [
            "qyapi.weixin.qq.com", "8.8.8.8", "172.32.0.1", "192.169.0.1", "2408:8000::1", "oapi.dingtalk.com", "64:ff9b::8.8.8.8",
            "2002:808:808::1", "[2001:db8::1]",
        ] {
            #expect(!PrivateAddress.isPrivateHost(host), "\(host)")
        }
        #expect(PrivateAddress.isPrivate([127, 0, 0, 1]) && !PrivateAddress.isPrivate([1, 1, 1, 1]))
        #expect(PrivateAddress.isPrivate(Array(repeating: 0, count: 15) + [1]))
        #expect(PrivateAddress.isPrivate(Array(repeating: 0, count: 10) + [0xff, 0xff, 192, 168, 0, 1]))
        #expect(!PrivateAddress.isPrivate([0x24, 0x08] + Array(repeating: 0, count: 13) + [1]))
        // A name looked up to NAT64 of a private address is refused when the message is sent.
        #expect(PrivateAddress.isPrivate([0, 0x64, 0xff, 0x9b] + Array(repeating: 0, count: 8) + [192, 168, 0, 1]))
    }

    @Test("Retries double from the base up to the cap, then stop")
    func retries() {
        let schedule = RetrySchedule()
        #expect(
            schedule.delay(afterFailure: 1) == 60 && schedule.delay(afterFailure: 2) == 120 && schedule.delay(afterFailure: 9) == 15_360)
        #expect(schedule.delay(afterFailure: 10) == 6 * 3600 && schedule.delay(afterFailure: 11) == 6 * 3600)
        #expect(schedule.delay(afterFailure: 12) == nil && schedule.delay(afterFailure: 0) == nil)
        let total = (1..<12).compactMap(schedule.delay(afterFailure:)).reduce(0, +)
        #expect(total > 20 * 3600 && total < 30 * 3600)
        #expect(RetrySchedule(base: 1).delay(afterFailure: 3) == 4)
    }

    @Test("Subscription input: only http(s) addresses, a name, a known format and class, backfill 0 to 20")
    func input() throws {
        let good = WebhookSubscriptionInput(
            name: " 银城社区居民群 ", format: "wecom", url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc", classes: ["immediate"],
            backfill: "3")
        let checked = try good.validated()
        #expect(checked.name == "银城社区居民群" && checked.format == .wecom && checked.classes == [.immediate] && checked.backfill == 3)
        #expect(checked.secret == nil)

        for (url, text) in [
            ("ftp://files.example.cn/hook", "必须以 http:// 或 https:// 开头"), ("javascript:alert(1)", "必须以 http:// 或 https:// 开头"),
            ("", "请填写"), ("https:///send", "缺少服务器名"), ("https://user:pw@bot.example.cn/x", "用户名或密码"),
            ("https://bot.example.cn/a b", "格式不正确"),
        ] {
            var input = good
            input.url = url
            #expect(throws: ValidationFailure.self) { try input.validated() }
            do {
                _ = try input.validated()
            } catch {
                #expect(error.message(for: "url")?.contains(text) == true, "\(url)")
                #expect(error.englishMessage.contains("url"))
            }
        }
        var bad = WebhookSubscriptionInput(name: "", format: "qq", url: "http://127.0.0.1:9/hook", classes: ["weekly"], backfill: "21")
        do {
            _ = try bad.validated()
            Issue.record("accepted")
        } catch {
            #expect(Set(error.issues.map(\.field)) == ["name", "format", "classes", "backfill"])
        }
        bad = WebhookSubscriptionInput(name: "群", format: "json", url: "http://127.0.0.1:9/hook", secret: "a b")
        #expect(throws: ValidationFailure.self) { try bad.validated() }
    }
}
