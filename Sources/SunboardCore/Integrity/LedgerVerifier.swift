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
            }
        }

        public var chinese: String {
            switch kind {
            case .recordChanged: "第 \(sequence) 条：记录在登记后被改动过"
            case .recordMissing: "第 \(sequence) 条：记录不见了"
            case .entryChanged: "第 \(sequence) 条：账本条目本身被改动过"
            case .chainBroken: "第 \(sequence) 条：与前一条接不上（有条目被删除、插入或改动）"
            case .sequenceGap: "第 \(sequence) 条：序号不连续"
            }
        }
    }

    private var expectedSequence = 1
    private var previousHash = LedgerEntry.genesis
    public private(set) var checked = 0
    public private(set) var problem: Problem?

    public init() {}

    /// Checks the next entry, in sequence order. `recordHash` is the payload
    /// hash recomputed from the stored record now, or `nil` if it is gone.
    /// Stops at the first problem.
    public mutating func check(_ entry: LedgerEntry, recordHash: String?) {
        guard problem == nil else { return }
        let kind: Problem.Kind? =
            if entry.sequence != expectedSequence { .sequenceGap } else if entry.previousHash != previousHash {
                .chainBroken
            } else if entry.computedHash != entry.entryHash { .entryChanged } else if recordHash == nil {
                .recordMissing
            } else if recordHash != entry.payloadHash { .recordChanged } else { nil }
        if let kind {
            problem = Problem(sequence: entry.sequence, kind: kind)
            return
        }
        checked += 1
        expectedSequence += 1
        previousHash = entry.entryHash
    }
}
