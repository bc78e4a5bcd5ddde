import Crypto
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

    public init(_ body: String, status: HTTPResponse.Status = .ok, caching: Caching = .privateNoStore) {
        self.body = body
        self.status = status
        self.caching = caching
    }

    public func response(from request: Request, context: some RequestContext) -> Response {
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8"]
        switch caching {
        case .privateNoStore:
            headers[.cacheControl] = "no-store"
        case .publicRevalidate:
            headers[.cacheControl] = "public, no-cache"
            let etag = ETag.of(body)
            headers[.eTag] = etag
            if status == .ok, request.headers[.ifNoneMatch] == etag {
                return Response(status: .notModified, headers: headers)
            }
        }
        let buffer = ByteBuffer(string: body)
        headers[.contentLength] = String(buffer.readableBytes)
        return Response(status: status, headers: headers, body: .init(byteBuffer: buffer))
    }
}

/// Strong validators computed from content.
enum ETag {
    static func of(_ text: String) -> String {
        let digest = SHA256.hash(data: Array(text.utf8))
        return "\"" + digest.prefix(12).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined() + "\""
    }
}
