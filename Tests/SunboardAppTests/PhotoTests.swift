import Foundation
import HummingbirdTesting
import SunboardCore
import Testing

@testable import SunboardApp

/// Photos leave the server without where they were taken, and a photo that
/// would take the server's memory is refused before it is decoded.
@Suite("Photos: metadata and bombs")
struct PhotoTests {
    static let gps = TestApp.fixture("gps.jpg")

    /// What a phone writes beside the pixels, as it stands in the fixtures.
    static let traces = ["Exif", "SunboardTestCam", "http://ns.adobe.com/xap", "taken at home", "tEXt", "eXIf", "GPS"]

    static func traces(in bytes: [UInt8]) -> [String] {
        let text = String(decoding: bytes, as: Unicode.ASCII.self)
        return traces.filter { text.contains($0) }
    }

    /// A JPEG's image data: everything from its first start-of-scan marker.
    static func scan(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        let start = (0..<(bytes.count - 1)).first { bytes[$0] == 0xFF && bytes[$0 + 1] == 0xDA } ?? bytes.count
        return bytes[start...]
    }

    static func body(_ response: TestResponse) -> [UInt8] {
        response.body.getBytes(at: response.body.readerIndex, length: response.body.readableBytes) ?? []
    }

    @Test("The fixtures carry GPS, and stripping takes it out without touching the pixels")
    func stripping() throws {
        #expect(Self.traces(in: Self.gps).contains("GPS"))
        let stripped = try #require(ImageMetadata.stripped(Self.gps))
        #expect(Self.traces(in: stripped).isEmpty)
        #expect(Self.scan(stripped) == Self.scan(Self.gps))
        #expect(ImageMetadata.jpegOrientation(Self.gps) == 1)
        #expect(ImageMetadata.jpegOrientation(TestApp.fixture("gps-turned.jpg")) == 6)
        let png = try #require(ImageMetadata.stripped(TestApp.fixture("metadata.png")))
        #expect(Self.traces(in: TestApp.fixture("metadata.png")).contains("eXIf"))
        #expect(Self.traces(in: png).isEmpty && PhotoScaler.size(of: png)! == (8, 6))
        #expect(ImageMetadata.stripped(Array(Self.gps.prefix(40))) == nil)
    }

    @Test("A notice's photo, a receipt and a cadre's photo are served without the camera's metadata")
    func everyPublicImage() async throws {
        try await TestApp.run { app in
            // A notice's attachment.
            let id = try await app.draft(
                try await app.signedIn("yinbei-clerk"), in: "yinbei", item: "police-notice", title: "关于北环路电动车被盗的警情通报",
                body: "2 月 9 日夜间北环路发生一起电动车被盗。", fields: ["occurred_on": "2026-02-09", "area": "北环路"],
                files: [
                    (field: "files", name: "现场.jpg", bytes: Self.gps),
                    (field: "files", name: "标注.png", bytes: TestApp.fixture("metadata.png")),
                ])
            try await app.publishThroughReview(id, in: "yinbei")
            var served: [[UInt8]] = []
            for attachment in try await app.disclosure(id).content.attachments {
                let file = try await app.browser().get("/files/\(attachment.sha256)")
                #expect(file.status == .ok)
                served.append(Self.body(file))
            }
            // A posted reimbursement's receipt.
            let request = try await FinanceTests.file(
                try await app.signedIn("yincheng-worker1"), receipts: [(field: "receipts", name: "发票.jpg", bytes: Self.gps)])
            try await FinanceTests.sign(app, request, as: FinanceTests.fourSigners)
            #expect(
                try await app.signedIn("yincheng-clerk").post(FinanceTests.base + "/reimbursements/\(request)/post", form: []).status
                    == .seeOther)
            let receipt = try #require(try await app.services.finance.reimbursement(id: request)?.receipts.first)
            served.append(Self.body(try await app.browser().get("/files/\(receipt.sha256)")))
            // A cadre's photo.
            let saved = try await app.signedIn("yincheng-clerk").postMultipart(
                "/admin/units/yincheng/cadres",
                fields: [("name", "周海涛"), ("post", "居委会副主任"), ("duties", "综治维稳"), ("lanes", "西大街"), ("phone", "13991234103")],
                files: [(field: "photo", name: "周海涛.jpg", bytes: Self.gps)])
            #expect(saved.status == .seeOther)
            let photo = try #require(
                try await app.services.serviceBoards.cadres(unitID: try await app.unit("yincheng").id).first?.photoSha256)
            served.append(Self.body(try await app.browser().get("/files/\(photo)")))

