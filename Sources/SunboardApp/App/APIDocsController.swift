import Foundation
import Hummingbird
import SunboardCore

/// `GET /api/v1/openapi.json`: the public API in OpenAPI 3.1, kept in the
/// repository (`Resources/openapi.json`) and checked against the server's
/// real answers by the tests, so a client can be generated from it.
struct APIDocsController {
    /// The document's bytes and their tag, read once.
    static let document: (bytes: ByteBuffer, etag: String)? = {
        guard let url = Bundle.module.url(forResource: "Resources/openapi", withExtension: "json"),
            let data = try? Data(contentsOf: url)
        else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        return (ByteBuffer(string: text), ETag.of(text))
    }()

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(SiteURL.openAPI.route) { request, _ -> Response in
            guard let document = Self.document else { throw CommonError.notFound }
            return ETag.response(
                to: request, status: .ok, contentType: "application/json; charset=utf-8", etag: document.etag, body: document.bytes)
        }
    }
}
