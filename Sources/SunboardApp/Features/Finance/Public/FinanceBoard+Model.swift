import Foundation
import SunboardCore

/// `/units/{slug}/finance`: the community's books for a period, line by
/// line with receipts and signers, totals by fund, category and month, and
/// the published statements.
struct FinanceBoard: Sendable {
    struct Link: Sendable {
        var label: String
        var url: String
        var current: Bool
    }

    struct FundSummary: Sendable {
        var name: String
        var opening: String
        var income: String
        var expense: String
        var closing: String
    }

    struct Receipt: Sendable {
        var name: String
        var url: String
        var isImage: Bool
    }

    struct Line: Sendable {
        var id: Int
        var url: String
        var date: String
        var kind: String
        var isExpense: Bool
        /// `expense` or `income`: which way the money went (a reversal goes back).
        var flow: String
        var fund: String
        var category: String
        var summary: String
        var counterparty: String
        var handler: String
        var amount: String
        var receipts: [Receipt]
        var hasReceipts: Bool
        var signers: String
        var hasSigners: Bool
        /// A correcting line's “冲销第 12 笔”, its reason and the line it corrects.
        var correction: String?
        var reason: String?
        var correctsURL: String?
        /// The lines that correct this one.
        var correctedBy: [Correction]
        var isCorrected: Bool
        var ledgerURL: String?
    }

    /// A later line that corrects one: “已由第 13 笔冲销”, “，更正后见第 14 笔”.
    struct Correction: Sendable {
        var label: String
        var url: String
        /// Written after another, after a comma.
        var follows: Bool
    }

    struct StatementLink: Sendable {
        var title: String
        var url: String
        var date: String
    }

    var frame: Frame
    var unitName: String
    var periodName: String
    var years: [Link]
    var parts: [Link]
    var funds: [Link]
    var summaries: [FundSummary]
    var charts: [FinanceChart]
    var hasCharts: Bool
    var lines: [Line]
    var hasLines: Bool
    var lineCount: Int
    var statements: [StatementLink]
    var hasStatements: Bool
    var csvURL: String
    var apiURL: String
    var chain: String

    struct Content: Sendable {
        var period: Period
        var fund: Fund?
        var entries: [FinanceEntry]
        /// Balance of each fund before the period.
        var openings: [Fund: Fen]
        var span: (first: CalendarDate, last: CalendarDate)?
        var statements: [PublicListing]
        var chain: SignatureChain
    }

