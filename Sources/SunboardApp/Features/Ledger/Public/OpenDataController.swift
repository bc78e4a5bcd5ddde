import Foundation
import Hummingbird
import NIOPosix
import SunboardCore

/// `GET /units/{slug}/open-data.zip`: the unit's open data (`OpenData`).
///
/// Made once per change, not per request: the file is kept in the data
/// folder under the versions it was made from (the unit's board version;
/// an office's with its communities'), so any instance sharing the folder
/// serves it as a file until something public changes.
struct OpenDataController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(SiteURL.ledger(.openData(.key)).route, use: download)
    }

    var folder: URL { URL(fileURLWithPath: services.configuration.dataDirectory).appendingPathComponent("open-data") }

    @Sendable func download(_ request: Request, context: AppRequestContext) async throws -> Response {
        let slug = try context.parameters.require("slug")
        guard Slug.isValid(slug), let unit = try await services.units.find(slug: slug) else { throw CommonError.notFound }
        var units = [unit]
        var version = "\(unit.boardVersion)"
        if unit.kind == .office {
            let communities = try await services.units.children(of: unit.id)
            units += communities
            version += "." + communities.map { "\($0.id)-\($0.boardVersion)" }.joined(separator: ".")
        }
        let key = "\(slug)-\(CanonicalForm.sha256(version).prefix(16))"
        let etag = "\"\(key)\""
        let headers: HTTPFields = [
            .contentType: "application/zip", .cacheControl: "public, no-cache", .eTag: etag,
            .contentDisposition: "attachment; filename=\"\(slug)-open-data.zip\"",
        ]
        if ETag.matches(request.headers[.ifNoneMatch], etag) { return Response(status: .notModified, headers: headers) }
        let file = folder.appendingPathComponent("\(key).zip")
        let bytes = try await services.exports.run(key) { [services, folder, units] in
            if let kept = try? Data(contentsOf: file) { return Array(kept) }
            let made = try await OpenData(database: services.database).archive(for: unit, units: units, at: services.clock.now)
            try await NIOThreadPool.singleton.runIfActive {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                // Written aside and moved into place; the unit's older exports go.
                let temporary = folder.appendingPathComponent(".\(key).\(UUID().uuidString)")
                try Data(made).write(to: temporary)
                // rename(2) replaces in one step; if another instance got there first, its file holds the same.
                if rename(temporary.path, file.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
                for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
                where name != file.lastPathComponent && name.hasPrefix("\(slug)-") && name.count == slug.count + 21 {
                    try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
                }
            }
            return made
        }
        var answer = headers
        answer[.contentLength] = String(bytes.count)
        return Response(status: .ok, headers: answer, body: .init(byteBuffer: .init(bytes: bytes)))
    }
}
