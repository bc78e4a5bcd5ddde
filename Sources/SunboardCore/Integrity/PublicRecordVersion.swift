import Foundation

/// One value of a public record's field: text, a whole number, or nothing.
public enum RecordValue: Sendable, Hashable, Codable {
    case text(String)
    case number(Int)
    case null

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let number = try? container.decode(Int.self) {
            self = .number(number)
        } else {
            self = .text(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .number(let number): try container.encode(number)
        case .null: try container.encodeNil()
        }
    }

    /// The value as text, as a page would show it; `nil` for nothing.
    public var text: String? {
        switch self {
        case .text(let text): text
        case .number(let number): String(number)
        case .null: nil
        }
    }
}

/// What a public record says at one version, field by field: public values
/// in clear, every other value as a salted digest (`secret`), so the record
/// pins the value down without letting anyone test a guess at it.
///
/// Keys are ASCII lowercase letters, digits, `_` and `.`, never starting
/// with `record.` (the canonical form's own lines); a list is written
/// as numbered keys (`receipt.1.sha256`, `receipt.2.sha256`). A key ending in
/// `sha256` names a file by the SHA-256 of its content; one ending in
/// `.part` gives the SHA-256 of a document served beside the record.
public struct RecordFields: Sendable, Hashable, Codable {
    public private(set) var values: [String: RecordValue] = [:]

    public init() {}

    public init(_ values: [String: RecordValue]) {
        self.values = values
    }

    public subscript(key: String) -> RecordValue? { values[key] }

    public mutating func set(_ key: String, _ value: String?) {
        put(key, value.map(RecordValue.text) ?? .null)
    }

    public mutating func set(_ key: String, _ value: Int?) {
        put(key, value.map(RecordValue.number) ?? .null)
    }

    public mutating func set(_ key: String, _ value: Bool) {
        put(key, .number(value ? 1 : 0))
    }

    /// A value the public may not see: `sha256:` and the SHA-256 of the
    /// record's secret salt, a line feed and the value (docs/LEDGER.md).
    public mutating func secret(_ key: String, _ value: String?, salt: String) {
        put(key, value.map { .text(Self.digest($0, salt: salt)) } ?? .null)
    }

    public static func digest(_ value: String, salt: String) -> String {
        "sha256:" + CanonicalForm.sha256(salt + "\n" + value)
    }

    /// The keys that differ between two records, in key order.
    public func differences(from other: RecordFields) -> [String] {
        Set(values.keys).union(other.values.keys).sorted().filter { values[$0] != other.values[$0] }
    }

    public var keys: [String] { values.keys.sorted(by: Self.byteOrder) }

    /// Keys compare by their UTF-8 bytes, the same on every machine.
    static func byteOrder(_ a: String, _ b: String) -> Bool { Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8)) }

    private mutating func put(_ key: String, _ value: RecordValue) {
        precondition(Self.isKey(key), "record field key \(key) must be ASCII lowercase, digits, _ and .")
        values[key] = value
    }

    public static func isKey(_ key: String) -> Bool {
        !key.isEmpty && !key.hasPrefix("record.")
            && key.utf8.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || $0 == 95 || $0 == 46 }
    }

    public init(from decoder: any Decoder) throws {
        values = try decoder.singleValueContainer().decode([String: RecordValue].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(values)
    }

    /// As stored: a JSON object with its keys in order.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(values)) ?? Data("{}".utf8), as: UTF8.self)
    }

    public init?(json: String) {
        guard let values = try? JSONDecoder().decode([String: RecordValue].self, from: Data(json.utf8)),
            values.keys.allSatisfy(Self.isKey)
        else { return nil }
        self.values = values
    }
}

/// One version of a public record of any kind: the unit of the ledger since
/// every public record is chained (docs/LEDGER.md, “A record”).
public struct PublicRecordVersion: Sendable, Hashable {
    public var kind: String
    public var id: Int
    public var version: Int
    public var fields: RecordFields

    public init(kind: String, id: Int, version: Int, fields: RecordFields) {
        self.kind = kind
        self.id = id
        self.version = version
        self.fields = fields
    }

    /// The record as it is hashed: its kind, id and version, then each
    /// field in key order (no field's key starts with `record.`).
    public var canonical: CanonicalForm {
        var form = CanonicalForm(kind: "record")
        form.add("record.kind", kind)
        form.add("record.id", id)
        form.add("record.version", version)
        for key in fields.keys {
            switch fields[key]! {
            case .text(let text): form.add(key, text)
            case .number(let number): form.add(key, number)
            case .null: form.add(key, String?.none)
            }
        }
        return form
    }

    /// Whether this version records the record's removal from public view.
    public var isRemoval: Bool { fields.isRemoval }
}

extension RecordFields {
    /// The field a removal's version carries alone.
    public static let removedKey = "removed"

    /// Whether these are a removal's fields.
    public var isRemoval: Bool { self[RecordFields.removedKey] == .number(1) }

    /// What a record says once it has left public view.
    public static var removed: RecordFields {
        var fields = RecordFields()
        fields.set(removedKey, true)
        return fields
    }
}
