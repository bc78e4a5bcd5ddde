import Foundation
import SunboardCore

/// The ledger's head as it leaves the server — on every printed notice, in
/// the chat groups once a day: its sequence and the first 16 hex digits of
/// its hash, `123-1a2b3c4d5e6f7a8b`. Whoever keeps one can later show that
/// the chain up to it was not rewritten (`/ledger/check`, `verify --head`).
public struct LedgerCode: Sendable, Equatable {
    public var sequence: Int
    /// The first 16 hex digits of the entry's hash, or all 64.
    public var prefix: String

    public init(sequence: Int, hash: String) {
        self.sequence = sequence
        prefix = String(hash.prefix(16))
    }

    init(_ entry: LedgerEntry) {
        self.init(sequence: entry.sequence, hash: entry.entryHash)
    }

    /// Reads a code as typed: `123-1a2b…` (16 digits) or `123:<64 digits>`,
    /// with spaces, capitals and a 第/条 around the number allowed.
    public init?(_ text: String) {
        guard text.count <= 120 else { return nil }
        let cleaned = text.lowercased().filter { !$0.isWhitespace && $0 != "第" && $0 != "条" && $0 != "·" }
        let parts = cleaned.split(whereSeparator: { $0 == "-" || $0 == ":" || $0 == "：" })
        guard parts.count == 2, parts[0].count <= 12, let sequence = Int(parts[0]), sequence > 0, [16, 64].contains(parts[1].count),
            parts[1].allSatisfy({ $0.isHexDigit })
        else { return nil }
        self.sequence = sequence
        prefix = String(parts[1])
    }

    /// `123-1a2b3c4d5e6f7a8b`, what paper carries.
    public var text: String { "\(sequence)-\(prefix.prefix(16))" }

    /// Whether an entry is the one this code was taken from.
    func matches(_ entry: LedgerEntry) -> Bool {
        entry.sequence == sequence && entry.entryHash.hasPrefix(prefix)
    }
}

/// The ledger's head on a printed page: the code, the day, and where to check it.
struct LedgerStamp: Sendable {
    var code: String
    var sequence: Int
    /// The ledger's page, where the code is checked.
    var ledgerURL: String
    /// Appended to a printed QR code's address: `head=123-1a2b…`.
    var query: String

    /// `base`: the site's address, for paper.
    init?(head: LedgerEntry?, base: String) {
        guard let head else { return nil }
        let code = LedgerCode(head)
        self.code = code.text
        sequence = head.sequence
        ledgerURL = base + SiteURL.ledger(.page).path
        query = "head=" + code.text
    }

    /// An address on paper with the head in its query.
    func tag(_ url: String) -> String {
        url + (url.contains("?") ? "&" : "?") + query
    }
}