            #expect(served.count == 4)
            for bytes in served {
                #expect(Self.traces(in: bytes).isEmpty, "a public image still carries \(Self.traces(in: bytes))")
                #expect(PhotoScaler.size(of: bytes) != nil)
            }
            // The JPEGs keep their pixels exactly: only the segments around them went.
            #expect(Self.scan(served[0]) == Self.scan(Self.gps))
        }
    }

    @Test("A photo the camera stored on its side is kept upright, without its metadata")
    func turned() async throws {
        try await TestApp.run { app in
            let saved = try await app.signedIn("yincheng-clerk").postMultipart(
                "/admin/units/yincheng/cadres",
                fields: [("name", "周海涛"), ("post", "居委会副主任"), ("duties", "综治维稳"), ("lanes", "西大街"), ("phone", "13991234103")],
                files: [(field: "photo", name: "竖拍.jpg", bytes: TestApp.fixture("gps-turned.jpg"))])
            #expect(saved.status == .seeOther)
            let photo = try #require(
                try await app.services.serviceBoards.cadres(unitID: try await app.unit("yincheng").id).first?.photoSha256)
            let bytes = Self.body(try await app.browser().get("/files/\(photo)"))
            #expect(PhotoScaler.size(of: bytes)! == (48, 64))
            #expect(Self.traces(in: bytes).isEmpty)
        }
    }

    @Test("Decompression bombs and a truncated photo are refused with a clear reason, before they take memory")
    func bombs() async throws {
        try await TestApp.run { app in
            let clerk = try await app.signedIn("yinbei-clerk")
            let stored = try await app.count("stored_files")
            let item = try await app.item("police-notice", in: "yinbei")
            let form = [
                ("item_id", String(item.id)), ("title", "警情通报"), ("body", "北环路发生一起电动车被盗。"), ("field_occurred_on", "2026-02-09"),
                ("field_area", "北环路"),
            ]
            let before = Memory.resetPeak()
            for (name, bytes, words) in [
                ("炸弹.png", TestApp.fixture("bomb.png"), "像素太多"),
                ("渐进.jpg", TestApp.fixture("bomb-progressive.jpg"), "像素太多"),
                ("半张.jpg", Array(Self.gps.prefix(Self.gps.count / 2)), "无法读取"),
            ] {
                let response = try await clerk.postMultipart(
                    "/admin/units/yinbei/disclosures", fields: form, files: [(field: "files", name: name, bytes: bytes)])
                #expect(response.status == .badRequest, "\(name)")
                #expect(response.text.contains("照片“\(name)”") && response.text.contains(words), "\(name)")
            }
            // Decoded, the bombs would take 196 MB and 106 MB.
            if let before, let peak = Memory.peak() {
                #expect(peak - before < 64 << 20, "the resident memory rose by \((peak - before) >> 20) MB")
            }
            #expect(try await app.count("stored_files") == stored)
            #expect(try await app.count("disclosures") == 0)
        }
    }

    @Test("One form carries at most twenty photos")
    func tooMany() async throws {
        try await TestApp.run { app in
            let clerk = try await app.signedIn("yinbei-clerk")
            let item = try await app.item("police-notice", in: "yinbei")
            let response = try await clerk.postMultipart(
                "/admin/units/yinbei/disclosures",
                fields: [("item_id", String(item.id)), ("title", "警情通报"), ("body", "北环路发生一起电动车被盗。"), ("field_occurred_on", "2026-02-09")],
                files: (0...UploadPreparation.maxPhotos).map { (field: "files", name: "照片\($0).png", bytes: TestApp.png) })
            #expect(response.status == .badRequest)
            #expect(response.text.contains("一次最多上传 20 张照片"))
            #expect(try await app.count("stored_files") == 0)
        }
    }
}

/// The process's resident memory, from Linux's /proc.
enum Memory {
    /// Resets the peak to now (Linux 4.0 and later); returns the memory in use, or `nil` elsewhere.
    static func resetPeak() -> Int? {
        guard (try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)) != nil else { return nil }
        return field("VmRSS")
    }

    /// The peak since the last reset.
    static func peak() -> Int? { field("VmHWM") }

    private static func field(_ name: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }),
            let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
        else { return nil }
        return kilobytes * 1024
    }
}
