/// The fields of an `application/x-www-form-urlencoded` body.
///
/// Parsed by hand rather than decoded into a type, so that each handler
/// checks its fields with the domain's validators and answers in Chinese,
/// instead of failing on the first missing key with a decoder's English.
public struct FormFields: Sendable, Equatable {
    private var values: [String: [String]] = [:]

    public init() {}

    public init(_ pairs: [(String, String)]) {
        for (name, value) in pairs { values[name, default: []].append(value) }
    }

    /// Parses `a=1&b=%E4%BD%A0+%E5%A5%BD`. Malformed escapes are kept as
    /// typed rather than refused: a form is never lost to a stray `%`.
    /// Control characters other than tab and line breaks are dropped: no
    /// person types them, and PostgreSQL refuses a NUL in text.
    public init(urlEncoded body: String) {
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            values[name, default: []].append(value)
        }
    }

    /// The first value of a field, or an empty string when absent.
    public subscript(_ name: String) -> String {
        values[name]?.first ?? ""
    }

    /// Every value of a repeated field (checkboxes).
    public func all(_ name: String) -> [String] {
        values[name] ?? []
    }

    public func contains(_ name: String) -> Bool { values[name] != nil }

    /// The first value of each field, for a form shown again as typed.
    public var dictionary: [String: String] { values.compactMapValues(\.first) }

    private static func decode(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"):
                bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                let high = iterator.next()
                let low = iterator.next()
                if let high, let low, let h = hexValue(high), let l = hexValue(low) {
                    bytes.append(h << 4 | l)
                } else {
                    bytes.append(byte)
                    if let high { bytes.append(high) }
                    if let low { bytes.append(low) }
                }
            default:
                bytes.append(byte)
            }
        }
        return Self.text(bytes)
    }

    /// A typed value's bytes as text, the same for every kind of form:
    /// control characters other than tab and line breaks are dropped (no
    /// person types them, PostgreSQL refuses a NUL in text and an Atom feed
    /// may not carry them), and invalid UTF-8 becomes U+FFFD, never an error.
    static func text(_ bytes: [UInt8]) -> String {
        var bytes = bytes
        bytes.removeAll { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0x7F }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
