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
        return ETag.response(
            to: request, status: status, contentType: "application/json; charset=utf-8",
            etag: ETag.of(String(decoding: data, as: UTF8.self)), body: ByteBuffer(bytes: data)
        )
    }
}
