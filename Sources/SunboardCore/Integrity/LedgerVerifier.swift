/// Checks the ledger against itself and against the records it vouches for.
public struct LedgerVerifier: Sendable {
    /// What was found wrong, at the first entry where it shows.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public enum Kind: Sendable, Equatable {
            /// The record's canonical form no longer hashes to the stored payload hash.
            case recordChanged
            /// The record the entry vouches for is gone.
            case recordMissing
            /// The entry's own fields no longer hash to its entry hash.
            case entryChanged
            /// The entry does not follow the one before it.
            case chainBroken
            /// A sequence number is missing or repeated.
            case sequenceGap
            /// A file attached to the version no longer has the content it was published with.
            case fileChanged
            /// A published version that no ledger entry vouches for (added behind the system's back).
            case versionNotRecorded(disclosureID: Int, version: Int)
            /// A stored version of a record that no ledger entry vouches for.
            case recordNotChained(kind: String, id: Int, version: Int)
            /// What the public is shown of a record now differs from its last chained version, in these fields.
            case stateDiffers(kind: String, id: Int, fields: [String])
            /// A record residents can see that was never chained (added behind the system's back).
            case stateNotChained(kind: String, id: Int)
            /// A record chained as public whose rows are gone (deleted behind the system's back).
            case stateGone(kind: String, id: Int)
            /// The chain does not reach an entry with the hash expected of it (`verify --head`).
            case headMismatch(expected: String)
            /// A file a public record names is missing or no longer has the content it is named by.
            case fileAltered(sha256: String)
        }

        public var sequence: Int
        public var kind: Kind

        public init(sequence: Int, kind: Kind) {
            self.sequence = sequence
            self.kind = kind
        }

        public var description: String {
            switch kind {
            case .recordChanged: "entry \(sequence): the published record was changed after it was recorded"
            case .recordMissing: "entry \(sequence): the published record is missing"
            case .entryChanged: "entry \(sequence): the ledger entry itself was changed"
            case .chainBroken: "entry \(sequence): does not follow the previous entry (an entry was removed, added or altered)"
            case .sequenceGap: "entry \(sequence): the sequence has a gap or a repeat"
            case .fileChanged: "entry \(sequence): an attached file is missing or its content changed"
            case .versionNotRecorded(let id, let version): "disclosure \(id) version \(version) is in the database but not in the ledger"
            case .recordNotChained(let kind, let id, let version): "\(kind) \(id) version \(version) is stored but not in the ledger"
            case .stateDiffers(let kind, let id, let fields):
                "\(kind) \(id): what the public is shown differs from its last recorded version in \(fields.joined(separator: ", "))"
            case .stateNotChained(let kind, let id): "\(kind) \(id) is shown to the public but was never recorded in the ledger"
            case .stateGone(let kind, let id): "\(kind) \(id) is recorded as public but its rows are gone"
            case .headMismatch(let expected): "entry \(sequence) does not have the hash \(expected): history up to it was rewritten"
            case .fileAltered(let sha256): "file \(sha256) is missing or its content changed"
            }
        }

        public var chinese: String {
            switch kind {
            case .recordChanged: "第 \(sequence) 条：记录在登记后被改动过"
            case .recordMissing: "第 \(sequence) 条：记录不见了"
            case .entryChanged: "第 \(sequence) 条：账本条目本身被改动过"
            case .chainBroken: "第 \(sequence) 条：与前一条接不上（有条目被删除、插入或改动）"
            case .sequenceGap: "第 \(sequence) 条：序号不连续"
            case .fileChanged: "第 \(sequence) 条：附件文件丢失或内容被改动"
            case .versionNotRecorded(let id, let version): "第 \(id) 号公开内容的第 \(version) 版不在账本中（可能是绕过系统添加的）"
            case .recordNotChained(let kind, let id, let version):
                "\(RecordKindName.chinese(kind))第 \(id) 号的第 \(version) 版不在账本中（可能是绕过系统添加的）"
            case .stateDiffers(let kind, let id, let fields):
                "\(RecordKindName.chinese(kind))第 \(id) 号：居民现在看到的与账本登记的不一致（\(fields.joined(separator: "、"))）"
            case .stateNotChained(let kind, let id): "\(RecordKindName.chinese(kind))第 \(id) 号：居民看得到，但从未登记进账本（可能是绕过系统添加的）"
            case .stateGone(let kind, let id): "\(RecordKindName.chinese(kind))第 \(id) 号：账本登记为公开，但记录已被删除"
            case .headMismatch(let expected): "第 \(sequence) 条的指纹不是 \(expected)：此前的账本被改写过"
            case .fileAltered(let sha256): "文件 \(sha256.prefix(16))…丢失或内容被改动"
            }
        }
    }

    private var expectedSequence = 1
    private var previousHash = LedgerEntry.genesis
    public private(set) var checked = 0
    public private(set) var problem: Problem?

    public init() {}

    /// Records a problem found outside the chain, such as a version no entry covers.
    public mutating func fail(_ found: Problem) {
        if problem == nil { problem = found }
    }

    /// Checks the next entry, in sequence order. `recordHash` is the payload
    /// hash recomputed from the stored record now, or `nil` if it is gone;
    /// `filesIntact` whether its attachments still hash to their names.
    /// Stops at the first problem.
    public mutating func check(_ entry: LedgerEntry, recordHash: String?, filesIntact: Bool = true) {
        guard problem == nil else { return }
        if let kind = Self.problem(
            entry, expectedSequence: expectedSequence, previousHash: previousHash, recordHash: recordHash, filesIntact: filesIntact)
        {
            problem = Problem(sequence: entry.sequence, kind: kind)
            return
        }
        checked += 1
        expectedSequence += 1
        previousHash = entry.entryHash
    }

    /// The first thing wrong with an entry, checked from the chain inward.
    private static func problem(
        _ entry: LedgerEntry, expectedSequence: Int, previousHash: String, recordHash: String?, filesIntact: Bool
    ) -> Problem.Kind? {
        guard entry.sequence == expectedSequence else { return .sequenceGap }
        guard entry.previousHash == previousHash else { return .chainBroken }
        guard entry.computedHash == entry.entryHash else { return .entryChanged }
        guard let recordHash else { return .recordMissing }
        guard recordHash == entry.payloadHash else { return .recordChanged }
        guard filesIntact else { return .fileChanged }
        return nil
    }
}
