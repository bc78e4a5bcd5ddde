/// What a disclosure says: the part that is reviewed, published as a
/// version, hashed into the ledger, and compared between versions.
public struct DisclosureContent: Sendable, Hashable {
    public var title: String
    /// Markdown; rendered safely (raw HTML shows as text).
    public var body: String
    public var period: Period?
    /// Values by field key, normalized: money in fen, dates as YYYY-MM-DD.
    public var fields: [String: String]
    public var attachments: [AttachmentRef]

    public init(
        title: String = "", body: String = "", period: Period? = nil, fields: [String: String] = [:], attachments: [AttachmentRef] = []
    ) {
        self.title = title
        self.body = body
        self.period = period
        self.fields = fields
        self.attachments = attachments
    }

    /// A field's value as people read it: “¥1,200.00”, “2026年3月5日”.
    public func display(_ spec: FieldSpec) -> String? {
        guard let raw = fields[spec.key], !raw.isEmpty else { return nil }
        switch spec.kind {
        case .money: return Int(raw).map { Fen($0).yuan } ?? raw
        case .date: return CalendarDate(raw)?.chinese ?? raw
        case .number, .text, .longText: return raw
        case .ledgerLines: return Statement.lines(from: raw).map { "共 \($0.count) 笔" } ?? raw
        }
    }
}

/// A file attached to a disclosure, kept once by its SHA-256.
public struct AttachmentRef: Sendable, Hashable, Codable {
    /// Hex SHA-256 of the content: the file's name in the store.
    public var sha256: String
    /// The name it was uploaded with, shown to readers.
    public var name: String
    public var kind: AttachmentKind
    public var size: Int

    public init(sha256: String, name: String, kind: AttachmentKind, size: Int) {
        self.sha256 = sha256
        self.name = name
        self.kind = kind
        self.size = size
    }
}

extension DisclosureContent {
    /// The fields the public may see, in order: public ones always, personal
    /// details only while `showsPersonalDetails`, internal ones never. The
    /// specs are those the version was published under, so a later change to
    /// the catalog never uncovers what was published as private. Every
    /// public output asks here, so the rule is kept once.
    public func publicFields(of specs: [FieldSpec], showsPersonalDetails: Bool) -> [(spec: FieldSpec, raw: String, display: String)] {
        specs.compactMap { spec in
            switch spec.visibility {
            case .internal: return nil
            case .duringNotice where !showsPersonalDetails: return nil
            default:
                guard let raw = fields[spec.key], !raw.isEmpty, let display = display(spec) else { return nil }
                return (spec, raw, display)
            }
        }
    }
}
