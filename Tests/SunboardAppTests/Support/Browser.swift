import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting

/// Drives the app as a browser would: keeps cookies, sends the form token.
final class Browser {
    let client: any TestClientProtocol
    private(set) var cookies: [String: String] = [:]
    /// Sent with every request, e.g. the header a reverse proxy adds.
    var defaultHeaders: HTTPFields = [:]

    init(client: any TestClientProtocol) {
        self.client = client
    }

    var csrfToken: String? { cookies["sunboard_csrf"] }

    @discardableResult
    func get(_ path: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await send(path, method: .get, headers: headers, body: nil)
    }

    /// Posts a form. The page's anti-forgery token is added unless
    /// `token` says otherwise; a GET of the login page first fetches one.
    @discardableResult
    func post(_ path: String, form: [(String, String)], token: String?? = .none) async throws -> TestResponse {
        if csrfToken == nil { try await get("/admin/login") }
        var fields = form
        switch token {
        case .none: if let csrfToken { fields.append(("_csrf", csrfToken)) }
        case .some(.some(let value)): fields.append(("_csrf", value))
        case .some(.none): break
        }
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(
            path, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: body)
        )
    }

    /// Posts a multipart form, as a form with a file input does; the token
    /// travels as a field like any other.
    @discardableResult
    func postMultipart(_ path: String, fields: [(String, String)], files: [(field: String, name: String, bytes: [UInt8])] = [])
        async throws -> TestResponse
    {
        if csrfToken == nil { try await get("/admin/login") }
        let boundary = "----sunboard\(UUID().uuidString)"
        var body = ByteBuffer()
        for (name, value) in fields + (csrfToken.map { [("_csrf", $0)] } ?? []) {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        for file in files {
            body.writeString(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n")
            body.writeBytes(file.bytes)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        return try await send(path, method: .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"], body: body)
    }

    @discardableResult
    func login(_ username: String, password: String, next: String = "") async throws -> TestResponse {
        try await get("/admin/login")
        return try await post("/admin/login", form: [("username", username), ("password", password), ("next", next)])
    }

    private func send(_ path: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws -> TestResponse {
        var headers = headers
        for field in defaultHeaders { headers.append(field) }
        if !cookies.isEmpty {
            headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")
        }
        let response = try await client.execute(uri: path, method: method, headers: headers, body: body)
        for line in response.headers[values: .setCookie] {
            let parts = line.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let pair = parts.first, let equals = pair.firstIndex(of: "=") else { continue }
            let name = String(pair[..<equals])
            let value = String(pair[pair.index(after: equals)...])
            let expired =
                parts.contains { $0.lowercased() == "max-age=0" }
                || parts.contains { part in
                    guard part.lowercased().hasPrefix("expires="), let date = Self.httpDate.date(from: String(part.dropFirst(8))) else {
                        return false
                    }
                    // The framework dates its cookies by the machine's clock, as a real browser reads them.
                    return date <= Date()
                }
            if expired || value.isEmpty { cookies[name] = nil } else { cookies[name] = value }
        }
        return response
    }

    private static let httpDate: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter
    }()

    private static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var location: String? { headers[.location] }
}
