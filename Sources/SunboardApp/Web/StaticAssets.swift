import Crypto
import Foundation
import Hummingbird

/// The CSS, scripts and icons the app serves itself (offices often run on
/// intranets: no CDN). Read once at start-up and served from memory.
///
/// Links carry a fingerprint of the file (`/static/app.css?v=1a2b3c4d`),
/// so browsers may keep a file for a year and still see every change.
public struct StaticAssets: Sendable {
    struct Asset: Sendable {
        let body: ByteBuffer
        let contentType: String
        let fingerprint: String
    }

    private let assets: [String: Asset]

    public init(directory: URL) throws {
        var assets: [String: Asset] = [:]
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        for name in names where !name.hasPrefix(".") {
            let data = try Data(contentsOf: directory.appendingPathComponent(name))
            let digest = SHA256.hash(data: data).prefix(6).map { String(format: "%02x", $0) }.joined()
            assets[name] = Asset(
                body: ByteBuffer(bytes: data),
                contentType: Self.contentType(of: name),
                fingerprint: digest
            )
        }
        self.assets = assets
    }

    /// The link to a file, with its fingerprint.
    public func url(_ name: String) -> String {
        guard let asset = assets[name] else { return SiteURL.staticAsset(name).path }
        return SiteURL.staticAsset(name).path + "?v=\(asset.fingerprint)"
    }

    func response(name: String, request: Request) -> Response? {
        guard let asset = assets[name] else { return nil }
        let etag = "\"\(asset.fingerprint)\""
        var headers: HTTPFields = [.contentType: asset.contentType, .eTag: etag]
        // A fingerprinted link never changes meaning; a bare one may.
        let pinned = request.uri.queryParameters["v"].map { String($0) } == asset.fingerprint
        headers[.cacheControl] = pinned ? "public, max-age=31536000, immutable" : "public, max-age=300"
        if ETag.matches(request.headers[.ifNoneMatch], etag) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentLength] = String(asset.body.readableBytes)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: asset.body))
    }

    private static func contentType(of name: String) -> String {
        switch name.split(separator: ".").last {
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "ico": "image/x-icon"
        case "woff2": "font/woff2"
        default: "application/octet-stream"
        }
    }
}
