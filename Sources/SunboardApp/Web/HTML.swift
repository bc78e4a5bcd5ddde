import Crypto
import Foundation
import Hummingbird

/// An HTML page as the response to a request.
///
/// Public pages carry an ETag, so a phone that already has the page gets a
/// 304 and no body; staff pages are never stored by browsers or proxies.
public struct HTML: ResponseGenerator, Sendable {
    public enum Caching: Sendable {
        /// Public reading: may be stored, must be revalidated.
        case publicRevalidate
        /// Anything behind a login, and forms with a token in them.
        case privateNoStore
    }

    public var body: String
    public var status: HTTPResponse.Status
    public var caching: Caching
    /// HTML, or JSON for an API answer kept in the page cache like a page.
    public var contentType = "text/html; charset=utf-8"
    /// Computed once for a page that is kept and served many times.
    private var etag: String?

    public init(_ body: String, status: HTTPResponse.Status = .ok, caching: Caching = .privateNoStore) {
        self.body = body
        self.status = status
        self.caching = caching
    }

    /// Computes the ETag now, for a page about to be kept in memory.
    mutating func freezeETag() {
        etag = ETag.of(body)
    }

    /// A public JSON answer, encoded as `JSONBody` encodes, to keep in the page cache.
    static func json(_ value: some Encodable) throws -> HTML {
        var answer = HTML(String(decoding: try JSONBody<Int>.encoder.encode(value), as: UTF8.self), caching: .publicRevalidate)
        answer.contentType = "application/json; charset=utf-8"
        return answer
    }

    public func response(from request: Request, context: some RequestContext) -> Response {
        switch caching {
        case .privateNoStore:
            let buffer = ByteBuffer(string: body)
            let headers: HTTPFields = [.contentType: contentType, .cacheControl: "no-store", .contentLength: String(buffer.readableBytes)]
            return Response(status: status, headers: headers, body: .init(byteBuffer: buffer))
        case .publicRevalidate:
            return ETag.response(
                to: request, status: status, contentType: contentType, etag: etag ?? ETag.of(body), body: ByteBuffer(string: body)
            )
        }
    }
}

/// Strong validators computed from content, and the answers that use them.
enum ETag {
    /// Public reading: a browser asks again each time (and gets a `304`
    /// while it holds the page); a reverse proxy may answer for a few
    /// seconds without asking, so a burst of readers costs one request.
    static let publicCaching = "public, max-age=0, s-maxage=1"
    /// Public, but asked again every time, by proxies too.
    static let revalidate = "public, no-cache"

    static func of(_ text: String) -> String {
        let digest = SHA256.hash(data: Array(text.utf8))
        return "\""
            + digest.prefix(12).map { byte in
                let hex = String(byte, radix: 16)
                return byte < 16 ? "0" + hex : hex
            }.joined() + "\""
    }

    /// A public answer that may be stored and must be revalidated: `304`
    /// without a body when the client already holds this `etag`.
    static func response(
        to request: Request, status: HTTPResponse.Status, contentType: String, etag: String, body: ByteBuffer
    ) -> Response {
        // Errors and refusals (a 429 with its wait) are never for a proxy to keep.
        var headers: HTTPFields = [.contentType: contentType, .cacheControl: status == .ok ? publicCaching : revalidate, .eTag: etag]
        if status == .ok, ETag.matches(request.headers[.ifNoneMatch], etag) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentLength] = String(body.readableBytes)
        return Response(status: status, headers: headers, body: .init(byteBuffer: body))
    }
}
