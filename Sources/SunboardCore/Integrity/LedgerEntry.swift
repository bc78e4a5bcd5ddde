/// One link of the public ledger (公开账本): a new version of one public
/// record, chained to the entry before it.
///
/// `payloadHash` is the SHA-256 of the record version's canonical form;
/// `entryHash` covers this entry's own fields and the previous entry's hash,
/// so changing, removing or reordering any row behind the system's back
/// breaks every hash after it.
///
/// Entries of format 1 come from before every public record was chained:
/// each names a disclosure's published version or its withdrawal, and keeps
/// the form it was hashed with. Every entry since is format 2.
public struct LedgerEntry: Sendable, Hashable, Codable {
    public enum Event: String, Sendable, Codable, CaseIterable {
        /// 发布 — the first version of a disclosure
        case publish
        /// 更正 — a later version, with its reason
        case correct
        /// 撤回 — taken down, with its reason
        case withdraw
        /// 登记 — a record of another kind first made public
        case create
        /// 变更 — a later version of it
        case change
        /// 删除 — taken out of public view; its history stays
        case remove
        /// 补登 — a record that was public before every record was chained, entered as it stood
        case genesis
        /// Read back as something the system never writes.
        case unknown

        public var chinese: String {
            switch self {
            case .publish: "发布"
            case .correct: "更正"
            case .withdraw: "撤回"
            case .create: "登记"
            case .change: "变更"
            case .remove: "删除"
            case .genesis: "补登"
            case .unknown: "不明"
            }
        }
    }

    /// 1, 2, 3, … without gaps.
    public var sequence: Int
    /// 1 for a disclosure's version or withdrawal chained before every record was; 2 since.
    public var format: Int
    public var event: Event
    /// The record's kind (`disclosure`, `finance_line`, …); format 1 names a disclosure.
    public var kind: String
    public var recordID: Int
    /// The record's version; format 1 gives the disclosure's version published,
    /// or for a withdrawal the one public when it was withdrawn.
    public var version: Int
    /// UTC, whole seconds since 1970.
    public var recordedAt: Int
    public var payloadHash: String
    public var previousHash: String
    public var entryHash: String

    /// The hash before the first entry.
    public static let genesis = String(repeating: "0", count: 64)

    public init(
        sequence: Int, event: Event, kind: String, recordID: Int, version: Int, recordedAt: Int, payloadHash: String,
        previousHash: String, format: Int = 2
    ) {
        self.sequence = sequence
        self.format = format
        self.event = event
        self.kind = kind
        self.recordID = recordID
        self.version = version
        self.recordedAt = recordedAt
        self.payloadHash = payloadHash
        self.previousHash = previousHash
        self.entryHash = ""
        self.entryHash = computedHash
    }

    /// An entry of format 1: a disclosure's version or withdrawal.
    public init(
        sequence: Int, event: Event, disclosureID: Int, version: Int, recordedAt: Int, payloadHash: String, previousHash: String
    ) {
        self.init(
            sequence: sequence, event: event, kind: Self.disclosureKind, recordID: disclosureID, version: version,
            recordedAt: recordedAt, payloadHash: payloadHash, previousHash: previousHash, format: 1)
    }

    public static let disclosureKind = "disclosure"

    /// The disclosure an entry names, whatever its format.
    public var disclosureID: Int? { kind == Self.disclosureKind ? recordID : nil }

    /// The hash this entry's fields give, in the form of its format.
    public var computedHash: String {
        switch format {
        case 1:
            var form = CanonicalForm(kind: "ledger-entry")
            form.add("sequence", sequence)
            form.add("event", event.rawValue)
            form.add("disclosure", recordID)
            form.add("version", version)
            form.add("recorded_at", recordedAt)
            form.add("payload_sha256", payloadHash)
            form.add("previous_sha256", previousHash)
            return form.sha256
        case 2:
            var form = CanonicalForm(kind: "ledger-entry", version: 2)
            form.add("sequence", sequence)
            form.add("event", event.rawValue)
            form.add("kind", kind)
            form.add("record", recordID)
            form.add("version", version)
            form.add("recorded_at", recordedAt)
            form.add("payload_sha256", payloadHash)
            form.add("previous_sha256", previousHash)
            return form.sha256
        default:
            // A format this release does not know can only come from a change behind the system's back.
            return ""
        }
    }
}
