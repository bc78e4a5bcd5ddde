import Foundation
import Hummingbird
import SQLKit
import SunboardCore

/// A stored file as an HTTP response, with its type from the content check
/// made at upload.
enum FileResponse {
    static func make(sha256: String, store: FileStore, database: Database, cache: String) async throws -> Response {
        guard
            let row = try await database.sql.select().column("kind").from("stored_files").where("sha256", .equal, sha256).first(),
            let kind = AttachmentKind(rawValue: try row.decode(column: "kind", as: String.self)),
            let data = try await store.read(sha256)
        else { throw CommonError.notFound }
        let headers: HTTPFields = [
            .contentType: kind.contentType, .contentLength: String(data.count), .cacheControl: cache, .eTag: "\"\(sha256)\"",
            .contentDisposition: "inline",
        ]
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
