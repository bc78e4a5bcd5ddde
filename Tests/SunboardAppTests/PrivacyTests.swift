import Foundation
import HTTPTypes
import HummingbirdTesting
import SQLKit
import SunboardCore
import Testing

@testable import SunboardApp

@Suite("Privacy: nothing that is not public for its board ever leaves")
struct PrivacyTests {
    static let marker = "PRIVMARK"

    @Test("A marker planted in every non-public field of every demo card appears in no page, API response, feed, print view or export")
    func plantedMarkers() async throws {
        try await TestApp.run(demo: .year) { app in
            let sql = app.database.sql
            // 1. Plant a unique marker in every non-public field of every card,
            // in every staff-only note, and in the applicant flag's relation.
            let rows = try await sql.select().columns("id", "unit_id", "board", "field_values").from("board_cards").all()
            #expect(rows.count > 300)
            var planted = 0
            for row in rows {
                let id = try row.decode(column: "id", as: Int.self)
                let unitID = try row.decode(column: "unit_id", as: Int.self)
                guard let board = PeopleBoard.find(try row.decode(column: "board", as: String.self)) else { continue }
                let visibilities = try await app.services.peopleBoards.visibilities(unitID: unitID, board: board)
                var values = BoardCardRow.decode(try row.decode(column: "field_values", as: String.self))
                for field in board.fields where visibilities[field.key] != .public {
                    values[field.key] = "\(Self.marker)\(id)x\(field.key)"
                    planted += 1
                }
                var update = sql.update("board_cards").set("field_values", to: SQLBind(BoardCardRow.encode(values)))
                    .set("relation_note", to: SQLBind("\(Self.marker)\(id)relation"))
                if visibilities[PeopleBoard.nameKey] != .public { update = update.set("name", to: SQLBind("\(Self.marker)\(id)name")) }
                try await update.where("id", .equal, SQLBind(id)).run()
            }
            try await sql.update("board_card_events").set("note", to: SQLRaw("'\(Self.marker)note' || CAST(id AS TEXT)")).run()
            // Who sent feedback, and what an objection says about a person on notice, stay with the staff too.
            try await sql.update("feedback").set("name", to: SQLBind("\(Self.marker)name")).set(
                "contact", to: SQLBind("\(Self.marker)contact")
            )
            .run()
            try await sql.update("objections").set("name", to: SQLBind("\(Self.marker)name")).set(
                "contact", to: SQLBind("\(Self.marker)contact")
            )
            .set("text", to: SQLBind("\(Self.marker)objection")).run()
            #expect(try await app.count("feedback") > 0)
            #expect(try await app.count("objections") > 0)
            try await sql.update("units").set("board_version", to: SQLRaw("board_version + 1")).run()
            // As the server's watcher would within a second.
            try await app.services.database.versions.refresh(on: sql)
            #expect(planted > 1000)

            // 2. A new applicant with markers in every internal field goes on notice through the workflow,
            //    while 银新 posts to chat groups in every format.
            let director = try await app.signedIn("yinxin-director")
            for format in WebhookFormat.allCases {
                let subscribed = try await director.post(
                    "/admin/units/yinxin/webhooks",
                    form: [
                        ("name", format.rawValue), ("format", format.rawValue), ("url", "https://bot.example.cn/\(format.rawValue)?key=k"),
                        ("secret", "s"),
                    ])
                #expect(subscribed.status == .seeOther)
            }
            let clerk = try await app.signedIn("yinxin-clerk")
            let hidden = PeopleBoard.dibao.fields.filter { $0.visibility != .public && $0.kind != .idNumber }
            var form: [(String, String)] = [("name", "隐私测试户"), ("household_size", "3"), ("monthly_benefit", "700")]
            for field in hidden {
                form.append(
                    (field.key, field.kind == .number ? "55" : field.kind == .phone ? "13900000000" : "\(Self.marker)new\(field.key)"))
            }
            form += [("related_to_staff", "on"), ("relation", "\(Self.marker)newrelation")]
            let added = try await clerk.post("/admin/units/yinxin/boards/dibao/cards", form: form)
            #expect(added.status == .seeOther)
            let card = try #require(
                try await app.services.peopleBoards.cards(unitID: try await app.unit("yinxin").id, board: .dibao, statuses: [.applicant])
                    .first { $0.name == "隐私测试户" })
            #expect(try await clerk.post("/admin/units/yinxin/boards/dibao/cards/\(card.id)/notice", form: []).status == .seeOther)
            let noticeID = try #require(try await app.services.peopleBoards.card(id: card.id)?.noticeDisclosureID)
            for (username, step) in [("yinxin-supervisor", "approve"), ("yinxin-director", "publish")] {
                #expect(
                    try await app.signedIn(username).post("/admin/units/yinxin/disclosures/\(noticeID)/\(step)", form: []).status
                        == .seeOther)
            }

