import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import SunboardCore
import Testing

@testable import SunboardApp

/// A receiver on a real port: it records what arrives and answers as told.
actor Receiver {
    struct Received: Sendable {
        var headers: [String: String]
        var body: [UInt8]
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:] }
    }

    private(set) var received: [Received] = []
    /// Requests still to be refused with HTTP 500.
    var failures: Int
    /// What a successful answer says (a chat bot's JSON, say).
    var answer: String

    init(failures: Int = 0, answer: String = "ok") {
        self.failures = failures
        self.answer = answer
    }

    func set(failures: Int? = nil, answer: String? = nil) {
        if let failures { self.failures = failures }
        if let answer { self.answer = answer }
    }

    func take(_ headers: [String: String], _ body: [UInt8]) -> (HTTPResponse.Status, String) {
        received.append(Received(headers: headers, body: body))
        if failures > 0 {
            failures -= 1
            return (.internalServerError, "receiver down")
        }
        return (.ok, answer)
    }

    /// Starts the receiver, runs `body` with its port, stops it.
    static func serving(_ receiver: Receiver, _ body: @Sendable (Int) async throws -> Void) async throws {
        let router = Router()
        router.post("hook") { request, _ -> Response in
            let bytes = try await request.body.collect(upTo: 1 << 20)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            let (status, text) = await receiver.take(headers, Array(buffer: bytes))
            return Response(status: status, body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        try await Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0))).test(.live) { client in
            try await body(try #require(client.port))
        }
    }
}

@Suite("Webhooks: the outbox, deliveries with retries to a real receiver, the admin page")
struct WebhookTests {
    static let botURL = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=0123456789abcdef-wecomkey"

    static func subscribe(
        _ browser: Browser, in slug: String = "yincheng", name: String, format: String, url: String, secret: String = "",
        classes: [String] = [], backfill: String = ""
    ) async throws -> TestResponse {
        var form = [("name", name), ("format", format), ("url", url), ("secret", secret), ("backfill", backfill)]
        form += classes.map { ("classes", $0) }
        return try await browser.post("/admin/units/\(slug)/webhooks", form: form)
    }

    static func outbox(_ app: TestApp) async throws -> [(subscription: String, status: String, message: WebhookMessage)] {
        try await app.database.sql.select().column(SQLColumn("name", table: "s"), as: "name").column(
            SQLColumn("status", table: "o"), as: "status"
        )
        .column(SQLColumn("message", table: "o"), as: "message")
        .from(SQLAlias(SQLIdentifier("webhook_outbox"), as: SQLIdentifier("o")))
        .join(
            SQLAlias(SQLIdentifier("webhook_subscriptions"), as: SQLIdentifier("s")), on: SQLColumn("id", table: "s"), .equal,
            SQLColumn("subscription_id", table: "o")
        )
        .orderBy(SQLColumn("id", table: "o")).all()
        .map {
            (
                try $0.decode(column: "name", as: String.self), try $0.decode(column: "status", as: String.self),
                try WebhookOutbox.decode(try $0.decode(column: "message", as: String.self))
            )
        }
    }

    @Test("A publication, its correction and its withdrawal each put a message in the outbox of every subscription that wants its class")
    func enqueue() async throws {
        try await TestApp.run { app in
            let director = try await app.signedIn("yincheng-director")
            #expect(try await Self.subscribe(director, name: "居民群", format: "wecom", url: Self.botURL).status == .seeOther)
            #expect(
                try await Self.subscribe(
                    director, name: "区平台", format: "json", url: "https://platform.example.cn/hooks/sunboard", classes: ["immediate"]
                ).status == .seeOther)
            let neighbour = try await app.signedIn("yinnan-director")
            #expect(
                try await Self.subscribe(
                    neighbour, in: "yinnan", name: "银南居民群", format: "feishu",
                    url: "https://open.feishu.cn/open-apis/bot/v2/hook/abcdef0123456789abcdef"
                ).status == .seeOther)

            try await app.publishDirectly(in: "yincheng", item: "major-matter", title: "冬季清雪责任区划分")
            try await app.publishDirectly(in: "yincheng", item: "duties", title: "银城社区居委会工作职责")
            var rows = try await Self.outbox(app)
            #expect(rows.map(\.subscription) == ["居民群", "区平台", "居民群"])
            #expect(rows.allSatisfy { $0.status == "pending" && $0.message.event == .published && $0.message.unitSlug == "yincheng" })
            #expect(rows[0].message.title == "冬季清雪责任区划分" && rows[0].message.disclosureClass == .immediate)
            #expect(rows[2].message.disclosureClass == .standing)

