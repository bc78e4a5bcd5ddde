import Foundation
import MultipartKit
import NIOCore

/// A file part of a `multipart/form-data` body.
public struct UploadedFile: Sendable {
    /// The form field it came in, e.g. `files`.
    public var field: String
    /// The name on the uploader's computer; only shown, never trusted.
    public var filename: String
    public var bytes: [UInt8]
}

/// Reads `multipart/form-data` bodies: text parts into `FormFields`, file
/// parts into `UploadedFile`s. Glue over multipart-kit's streaming parser.
enum MultipartForm {
    /// Every upload together, a few files of `AttachmentKind.maximumSize` each.
    static let maximumBody = 32 * 1024 * 1024

    /// The boundary named in a `Content-Type` header, quoted or not.
    static func boundary(in contentType: String) -> String? {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return value.isEmpty || value.count > 200 ? nil : value
            }
        }
        return nil
    }

    static func parse(_ body: ByteBuffer, boundary: String) throws -> (FormFields, [UploadedFile]) {
        final class Collector {
            var headers: [String: String] = [:]
            var body: [UInt8] = []
            var fields: [(String, String)] = []
            var files: [UploadedFile] = []
        }
        let collector = Collector()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in collector.headers[name.lowercased()] = value }
        parser.onBody = { buffer in collector.body += buffer.readBytes(length: buffer.readableBytes) ?? [] }
        parser.onPartComplete = {
            defer {
                collector.headers = [:]
                collector.body = []
            }
            guard let disposition = collector.headers["content-disposition"], let name = parameter("name", in: disposition) else { return }
            if let filename = parameter("filename", in: disposition) {
                // An empty file input sends a part with no name and no bytes.
                if !filename.isEmpty || !collector.body.isEmpty {
                    collector.files.append(
                        UploadedFile(field: name, filename: FormFields.text(Array(filename.utf8)), bytes: collector.body))
                }
            } else {
                collector.fields.append((name, FormFields.text(collector.body)))
            }
        }
        try parser.execute(body)
        return (FormFields(collector.fields), collector.files)
    }

    /// `name="files"` out of `form-data; name="files"; filename="收据.jpg"`.
    static func parameter(_ wanted: String, in header: String) -> String? {
        var rest = Substring(header)
        while let semicolon = rest.firstIndex(of: ";") {
            rest = rest[rest.index(after: semicolon)...].drop { $0 == " " }
            guard let equals = rest.firstIndex(of: "=") else { return nil }
            let name = rest[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var value = rest[rest.index(after: equals)...]
            var text: String
            if value.first == "\"" {
                value = value.dropFirst()
                var result = ""
                var escaped = false
                var end = value.endIndex
                for index in value.indices {
                    let character = value[index]
                    if escaped {
                        result.append(character)
                        escaped = false
                    } else if character == "\\" {
                        escaped = true
                    } else if character == "\"" {
                        end = index
                        break
                    } else {
                        result.append(character)
                    }
                }
                text = result
                rest = end < value.endIndex ? value[value.index(after: end)...] : ""
            } else {
                let end = value.firstIndex(of: ";") ?? value.endIndex
                text = String(value[..<end]).trimmingCharacters(in: .whitespaces)
                rest = value[end...]
            }
            if name == wanted { return text }
        }
        return nil
    }
}
