import Foundation
import Hummingbird
import SQLKit
import SunboardCore

/// A stored file as an HTTP response, with its type from the content check
/// made at upload. Its ETag is its hash, so a copy that is still good is
/// answered `304` with no body.
enum FileResponse {
    /// For files that stay public for good (a posted reimbursement's receipts).
    static let forever = "public, max-age=31536000, immutable"
    /// For files whose public life can end (a notice's attachments, a
    /// cadre's photo): phones and proxies may keep a copy but must ask
    /// each time, so a withdrawn file stops being shown.
    static let revalidate = "public, no-cache"

    static func make(sha256: String, store: FileStore, database: Database, cache: String, request: Request) async throws -> Response {
        let tag = "\"\(sha256)\""
        if ETag.matches(request.headers[.ifNoneMatch], tag) {
            return Response(status: .notModified, headers: [.cacheControl: cache, .eTag: tag])
        }
        guard
            let row = try await database.sql.select().column("kind").from("stored_files").where("sha256", .equal, sha256).first(),
            let kind = AttachmentKind(rawValue: try row.decode(column: "kind", as: String.self)),
            let data = try await store.read(sha256)
        else { throw CommonError.notFound }
        let headers: HTTPFields = [
            .contentType: kind.contentType, .contentLength: String(data.count), .cacheControl: cache, .eTag: tag,
            .contentDisposition: "inline",
        ]
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