            // Withdrawn with a public reason: the groups are told, with the reason.
            let id = try #require(
                try await app.database.sql.select().column("id").from("disclosures").where(
                    "unit_id", .equal, SQLBind(try await app.unit("yincheng").id)
                )
                .orderBy("id", .descending).offset(1).first()?.decode(column: "id", as: Int.self))
            #expect(
                try await director.post("/admin/units/yincheng/disclosures/\(id)/withdraw", form: [("reason", "与上月通知重复")]).status
                    == .seeOther)
            rows = try await Self.outbox(app)
            #expect(rows.count == 5)
            #expect(
                rows.suffix(2).allSatisfy {
                    $0.message.event == .withdrawn && $0.message.reason == "与上月通知重复" && $0.message.title == "冬季清雪责任区划分"
                })
            #expect(try await app.count("webhook_outbox") == 5)  // nothing for 银南
            // Monitoring sees them waiting.
            let health = try await app.browser().get("/healthz").text
            #expect(health.contains("\"outbox\":{\"failed\":0,\"pending\":5}"), "\(health)")
        }
    }

    @Test("Delivered over real HTTP, signed; a receiver that is down gets the message again after the backoff")
    func deliveryWithRetries() async throws {
        let receiver = Receiver(failures: 2)
        try await Receiver.serving(receiver) { port in
            try await TestApp.run { app in
                try await app.publishDirectly(in: "yincheng", item: "major-matter", title: "文化广场改造方案征求意见")
                try await app.publishDirectly(in: "yincheng", item: "duties", title: "银城社区居委会工作职责")
                let director = try await app.signedIn("yincheng-director")
                #expect(
                    try await Self.subscribe(
                        director, name: "区平台", format: "json", url: "http://127.0.0.1:\(port)/hook", secret: "test-secret", backfill: "2"
                    ).status == .seeOther)
                let sender = app.services.webhookSender
                #expect(try await sender.round() == 2)
                #expect(try await Self.outbox(app).allSatisfy { $0.status == "pending" })
                #expect(try await sender.round() == 0)  // not due for a minute
                app.clock.advance(61)
                #expect(try await sender.round() == 2)
                #expect(try await Self.outbox(app).map(\.status) == ["delivered", "delivered"])
                #expect(try await sender.round() == 0)

                let received = await receiver.received
                #expect(received.count == 4)
                // Oldest first, each delivery id twice (refused, then taken), every one signed.
                let ids = received.compactMap { $0.headers["x-sunboard-delivery"] }
                #expect(Set(ids).count == 2)
                for request in received {
                    let timestamp = try #require(request.headers["x-sunboard-timestamp"])
                    #expect(
                        request.headers["x-sunboard-signature"] == "sha256="
                            + WebhookRequest.signature(secret: "test-secret", timestamp: timestamp, body: request.body))
                    #expect(request.headers["x-sunboard-event"] == "disclosure.published")
                }
                let titles = Set(received.compactMap { ($0.json["disclosure"] as? [String: Any])?["title"] as? String })
                #expect(titles == ["文化广场改造方案征求意见", "银城社区居委会工作职责"])

                // The log shows both attempts of each.
                let page = try await director.get("/admin/units/yincheng/webhooks").text
                #expect(page.contains("已送达") && page.contains("（已试 2 次）") && page.contains("HTTP 500：receiver down"))
                #expect(try await app.count("webhook_attempts") == 4)
            }
        }
    }

    @Test("A chat bot that refuses with an error code is retried, given up on, and sent again by hand; an unreachable address is logged")
    func giveUpAndRetry() async throws {
        let receiver = Receiver(answer: #"{"errcode":93000,"errmsg":"invalid webhook url"}"#)
        try await Receiver.serving(receiver) { port in
            try await TestApp.run { app in
                let director = try await app.signedIn("yincheng-director")
                #expect(
                    try await Self.subscribe(director, name: "居民群", format: "wecom", url: "http://127.0.0.1:\(port)/hook?key=k123456789")
                        .status == .seeOther)
                #expect(
                    try await Self.subscribe(director, name: "断开的群", format: "json", url: "http://127.0.0.1:1/hook").status == .seeOther)
                try await app.publishDirectly(in: "yincheng", item: "major-matter", title: "巷道硬化工程开工")
                let base = app.services.webhookSender
                let sender = WebhookSender(
                    database: base.database, client: base.client, schedule: RetrySchedule(base: 60, maxAttempts: 2), origin: base.origin,
                    clock: base.clock, logger: base.logger)
                #expect(try await sender.round() == 2)
                app.clock.advance(61)
                #expect(try await sender.round() == 2)
                #expect(try await Self.outbox(app).map(\.status) == ["failed", "failed"])

                let page = try await director.get("/admin/units/yincheng/webhooks").text
                #expect(page.contains("已放弃") && page.contains("机器人拒收（代码 93000）：invalid webhook url"))
                #expect(page.contains("发送失败") && page.contains("重新发送"))

                // The bot's key is fixed; the clerk presses “重新发送”.
                await receiver.set(answer: #"{"errcode":0,"errmsg":"ok"}"#)
                let delivery = try #require(
                    try await app.database.sql.select().column("id").from("webhook_outbox").orderBy("id").first()?.decode(
                        column: "id", as: Int.self))
                #expect(
                    try await director.post("/admin/units/yincheng/webhooks/deliveries/\(delivery)/retry", form: []).status == .seeOther)
                // Not twice; not another unit's.
                #expect(
                    try await director.post("/admin/units/yincheng/webhooks/deliveries/\(delivery)/retry", form: []).status == .notFound)
                #expect(
                    try await app.signedIn("yinnan-director").post(
                        "/admin/units/yinnan/webhooks/deliveries/\(delivery + 1)/retry", form: []
                    ).status == .notFound)
                // A chat bot takes about 20 messages a minute: the next waits a few seconds after the last.
                #expect(try await sender.round() == 0)
                app.clock.advance(5)
                #expect(try await sender.round() == 1)
                #expect(try await Self.outbox(app).map(\.status) == ["delivered", "failed"])
                let markdown = try #require((await receiver.received.last?.json["markdown"] as? [String: Any])?["content"] as? String)
                #expect(markdown.contains("【银城社区】新公开：巷道硬化工程开工") && markdown.contains("[查看全文](http://127.0.0.1:8080/disclosures/"))
            }
        }
    }

    @Test(
        "Only the director and the office manage webhooks; bad addresses are refused in plain words; keys stay masked; pause, test and delete"
    )
    func adminPage() async throws {
        try await TestApp.run { app in
            let path = "/admin/units/yincheng/webhooks"
            #expect(try await app.browser().get(path).status == .found)  // to the login page
            #expect(try await app.signedIn("yincheng-clerk").get(path).status == .forbidden)
            #expect(try await app.signedIn("yincheng-supervisor").get(path).status == .forbidden)
            #expect(try await app.signedIn("yinnan-director").get(path).status == .forbidden)
            let clerk = try await app.signedIn("yincheng-clerk")
            #expect(try await Self.subscribe(clerk, name: "群", format: "wecom", url: Self.botURL).status == .forbidden)

            let director = try await app.signedIn("yincheng-director")
            for (url, message) in [
                ("ftp://files.example.cn/hook", "Webhook 地址必须以 http:// 或 https:// 开头。"),
                ("javascript:alert(1)", "必须以 http:// 或 https:// 开头"),
                ("", "请填写机器人的 Webhook 地址。"),
            ] {
                let refused = try await Self.subscribe(director, name: "居民群", format: "wecom", url: url)
                #expect(refused.status == .badRequest)
                #expect(refused.text.contains(message))
                #expect(refused.text.contains("value=\"居民群\""))  // what was typed stays
            }
            let many = try await Self.subscribe(director, name: "居民群", format: "wecom", url: Self.botURL, backfill: "500")
            #expect(many.status == .badRequest && many.text.contains("补发条数请填 0 到 20 之间的整数。"))
            #expect(try await app.count("webhook_subscriptions") == 0)

            // The office administrator reaches the community's page too.
            let office = try await app.signedIn("admin")
            #expect(try await Self.subscribe(office, name: "居民群", format: "wecom", url: Self.botURL).status == .seeOther)
            var page = try await director.get(path).text
            #expect(page.contains("居民群") && page.contains("推送中") && page.contains("key=••••mkey"))
            #expect(!page.contains("0123456789abcdef-wecomkey"))
            #expect(page.contains("SUNBOARD_PUBLIC_URL"))
            #expect(
                WebhookSubscription.masked("https://open.feishu.cn/open-apis/bot/v2/hook/abcdef0123456789abcdef")
                    == "https://open.feishu.cn/open-apis/bot/v2/hook/••••cdef")
            #expect(WebhookSubscription.masked("http://127.0.0.1:9000/hook") == "http://127.0.0.1:9000/hook")

            let id = try #require(try await app.services.webhooks.subscriptions(unitID: try await app.unit("yincheng").id).first?.id)
            #expect(try await director.post("\(path)/\(id)/test", form: []).status == .seeOther)
            #expect(try await Self.outbox(app).map(\.message.event) == [.test])
            // Paused: new publications are not queued for it.
            #expect(try await director.post("\(path)/\(id)/pause", form: []).status == .seeOther)
            try await app.publishDirectly(in: "yincheng", item: "major-matter", title: "暂停期间的公开")
            #expect(try await app.count("webhook_outbox") == 1)
            page = try await director.get(path).text
            #expect(page.contains("已暂停") && page.contains("恢复"))
            #expect(try await director.post("\(path)/\(id)/resume", form: []).status == .seeOther)
            try await app.publishDirectly(in: "yincheng", item: "major-matter", title: "恢复以后的公开")
            #expect(try await app.count("webhook_outbox") == 2)
            // Without the form token nothing changes.
            #expect(try await director.post("\(path)/\(id)/delete", form: [("confirm", "on")], token: .some(nil)).status == .forbidden)
            let unconfirmed = try await director.post("\(path)/\(id)/delete", form: [])
            #expect(unconfirmed.status == .badRequest && unconfirmed.text.contains("请先勾选“确认删除”"))
            #expect(try await app.count("webhook_subscriptions") == 1)
            #expect(try await director.post("\(path)/\(id)/delete", form: [("confirm", "on")]).status == .seeOther)
            #expect(try await app.count("webhook_subscriptions") == 0)
            #expect(try await app.count("webhook_outbox") == 0)
            let audit = try await app.database.sql.select().column("action").from("audit_log").where("action", .like, SQLBind("webhook.%"))
                .all()
            #expect(audit.count == 5)  // the office's create, the director's test, pause, resume and delete
        }
    }

    @Test("Addresses on this machine or a private network are refused when typed and when sent, unless the operator allows them")
    func privateAddresses() async throws {
        try await TestApp.run(allowsPrivateWebhooks: false) { app in
            let director = try await app.signedIn("yincheng-director")
            for url in ["http://127.0.0.1:9000/hook", "http://localhost/hook", "https://192.168.1.20/robot", "http://[::1]:80/x"] {
                let refused = try await Self.subscribe(director, name: "内网", format: "json", url: url)
                #expect(refused.status == .badRequest, "\(url)")
                #expect(refused.text.contains("不能推送到本机或内网地址"))
            }
            #expect(try await app.count("webhook_subscriptions") == 0)
            // A name that resolves to this machine is caught when the message is sent.
            let client = OutboundHTTPClient(timeout: .seconds(2), allowsPrivate: false)
            let request = WebhookRequest(
                message: WebhookMessage(event: .test, unitSlug: "yincheng", unitName: "银城社区", title: "测试", at: app.clock.now, path: "/"),
                format: .json, url: "http://localhost:9/hook", secret: "s", origin: "", deliveryID: 1, at: app.clock.now)
            await #expect(throws: OutboundHTTPClient.Failure.self) { try await client.post(request) }
        }
    }

    @Test("A message this version cannot read is set aside with its reason and holds up no other")
    func unreadableRow() async throws {
        let receiver = Receiver()
        try await Receiver.serving(receiver) { port in
            try await TestApp.run { app in
                let director = try await app.signedIn("yincheng-director")
                #expect(
                    try await Self.subscribe(director, name: "区平台", format: "json", url: "http://127.0.0.1:\(port)/hook").status
                        == .seeOther)
                try await app.publishDirectly(in: "yincheng", item: "major-matter", title: "巷道硬化工程开工")
                try await app.database.sql.update("webhook_outbox").set("message", to: SQLBind("{\"event\":\"moved\"}")).run()
                try await app.publishDirectly(in: "yincheng", item: "major-matter", title: "巷道硬化工程完工")
                #expect(try await app.services.webhookSender.round() == 1)
                #expect(try await app.count("webhook_outbox") == 2)
                let statuses = try await app.database.sql.select().column("status").column("last_error").from("webhook_outbox").orderBy(
                    "id"
                ).all()
                #expect(try statuses.map { try $0.decode(column: "status", as: String.self) } == ["failed", "delivered"])
                #expect(try statuses[0].decode(column: "last_error", as: String.self).hasPrefix("消息无法读取"))
                let page = try await director.get("/admin/units/yincheng/webhooks")
                #expect(page.status == .ok && page.text.contains("（这条消息无法读取）"))
                #expect(await receiver.received.count == 1)
            }
        }
    }
}
