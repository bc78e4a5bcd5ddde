import Foundation
import SunboardCore

/// `GET /api/v1/units/{slug}/finance/entries`: the public lines of a period.
struct FinanceEntriesJSON: Encodable, Sendable {
    /// One fund's movement over the period, in fen.
    struct Balance: Encodable, Sendable {
        var fund: String
        var fundName: String
        var openingFen: Int
        var incomeFen: Int
        var expenseFen: Int
        var closingFen: Int

        init(fund: Fund, totals: FundTotals) {
            self.fund = fund.rawValue
            self.fundName = fund.chinese
            self.openingFen = totals.opening.value
            self.incomeFen = totals.income.value
            self.expenseFen = totals.expense.value
            self.closingFen = totals.closing.value
        }
    }

    var unit: String
    var period: String
    var fund: Nullable<String>
    var balances: [Balance]
    var entries: [FinanceEntryJSON]
}

/// One line in the API: amounts in fen, with receipt links and signers.
struct FinanceEntryJSON: Encodable, Sendable {
    struct Receipt: Encodable, Sendable {
        var name: String
        var url: String
        var kind: String
    }

    struct Signature: Encodable, Sendable {
        var role: String
        var roleName: String
        var name: String
        var signedAt: String
    }

    var id: Int
    var date: String
    var kind: String
    var fund: String
    var category: String
    var summary: String
    var counterparty: String
    var handler: String
    var amountFen: Int
    var amountYuan: String
    var receipts: [Receipt]
    var signatures: [Signature]
    var url: String
    /// A correcting line's: the line it reverses (amount below zero) or replaces, and why.
    var reverses: Nullable<Int>
    var replaces: Nullable<Int>
    var reason: Nullable<String>
    /// The later lines that correct this one.
    var reversedBy: Nullable<Int>
    var replacedBy: Nullable<Int>

    init(_ entry: FinanceEntry, unit: Unit) {
        let line = entry.line
        id = entry.id
        date = line.date.description
        kind = line.kind.rawValue
        fund = line.fund.rawValue
        category = line.category
        summary = line.summary
        counterparty = line.counterparty
        handler = line.handler
        amountFen = line.amount.value
        amountYuan = line.amount.plainYuan
        receipts = entry.receipts.map { .init(name: $0.name, url: SiteURL.disclosures(.file($0.sha256)).path, kind: $0.kind.rawValue) }
        signatures = entry.signers.map {
            .init(role: $0.signer.description, roleName: $0.signer.chinese, name: $0.name, signedAt: ShanghaiTime.iso8601($0.signedAt))
        }
        url = SiteURL.finance(.entry(unit.slug, entry.id)).path
        reverses = Nullable(entry.correction?.reversing)
        replaces = Nullable(entry.correction?.replacing)
        reason = Nullable(entry.correction?.reason)
        reversedBy = Nullable(entry.reversedBy)
        replacedBy = Nullable(entry.replacedBy)
    }
}

/// `GET /api/v1/units/{slug}/finance/statements`: each published statement
/// with its totals and lines, as published (the ledger hashes this version).
struct StatementJSON: Encodable, Sendable {
    struct Line: Encodable, Sendable {
        var entry: Nullable<Int>
        var date: String
        var kind: String
        var category: String
        var summary: String
        var counterparty: String
        var handler: String
        var amountFen: Int
        var receipts: [String]
        var signers: [String]
    }

    var id: Int
    var title: String
    var period: Nullable<String>
    var version: Int
    var publishedAt: String
    var openingFen: Nullable<Int>
    var incomeFen: Nullable<Int>
    var expenseFen: Nullable<Int>
    var closingFen: Nullable<Int>
    var lines: [Line]
    var url: String

    init(listing: PublicListing, version: PublishedVersion) {
        let fields = version.content.fields
        id = listing.id
        title = version.content.title
        period = Nullable(version.content.period?.description)
        self.version = version.number
        publishedAt = ShanghaiTime.iso8601(version.publishedAt)
        openingFen = Nullable(fields[Statement.Key.opening].flatMap { Int($0) })
        incomeFen = Nullable(fields[Statement.Key.income].flatMap { Int($0) })
        expenseFen = Nullable(fields[Statement.Key.expense].flatMap { Int($0) })
        closingFen = Nullable(fields[Statement.Key.closing].flatMap { Int($0) })
        lines = (fields[Statement.Key.lines].flatMap(Statement.lines(from:)) ?? []).map {
            Line(
                entry: Nullable($0.entry), date: $0.date, kind: $0.kind.rawValue, category: $0.category, summary: $0.summary,
                counterparty: $0.counterparty, handler: $0.handler, amountFen: $0.amount.value,
                receipts: $0.receipts.map { SiteURL.disclosures(.file($0)).path }, signers: $0.signers)
        }
        url = SiteURL.disclosures(.page(listing.id)).path
    }
}