            // 3. Every public output.
            var paths = ["/", "/ledger", "/api/v1/ledger", "/api/v1/units"]
            // Every period with records, up to the clock's month (a later one has none and answers 404).
            let periods = ["", "2025", "2026", "2026-Q1", "2026-Q4"] + (1...11).map { String(format: "2026-%02d", $0) }
            for slug in ["yinzhou", "yincheng", "yinnan", "yinbei", "yinxin"] {
                paths += ["/units/\(slug)", "/api/v1/units/\(slug)", "/units/\(slug)/feed.atom"]
                paths += DisclosureClass.allCases.map { "/units/\(slug)/feed.atom?class=\($0.rawValue)" }
                guard slug != "yinzhou" else { continue }
                paths += [
                    "/units/\(slug)/boards", "/api/v1/units/\(slug)/boards", "/units/\(slug)/disclosures",
                    "/units/\(slug)/disclosures?section=rosters",
                    "/api/v1/units/\(slug)/disclosures", "/units/\(slug)/catalog", "/units/\(slug)/finance",
                    "/units/\(slug)/finance/ledger.csv",
                    "/units/\(slug)/cadres", "/units/\(slug)/directory", "/units/\(slug)/guides", "/api/v1/units/\(slug)/cadres",
                    "/api/v1/units/\(slug)/directory", "/api/v1/units/\(slug)/guides", "/screen/\(slug)", "/screen/\(slug)/items.json",
                    "/kiosk/\(slug)", "/units/\(slug)/feedback", "/units/\(slug)/leaflet",
                ]
                for board in PeopleBoard.all {
                    for period in periods {
                        let query = period.isEmpty ? "" : "?period=\(period)"
                        paths += ["/units/\(slug)/boards/\(board.code)\(query)", "/api/v1/units/\(slug)/boards/\(board.code)\(query)"]
                    }
                }
            }
            let published = try await sql.select().column("id").column("withdrawn_at").from("disclosures")
                .where("published_version", .greaterThan, SQLBind(0)).all()
            for row in published {
                let id = try row.decode(column: "id", as: Int.self)
                paths += ["/disclosures/\(id)", "/api/v1/disclosures/\(id)", "/disclosures/\(id)/versions/1"]
                // A withdrawn disclosure is not printed.
                if try row.decode(column: "withdrawn_at", as: Int?.self) == nil { paths.append("/disclosures/\(id)/print") }
            }
            for row in try await sql.select().column("id").from("guides").all() {
                let id = try row.decode(column: "id", as: Int.self)
                paths += ["/guides/\(id)", "/guides/\(id)/print", "/api/v1/guides/\(id)"]
            }
            let resident = app.browser()
            var leaks: [String] = []
            var fetched = 0
            for path in paths {
                let response = try await resident.get(path)
                #expect(response.status == .ok, "\(path) answered \(response.status)")
                fetched += 1
                if response.text.contains(Self.marker) { leaks.append(path) }
            }
            // Nor does any file of any unit's open data.
            for slug in ["yinzhou", "yincheng", "yinnan", "yinbei", "yinxin"] {
                let archive = try await resident.get("/units/\(slug)/open-data.zip")
                #expect(archive.status == .ok)
                for (name, text) in try OpenDataTests.unzip(Array(archive.body.readableBytesView)) where text.contains(Self.marker) {
                    leaks.append("/units/\(slug)/open-data.zip: \(name)")
                }
            }
            // Search finds none of the markers (the page repeats what was asked, so it is checked by its answer).
            #expect(try await resident.get("/api/v1/search?q=\(Self.marker)").text.contains("\"count\":0"))
            #expect(try await resident.get("/search?q=\(Self.marker)").text.contains("没有找到包含"))
            #expect(fetched > 600)
            #expect(leaks.isEmpty, "markers leaked on \(leaks.prefix(10))")

            // Nor does any message the chat groups are sent, as it would leave the site.
            let sender = app.services.webhookSender
            let subscriptions = Dictionary(
                uniqueKeysWithValues: try await sql.select().column("*").from("webhook_subscriptions").all().map(
                    WebhookRepository.subscription
                )
                .map { ($0.id, $0) })
            var messages = 0
            for row in try await sql.select().column("id").column("message").column("subscription_id").from("webhook_outbox").all() {
                let message = try WebhookOutbox.decode(try row.decode(column: "message", as: String.self))
                let subscription = try #require(subscriptions[try row.decode(column: "subscription_id", as: Int.self)])
                let request = WebhookRequest(
                    message: message, format: subscription.format, url: subscription.url, secret: subscription.secret,
                    origin: sender.origin,
                    deliveryID: try row.decode(column: "id", as: Int.self), at: app.clock.now)
                let sent = String(decoding: request.body, as: UTF8.self) + request.url + request.headers.map(\.value).joined()
                #expect(!sent.contains(Self.marker))
                if message.disclosureID == noticeID { messages += 1 }
            }
            #expect(messages == WebhookFormat.allCases.count)

            // The check can fail: the public fields are there, and staff do see the markers.
            #expect(try await resident.get("/units/yincheng/boards/dibao").text.contains("刘桂芳"))
            #expect(try await resident.get("/disclosures/\(noticeID)").text.contains("隐私测试户"))
            let staffPage = try await app.signedIn("yinxin-clerk").get("/admin/units/yinxin/boards/dibao/cards/\(card.id)")
            #expect(staffPage.text.contains("\(Self.marker)newhealth"))
        }
    }
}
