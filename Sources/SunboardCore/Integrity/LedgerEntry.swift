/// One link of the public ledger (公开账本): a publication, correction or
/// withdrawal, chained to the entry before it.
///
/// `payloadHash` is the SHA-256 of the record's canonical form (a published
/// version, or a withdrawal); `entryHash` covers this entry's own fields and
/// the previous entry's hash, so changing, removing or reordering any row
/// behind the system's back breaks every hash after it.
public struct LedgerEntry: Sendable, Hashable, Codable {
    public enum Event: String, Sendable, Codable {
        /// 发布 — the first version of a disclosure
        case publish
        /// 更正 — a later version, with its reason
        case correct
        /// 撤回 — taken down, with its reason
        case withdraw
        /// Read back as something the system never writes.
        case unknown

        public var chinese: String {
            switch self {
            case .publish: "发布"
            case .correct: "更正"
            case .withdraw: "撤回"
            case .unknown: "不明"
            }
        }
    }

    /// 1, 2, 3, … without gaps.
    public var sequence: Int
    public var event: Event
    public var disclosureID: Int
    /// The version published or corrected; for a withdrawal, the version
    /// that was public when it was withdrawn.
    public var version: Int
    /// UTC, whole seconds since 1970.
    public var recordedAt: Int
    public var payloadHash: String
    public var previousHash: String
    public var entryHash: String

    /// The hash before the first entry.
    public static let genesis = String(repeating: "0", count: 64)

    public init(
        sequence: Int, event: Event, disclosureID: Int, version: Int, recordedAt: Int, payloadHash: String, previousHash: String
    ) {
        self.sequence = sequence
        self.event = event
        self.disclosureID = disclosureID
        self.version = version
        self.recordedAt = recordedAt
        self.payloadHash = payloadHash
        self.previousHash = previousHash
        self.entryHash = ""
        self.entryHash = computedHash
    }

    /// The hash this entry's fields give.
    public var computedHash: String {
        var form = CanonicalForm(kind: "ledger-entry")
        form.add("sequence", sequence)
        form.add("event", event.rawValue)
        form.add("disclosure", disclosureID)
        form.add("version", version)
        form.add("recorded_at", recordedAt)
        form.add("payload_sha256", payloadHash)
        form.add("previous_sha256", previousHash)
        return form.sha256
    }
}
