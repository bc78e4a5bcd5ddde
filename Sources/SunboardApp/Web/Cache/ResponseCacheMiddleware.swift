import Foundation
import Hummingbird
import SunboardCore

/// Serves public answers from ``ResponseCache`` before any other work, and
/// keeps each new one as it goes out. Outermost but for metrics: a hit skips
/// the router, the error pages and every handler. What is kept is what a
/// handler marked public (``ETag/publicCaching``), so staff pages, forms
/// with a token and anything that sets a cookie never are.
struct ResponseCacheMiddleware<Context: RequestContext>: RouterMiddleware {
    let services: AppServices
    var cache: ResponseCache { services.responses }
    var database: Database { services.database }

    /// Longer addresses are answered but not kept.
    static var maxKeyLength: Int { 512 }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get || request.method == .head, let key = key(for: request) else {
            return try await next(request, context)
        }
        let now = services.clock.now
        var versions = database.versions.current
        if !versions.isLoaded {
            try? await database.versions.refresh(on: database.sql)
            versions = database.versions.current
            // Unknown (the database unreachable): made afresh, and not kept.
            guard versions.isLoaded else { return try await next(request, context) }
        }
        if let entry = cache.entry(for: key.text, plain: key.plain, versions: versions, at: now) {
            return entry.response(to: request)
        }

        let dependencies = CacheDependencies()
        let response = try await CacheDependencies.$current.withValue(dependencies) { try await next(request, context) }
        if dependencies.isRefused, response.headers[.cacheControl] == ETag.publicCaching {
            // Not for a proxy's micro-cache either.
            var response = response
            response.headers[.cacheControl] = ETag.revalidate
            return response
        }
        guard request.method == .get, Self.mayKeep(response) else { return response }
        let body = try await Self.collect(response.body)
        // The versions from before the handler read anything: what it read is no older.
        let units = dependencies.unitIDs.sorted().map { (id: $0, version: versions.units[$0]) }
        guard body.readableBytes <= cache.maxEntryBytes, units.allSatisfy({ $0.version != nil }) else {
            return Response(status: response.status, headers: response.headers, body: .init(byteBuffer: body))
        }
        let midnight = CalendarDate(now).adding(days: 1).startInstant
        let entry = Self.entry(
            from: response, body: body, units: units.map { ($0.id, $0.version!) }, epoch: versions.epoch,
            expires: min(midnight, dependencies.expiresAt ?? midnight))
        cache.keep(entry, for: key.text, plain: key.plain)
        return entry.response(to: request)
    }

    /// The address, and whether it is a plain one: no query, and the
    /// server's own origin. Absolute links follow the request's `Host` when
    /// no public address is set (``AppServices/origin(of:)``), so the origin
    /// is part of the key; any other is an address a stranger can vary.
    private func key(for request: Request) -> (text: String, plain: Bool)? {
        guard let path = request.head.path, path.utf8.count <= Self.maxKeyLength, !Self.isPrivate(path) else { return nil }
        guard services.configuration.publicURL == nil else { return (path, Self.isCanonical(path)) }
        let origin = services.origin(of: request)
        return (origin + path, Self.isCanonical(path) && origin == services.configuration.origin)
    }

    /// A path as the site's own links write it: no query, lower-case
    /// letters, digits, `-`, `.` and `_` between single slashes, no number
    /// with a leading zero. The router reads `//units/a/`, `/disclosures/042`
    /// and `/disclosures/42` alike, so only one spelling gets the pages' room.
    static func isCanonical(_ path: String) -> Bool {
        guard path == "/" || (path.hasPrefix("/") && !path.hasSuffix("/")) else { return false }
        return path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).dropFirst().allSatisfy { segment in
            guard let first = segment.first else { return path == "/" }
            if first == UInt8(ascii: "0") && segment.count > 1 && segment.allSatisfy({ (48...57).contains($0) }) { return false }
            return segment.allSatisfy { byte in
                (97...122).contains(byte) || (48...57).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
                    || byte == UInt8(ascii: "_")
            }
        }
    }

    /// Staff pages and the machine's own endpoints are never kept.
    private static func isPrivate(_ path: String) -> Bool {
        path.hasPrefix(SiteURL.staff(.home).path) || path.hasPrefix("/healthz") || path.hasPrefix("/metrics")
    }

    static func mayKeep(_ response: Response) -> Bool {
        guard response.status == .ok, response.headers[.cacheControl] == ETag.publicCaching, response.headers[.eTag] != nil,
            response.headers[.setCookie] == nil, response.headers[.contentEncoding] == nil,
            let type = response.headers[.contentType]
        else { return false }
        return type.hasPrefix("text/") || type.hasPrefix("application/json") || type.contains("+xml")
    }

    /// The body in one buffer. Public pages are made in memory whole, so
    /// this copies what is already there.
    private static func collect(_ body: ResponseBody) async throws -> ByteBuffer {
        let collector = Collector()
        try await body.write(collector)
        return collector.buffer
    }

    private static func entry(
        from response: Response, body: ByteBuffer, units: [(id: Int, version: Int)], epoch: Int, expires: Date
    ) -> ResponseCache.Entry {
        var headers = response.headers
        headers[.contentLength] = nil
        headers[.vary] = "Accept-Encoding"
        let etag = headers[.eTag] ?? ""
        func variant(_ body: ByteBuffer, etag: String, encoding: String?) -> ResponseCache.Entry.Variant {
            var full = headers
            full[.eTag] = etag
            if let encoding { full[.contentEncoding] = encoding }
            var notModified = full
            notModified[.contentType] = nil
            notModified[.contentEncoding] = nil
            full[.contentLength] = String(body.readableBytes)
            return .init(headers: full, body: body, notModified: notModified, etag: etag)
        }
        // Another representation, another tag (RFC 9110 §8.8.3).
        let gzipTag = etag.hasSuffix("\"") ? String(etag.dropLast()) + "-gzip\"" : etag
        let gzip = ResponseCache.gzip(body).map { variant($0, etag: gzipTag, encoding: "gzip") }
        return .init(
            plain: variant(body, etag: etag, encoding: nil), gzip: gzip, units: units, epoch: epoch, expires: expires)
    }
}

/// Gathers a response body as it is written.
private final class Collector: ResponseBodyWriter {
    var buffer = ByteBuffer()

    func write(_ part: ByteBuffer) async throws {
        var part = part
        buffer.writeBuffer(&part)
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
