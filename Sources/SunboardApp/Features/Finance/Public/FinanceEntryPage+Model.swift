import Foundation
import SunboardCore

/// `/units/{slug}/finance/entries/{id}`: one line of the books with its
/// receipts shown in full and everyone who signed for it.
struct FinanceEntryPage: Sendable {
    struct Signature: Sendable {
        var role: String
        var name: String
        var at: String
    }

    var frame: Frame
    var unitName: String
    var line: FinanceBoard.Line
    var signatures: [Signature]
    var hasSignatures: Bool
    var isExpense: Bool
    var isManual: Bool
    var boardURL: String

    init(unit: Unit, parent: Unit?, entry: FinanceEntry, ledgerURL: String?, assets: StaticAssets) {
        let line = entry.line
        var crumbs: [Frame.Crumb] = []
        if let parent { crumbs.append(.init(title: parent.name, url: SiteURL.units(.page(parent.slug)).path)) }
        crumbs.append(.init(title: unit.name, url: SiteURL.units(.page(unit.slug)).path))
        let board = SiteURL.finance(.board(unit.slug)).path + "?period=\(Period.month(year: line.date.year, month: line.date.month))"
        crumbs.append(.init(title: "财务公开", url: board))
        crumbs.append(.init(title: "第 \(entry.id) 笔", url: SiteURL.finance(.entry(unit.slug, entry.id)).path))
        self.frame = Frame(title: "\(line.summary) · \(unit.name)财务公开", crumbs: crumbs, assets: assets)
        self.unitName = unit.name
        self.line = FinanceBoard.Line(entry, unitSlug: unit.slug, ledgerURL: ledgerURL)
        self.signatures = entry.signers.map { .init(role: $0.signer.chinese, name: $0.name, at: ShanghaiTime.dateTime($0.signedAt)) }
        self.hasSignatures = !signatures.isEmpty
        self.isExpense = line.kind == .expense
        self.isManual = line.kind != .expense
        self.boardURL = board
    }
}
