import Crypto
import Foundation

/// The canonical serialization of a record for hashing (docs/LEDGER.md).
///
/// One line per field, in the order written: `name: value` and a line feed.
/// Text values are JSON strings (so line breaks and quotes cannot shift a
/// field's boundary), whole numbers are plain digits, and a missing value
/// is `null`. The first line names the format and its version.
public struct CanonicalForm: Sendable {
    public private(set) var text: String

    public init(kind: String, version: Int = 1) {
        text = "sunboard/\(kind)/\(version)\n"
    }

    public mutating func add(_ name: String, _ value: String?) {
        text += "\(name): \(value.map(Self.quote) ?? "null")\n"
    }

    public mutating func add(_ name: String, _ value: Int?) {
        text += "\(name): \(value.map(String.init) ?? "null")\n"
    }

    /// Lowercase hex SHA-256 of the UTF-8 text.
    public var sha256: String { Self.sha256(text) }

    public static func sha256(_ text: String) -> String {
        hex(SHA256.hash(data: Array(text.utf8)))
    }

    /// Lowercase hex of a digest's bytes.
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A JSON string literal: `"`, `\` and control characters escaped,
    /// everything else (Chinese included) as UTF-8.
    static func quote(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    result += String(format: "\\u%04x", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