    init(unit: Unit, parent: Unit?, content: Content, today: CalendarDate, assets: StaticAssets) {
        let period = content.period
        let slug = unit.slug
        func url(_ period: Period, _ fund: Fund?) -> String {
            SiteURL.finance(.board(slug)).path + "?period=\(period)" + (fund.map { "&fund=\($0.rawValue)" } ?? "")
        }
        var crumbs: [Frame.Crumb] = []
        if let parent { crumbs.append(.init(title: parent.name, url: SiteURL.units(.page(parent.slug)).path)) }
        crumbs.append(.init(title: unit.name, url: SiteURL.units(.page(slug)).path))
        crumbs.append(.init(title: "财务公开", url: SiteURL.finance(.board(slug)).path))
        self.frame = Frame(title: "\(unit.name)财务公开 · \(period.chinese)", crumbs: crumbs, assets: assets)
        self.unitName = unit.name
        self.periodName = period.chinese

        let year = period.firstDay.year
        let firstYear = min(content.span?.first.year ?? today.year, year)
        self.years = (firstYear...max(today.year, year)).reversed().map {
            Link(label: "\($0)年", url: url(.year($0), content.fund), current: period == .year($0))
        }
        var parts = [Link(label: "全年", url: url(.year(year), content.fund), current: period == .year(year))]
        for quarter in 1...4 where Period.quarter(year: year, quarter: quarter).firstDay <= today {
            let part = Period.quarter(year: year, quarter: quarter)
            parts.append(Link(label: "第\(["一", "二", "三", "四"][quarter - 1])季度", url: url(part, content.fund), current: period == part))
        }
        for month in 1...12 where Period.month(year: year, month: month).firstDay <= today {
            let part = Period.month(year: year, month: month)
            parts.append(Link(label: "\(month)月", url: url(part, content.fund), current: period == part))
        }
        self.parts = parts
        self.funds =
            [Link(label: "全部资金", url: url(period, nil), current: content.fund == nil)]
            + Fund.allCases.map { Link(label: $0.chinese, url: url(period, $0), current: content.fund == $0) }

        let entries = content.entries
        let shownFunds = content.fund.map { [$0] } ?? Fund.allCases
        self.summaries = shownFunds.compactMap { fund in
            let lines = entries.filter { $0.line.fund == fund }.map(\.line)
            let totals = FundTotals(before: content.openings[fund] ?? .zero, lines: lines)
            guard !lines.isEmpty || totals.opening != .zero else { return nil }
            return FundSummary(
                name: fund.chinese, opening: totals.opening.yuan, income: totals.income.yuan, expense: totals.expense.yuan,
                closing: totals.closing.yuan)
        }

        var charts: [FinanceChart] = []
        let moving = entries.map(\.line).filter { $0.kind != .opening }
        if !moving.isEmpty {
            if case .month = period {
            } else {
                let months = (0..<12).map { Period.month(year: year, month: $0 + 1) }.filter {
                    period.contains($0.firstDay) && $0.firstDay <= today
                }
                charts.append(
                    .paired(
                        title: "\(period.chinese)每月收入和支出",
                        groups: months.map { month in
                            let lines = moving.filter { month.contains($0.date) }
                            return (
                                "\(month.firstDay.month)月",
                                [EntryKind.income, .expense].map { kind in lines.filter { $0.kind == kind }.reduce(.zero) { $0 + $1.amount }
                                }
                            )
                        },
                        series: [.init(name: "收入", cssClass: "bar-income"), .init(name: "支出", cssClass: "bar-expense")]))
            }
            for (kind, cssClass, name) in [(EntryKind.expense, "bar-expense", "支出"), (.income, "bar-income", "收入")] {
                let lines = moving.filter { $0.kind == kind }
                guard !lines.isEmpty else { continue }
                let bars = FinanceCategory.allowed(for: kind).compactMap { category -> (String, Fen)? in
                    let sum = lines.filter { $0.category == category }.reduce(Fen.zero) { $0 + $1.amount }
                    return sum == .zero ? nil : (category, sum)
                }
                charts.append(
                    .horizontal(
                        title: "\(period.chinese)\(name)按类别", bars: bars.sorted { $0.1 > $1.1 },
                        series: .init(name: name, cssClass: cssClass)))
            }
        }
        self.charts = charts
        self.hasCharts = !charts.isEmpty

        self.lines = entries.reversed().map { Line($0, unitSlug: slug) }
        self.hasLines = !lines.isEmpty
        self.lineCount = lines.count
        self.statements = content.statements.map {
            StatementLink(title: $0.title, url: SiteURL.disclosures(.page($0.id)).path, date: ShanghaiTime.date($0.firstPublishedAt))
        }
        self.hasStatements = !statements.isEmpty
        self.csvURL = SiteURL.finance(.csv(slug)).path + "?period=\(period)" + (content.fund.map { "&fund=\($0.rawValue)" } ?? "")
        self.apiURL = SiteURL.finance(.apiEntries(slug)).path + "?period=\(period)"
        self.chain = content.chain.chinese
    }
}

extension FinanceBoard.Line {
    /// A line as the board and its own page show it.
    /// `ledgerURL`: the line's last entry in the public ledger, where the page shows it.
    init(_ entry: FinanceEntry, unitSlug: String, ledgerURL: String? = nil) {
        let line = entry.line
        let page = { (id: Int) in SiteURL.finance(.entry(unitSlug, id)).path }
        var correctedBy: [FinanceBoard.Correction] = []
        if let id = entry.reversedBy { correctedBy.append(.init(label: "已由第 \(id) 笔冲销", url: page(id), follows: false)) }
        if let id = entry.replacedBy { correctedBy.append(.init(label: "更正后见第 \(id) 笔", url: page(id), follows: !correctedBy.isEmpty)) }
        self.init(
            id: entry.id, url: page(entry.id), date: line.date.chinese, kind: line.kind.chinese,
            isExpense: line.kind == .expense, flow: line.signedAmount.value < 0 ? "expense" : "income", fund: line.fund.chinese,
            category: line.category, summary: line.summary,
            counterparty: line.counterparty, handler: line.handler, amount: line.signedAmount.signedYuan,
            receipts: entry.receipts.map {
                .init(name: $0.name, url: SiteURL.disclosures(.file($0.sha256)).path, isImage: $0.kind.isImage)
            },
            hasReceipts: !entry.receipts.isEmpty, signers: entry.signers.map(\.name).joined(separator: "、"),
            hasSigners: !entry.signers.isEmpty, correction: entry.correction?.chinese, reason: entry.correction?.reason,
            correctsURL: entry.correction.map { page($0.lineID) }, correctedBy: correctedBy, isCorrected: !correctedBy.isEmpty,
            ledgerURL: ledgerURL)
    }
}
