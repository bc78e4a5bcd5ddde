import Foundation
import Hummingbird

/// A JSON API response: snake_case keys, sorted for stable output, with an
/// ETag so unchanged lists cost clients nothing.
public struct JSONBody<Value: Encodable & Sendable>: ResponseGenerator, Sendable {
    public var value: Value
    public var status: HTTPResponse.Status

    public init(_ value: Value, status: HTTPResponse.Status = .ok) {
        self.value = value
        self.status = status
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let data = try Self.encoder.encode(value)
        let text = String(decoding: data, as: UTF8.self)
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8", .cacheControl: "public, no-cache"]
        let etag = ETag.of(text)
        headers[.eTag] = etag
        if status == .ok, request.headers[.ifNoneMatch] == etag {
            return Response(status: .notModified, headers: headers)
        }
        let buffer = ByteBuffer(bytes: data)
        headers[.contentLength] = String(buffer.readableBytes)
        return Response(status: status, headers: headers, body: .init(byteBuffer: buffer))
    }
}
