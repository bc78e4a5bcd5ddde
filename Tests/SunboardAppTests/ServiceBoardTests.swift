import Foundation
import HTTPTypes
import HummingbirdTesting
import SQLKit
import SunboardCore
import Testing

@testable import SunboardApp

@Suite("Service boards: 干部监督台, 便民指示牌 and 办事指南")
struct ServiceBoardTests {
    static let guide: [(String, String)] = [
        ("title", "残疾人证申请"), ("applicants", "户籍在本县的残疾人。"), ("conditions", "持有二级以上医院诊断\n户籍在本县"),
        ("documents", "身份证\n户口簿\n两寸照片 3 张"), ("steps", "社区受理：填写申请表\n医院评定：到指定医院评残\n县残联发证"),
        ("fees", "免费"), ("timeLimit", "15 个工作日"), ("place", "社区服务中心"), ("hours", "工作日"), ("contact", "0912-3210101"),
        ("legalBasis", "《残疾人保障法》"),
    ]

    @Test("A clerk keeps the cadre board with a photo; residents see it, its photo and its JSON")
    func cadres() async throws {
        try await TestApp.run { app in
            let clerk = try await app.signedIn("yincheng-clerk")
            let saved = try await clerk.postMultipart(
                "/admin/units/yincheng/cadres",
                fields: [("name", "周海涛"), ("post", "居委会副主任"), ("duties", "综治维稳"), ("lanes", "西大街、城隍庙巷"), ("phone", "13991234103")],
                files: [(field: "photo", name: "周海涛.png", bytes: TestApp.png)])
            #expect(saved.status == .seeOther)
            let page = try await app.browser().get("/units/yincheng/cadres")
            #expect(page.text.contains("周海涛") && page.text.contains("西大街、城隍庙巷") && page.text.contains("tel:13991234103"))
            let cadre = try #require(try await app.services.serviceBoards.cadres(unitID: try await app.unit("yincheng").id).first)
            let photo = try #require(cadre.photoSha256)
            #expect(try await app.browser().get("/files/\(photo)").status == .ok)
            let json = try await app.browser().get("/api/v1/units/yincheng/cadres")
            #expect(json.text.contains("\"photo_url\":\"/files/\(photo)\""))

            // Bad input: no name, a phone with letters, a photo that is not an image.
            let bad = try await clerk.postMultipart(
                "/admin/units/yincheng/cadres", fields: [("name", ""), ("post", "委员"), ("duties", "民政"), ("phone", "call me")],
                files: [(field: "photo", name: "photo.png", bytes: TestApp.pdf)])
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("请填写“姓名”") && bad.text.contains("电话只能有数字"))
            #expect(try await app.count("cadres") == 1)
            let notImage = try await clerk.postMultipart(
                "/admin/units/yincheng/cadres", fields: [("name", "赵丽萍"), ("post", "委员"), ("duties", "计生"), ("phone", "13991234105")],
                files: [(field: "photo", name: "photo.png", bytes: TestApp.pdf)])
            #expect(notImage.status == .badRequest)
            #expect(notImage.text.contains("JPEG 或 PNG"))
            #expect(try await app.count("cadres") == 1)

            // A neighbour's clerk and a supervisor change nothing.
            #expect(
                try await app.signedIn("yinnan-clerk").post("/admin/units/yincheng/cadres/\(cadre.id)/delete", form: []).status
                    == .forbidden)
            #expect(
                try await app.signedIn("yincheng-supervisor").post("/admin/units/yincheng/cadres/\(cadre.id)/delete", form: []).status
                    == .forbidden)
            #expect(try await clerk.post("/admin/units/yincheng/cadres/\(cadre.id)/delete", form: []).status == .seeOther)
            #expect(try await app.count("cadres") == 0)
            #expect(!(try await app.browser().get("/units/yincheng/cadres").text.contains("周海涛")))
        }
    }

    @Test("The directory puts emergency numbers first; bad lines are refused")
    func directory() async throws {
        try await TestApp.run { app in
            let clerk = try await app.signedIn("yincheng-clerk")
            for (category, name, phone) in [("locksmith", "安心开锁", "13572947120"), ("fire", "县消防救援大队", "119")] {
                let response = try await clerk.post(
                    "/admin/units/yincheng/directory", form: [("category", category), ("name", name), ("phone", phone), ("hours", "24 小时")])
                #expect(response.status == .seeOther)
            }
            let page = try await app.browser().get("/units/yincheng/directory").text
            let fire = try #require(page.range(of: "119"))
            let locksmith = try #require(page.range(of: "安心开锁"))
            #expect(fire.lowerBound < locksmith.lowerBound)
            let json = try await app.browser().get("/api/v1/units/yincheng/directory").text
            #expect(json.contains("\"category\":\"fire\"") && json.contains("\"emergency\":true"))
            let bad = try await clerk.post(
                "/admin/units/yincheng/directory", form: [("category", "spaceship"), ("name", ""), ("phone", "")])
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("请选择类别") && bad.text.contains("请填写“名称”") && bad.text.contains("请填写“电话”"))
            #expect(try await app.count("directory_entries") == 2)
            // The office has no directory of its own.
            #expect(try await app.signedIn("admin").get("/admin/units/yinzhou/directory").status == .notFound)
        }
    }

    @Test("The office writes a guide with a form once; every community shows it, with a flow chart and a print view")
    func guides() async throws {
        try await TestApp.run { app in
            let admin = try await app.signedIn("admin")
            let saved = try await admin.postMultipart(
                "/admin/units/yinzhou/guides", fields: Self.guide, files: [(field: "forms", name: "申请表.pdf", bytes: TestApp.pdf)])
            #expect(saved.status == .seeOther)
            let guide = try #require(try await app.services.serviceBoards.guides(lineage: [try await app.unit("yinzhou")]).first)
            #expect(guide.content.steps.map(\.title) == ["社区受理", "医院评定", "县残联发证"])
            #expect(guide.content.fees.isEmpty)
            for slug in ["yincheng", "yinxin"] {
                #expect(try await app.browser().get("/units/\(slug)/guides").text.contains("残疾人证申请"))
            }
            let page = try await app.browser().get("/guides/\(guide.id)?unit=yincheng").text
            #expect(page.contains("class=\"flow\"") && page.contains("医院评定") && page.contains("不收费"))
            #expect(page.contains("/units/yincheng/guides"))
            let print = try await app.browser().get("/guides/\(guide.id)/print")
            #expect(print.status == .ok && print.text.contains("print-view") && print.text.contains("县残联发证"))
            let form = try #require(guide.forms.first)
            #expect(try await app.browser().get("/files/\(form.sha256)").status == .ok)
            let json = try await app.browser().get("/api/v1/guides/\(guide.id)").text
            #expect(json.contains("\"free\":true") && json.contains("\"print_url\":\"/guides/\(guide.id)/print\""))
            #expect(try await app.browser().get("/api/v1/units/yinnan/guides").text.contains("残疾人证申请"))
            #expect(try await app.browser().get("/api/v1/guides/999").status == .notFound)

            // Bad input: one step, no documents, no title — nothing saved.
            let bad = try await admin.post(
                "/admin/units/yinzhou/guides", form: [("title", ""), ("applicants", "所有人"), ("place", "社区"), ("steps", "只有一步")])
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("办理步骤至少写两步") && bad.text.contains("请列出需要带的材料") && bad.text.contains("请填写“事项名称”"))
            #expect(try await app.count("guides") == 1)
            // A community's clerk cannot change the office's guide.
            #expect(
                try await app.signedIn("yincheng-clerk").post("/admin/units/yinzhou/guides/\(guide.id)", form: Self.guide).status
                    == .forbidden)
            #expect(
                try await app.signedIn("yincheng-clerk").post("/admin/units/yincheng/guides/\(guide.id)", form: Self.guide).status
                    == .notFound)
        }
    }
}
