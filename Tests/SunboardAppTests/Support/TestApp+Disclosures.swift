import Foundation
import HummingbirdTesting
import SunboardCore

@testable import SunboardApp

/// Steps of the disclosure workflow as people take them, through HTTP.
extension TestApp {
    /// A small real PNG (8 × 6 pixels): every photo is decoded at upload.
    static let png = fixture("plain.png")

    /// A file of `Tests/SunboardAppTests/Fixtures/` (README.md there says how each was made).
    static func fixture(_ name: String) -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/\(name)")
        return Array((try? Data(contentsOf: url)) ?? Data())
    }
    static let pdf: [UInt8] = Array("%PDF-1.4\n% a budget sheet\n".utf8)

    func item(_ code: String, in slug: String) async throws -> CatalogItem {
        let unit = try await unit(slug)
        let lineage = try await services.units.lineage(of: unit.id)
        guard let item = try await services.catalog.effective(lineage: lineage).first(where: { $0.code == code }) else {
            throw TestFailure("no catalog item \(code)")
        }
        return item
    }

    /// A new draft from the form, as `browser`; returns its id.
    func draft(
        _ browser: Browser, in slug: String, item code: String, title: String, body: String = "", period: String = "",
        fields: [String: String] = [:], files: [(field: String, name: String, bytes: [UInt8])] = []
    ) async throws -> Int {
        let item = try await item(code, in: slug)
        var form = [("item_id", String(item.id)), ("title", title), ("body", body), ("period", period)]
        form += fields.map { ("field_\($0.key)", $0.value) }
        let response = try await browser.postMultipart("/admin/units/\(slug)/disclosures", fields: form, files: files)
        guard response.status == .seeOther, let location = response.location,
            let id = location.split(separator: "/").last.flatMap({ Int($0.split(separator: "?").first ?? "") })
        else { throw TestFailure("draft answered \(response.status): \(response.text.prefix(300))") }
        return id
    }

    /// Submitted by the clerk, approved by the supervisor, published by the
    /// director of `slug`: the normal path.
    func publishThroughReview(_ id: Int, in slug: String) async throws {
        for (username, step) in [("\(slug)-clerk", "submit"), ("\(slug)-supervisor", "approve"), ("\(slug)-director", "publish")] {
            let response = try await signedIn(username).post("/admin/units/\(slug)/disclosures/\(id)/\(step)", form: [])
            guard response.status == .seeOther else {
                throw TestFailure("\(step) answered \(response.status): \(response.text.prefix(400))")
            }
        }
    }

    func disclosure(_ id: Int) async throws -> Disclosure {
        guard let disclosure = try await services.disclosures.find(id: id) else { throw TestFailure("no disclosure \(id)") }
        return disclosure
    }
}

extension TestApp {
    /// Publishes through the workflow directly, without HTTP or logins: for
    /// tests that need many publications as a backdrop.
    func publishDirectly(in slug: String, item code: String, title: String, body: String = "内容") async throws {
        let unit = try await unit(slug)
        let item = try await item(code, in: slug)
        func actor(_ role: Role) async throws -> StaffActor {
            guard let user = try await services.users.find(username: "\(slug)-\(role.rawValue)") else { throw TestFailure("no \(role)") }
            return .init(id: user.id, name: user.displayName, address: "test", permissions: role.permissions)
        }
        let workflow = services.workflow
        let now = clock.now
        let id = try await workflow.create(
            unit: unit, item: item, input: DisclosureInput(title: title, body: body), uploads: [], actor: try await actor(.clerk), at: now)
        try await workflow.submit(try await disclosure(id), unit: unit, actor: try await actor(.clerk), at: now)
        try await workflow.approve(try await disclosure(id), unit: unit, actor: try await actor(.supervisor), at: now)
        try await workflow.publish(try await disclosure(id), unit: unit, item: item, actor: try await actor(.director), at: now)
    }
}
