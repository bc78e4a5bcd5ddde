import Foundation
import HTTPTypes
import HummingbirdTesting
import SunboardCore
import Testing

@testable import SunboardApp

@Suite("The LED screen and the touch kiosk")
struct ScreenTests {
    @Test("The screen lists current notices, newest first; its JSON follows every publication")
    func screen() async throws {
        try await TestApp.run { app in
            try await app.publishDirectly(in: "yincheng", item: "major-matter", title: "冬季清雪责任区划分", body: "各楼院门前积雪由住户清扫。")
            let page = try await app.browser().get("/screen/yincheng")
            #expect(page.status == .ok)
            #expect(page.text.contains("冬季清雪责任区划分") && page.text.contains("data-feed=\"/screen/yincheng/items.json\""))
            #expect(page.text.contains("/static/screen.js"))
            let first = try await app.browser().get("/screen/yincheng/items.json")
            #expect(first.headers[.contentType] == "application/json; charset=utf-8")
            #expect(first.text.contains("\"title\":\"冬季清雪责任区划分\"") && first.text.contains("各楼院门前积雪由住户清扫。"))
            try await app.publishDirectly(in: "yincheng", item: "major-matter", title: "文化广场冬季开放时间调整")
            let second = try await app.browser().get("/screen/yincheng/items.json").text
            let newer = try #require(second.range(of: "文化广场冬季开放时间调整"))
            let older = try #require(second.range(of: "冬季清雪责任区划分"))
            #expect(newer.lowerBound < older.lowerBound)
            // Standing rules published long ago are not news for the gate.
            #expect(try await app.browser().get("/screen/yinzhou").status == .notFound)
        }
    }

    @Test("The kiosk home starts kiosk mode with big tiles and an idle time a device cannot set below 3 s")
    func kiosk() async throws {
        try await TestApp.run { app in
            let page = try await app.browser().get("/kiosk/yincheng").text
            #expect(page.contains("id=\"kiosk-home\" data-home=\"/kiosk/yincheng\" data-idle=\"60\""))
            #expect(page.contains("/units/yincheng/guides") && page.contains("/units/yincheng/directory"))
            #expect(try await app.browser().get("/kiosk/yincheng?idle=1").text.contains("data-idle=\"3\""))
            #expect(try await app.browser().get("/kiosk/nosuch").status == .notFound)
        }
    }
}
