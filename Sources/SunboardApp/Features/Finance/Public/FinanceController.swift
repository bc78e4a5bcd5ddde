import Foundation
import Hummingbird
import SunboardCore

/// The public finance board, one line's page and the CSV export. Readers
/// need no account; every output comes from the books.
struct FinanceController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(SiteURL.finance(.board(.key)).route, use: board)
        router.get(SiteURL.finance(.entry(.key, .key)).route, use: entry)
        router.get(SiteURL.finance(.csv(.key)).route, use: csv)
    }

    /// `period` (default: this year) and `fund` from the query, or a clear
    /// error; the board, the CSV and the JSON read them alike.
    static func query(_ request: Request, now: Date) throws -> (Period, Fund?) {
        let parameters = request.queryDictionary
        var issues: [ValidationFailure.Issue] = []
        var period = Period.year(CalendarDate(now).year)
        if let text = parameters["period"], !text.isEmpty {
            if let parsed = Period(text) {
                let range = PeriodRange(today: CalendarDate(now))
                guard range.contains(parsed) else {
                    throw range.refusal(text)
                }
                period = parsed
            } else {
                issues.append(
                    .init(
                        field: "period", message: "“period”请写成 2026-10、2026-Q3 或 2026。",
                        englishMessage: "period must look like 2026-10, 2026-Q3 or 2026."))
            }
        }
        var fund: Fund?
        if let text = parameters["fund"], !text.isEmpty {
            fund = Fund(rawValue: text)
            if fund == nil {
                issues.append(
                    .init(
                        field: "fund", message: "“fund”只能是 office、project 或 donation。",
                        englishMessage: "fund must be office, project or donation."))
            }
        }
        try ValidationFailure.check(issues)
        return (period, fund)
    }

    @Sendable func board(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let (unit, lineage) = try await services.community(context)
        let (period, fund) = try Self.query(request, now: services.clock.now)
        let today = CalendarDate(services.clock.now)
        let key =
            "finance:\(today):\(period):\(fund?.rawValue ?? "all"):" + lineage.versionKey
        if let page = services.pages.cached(key) { return page }
        let content = try await self.content(unit: unit, lineage: lineage, period: period, fund: fund)
        return try services.pages.page(for: key) {
            let model = FinanceBoard(
                unit: unit, parent: lineage.dropFirst().first, content: content, today: today, assets: services.renderer.assets)
            return HTML(try services.renderer.render("public/finance", model), caching: .publicRevalidate)
        }
    }

    private func content(unit: Unit, lineage: [Unit], period: Period, fund: Fund?) async throws -> FinanceBoard.Content {
        let openings = try await services.finance.balances(unitID: unit.id, before: period.firstDay)
        let catalog = try await services.catalog.effective(lineage: lineage)
        let item = catalog.first { $0.code == StatementGenerator.itemCode }
        var statements: [PublicListing] = []
        if let item { statements = try await services.disclosures.published(unitID: unit.id, filter: .init(itemIDs: [item.id]), limit: 24) }
        return FinanceBoard.Content(
            period: period, fund: fund,
            entries: try await services.finance.entries(unitID: unit.id, from: period.firstDay, to: period.lastDay, fund: fund),
            openings: openings, span: try await services.finance.span(unitID: unit.id), statements: statements.filter { !$0.withdrawn },
            chain: try await services.finance.chain(lineage: lineage.map(\.id)).chain)
    }

    @Sendable func entry(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let (unit, lineage) = try await services.community(context)
        guard let id = context.parameters.get("id", as: Int.self), let entry = try await services.finance.entry(id: id),
            entry.unitID == unit.id
        else { throw CommonError.notFound }
        let ledger = try await services.ledger.lastEntries(kind: FinanceLineRecord.name, ids: [entry.id])[entry.id]
        let model = FinanceEntryPage(
            unit: unit, parent: lineage.dropFirst().first, entry: entry, ledgerURL: ledger, assets: services.renderer.assets)
        return HTML(try services.renderer.render("public/finance-entry", model), caching: .publicRevalidate)
    }

    /// The lines of the period as a spreadsheet (UTF-8 with BOM).
    @Sendable func csv(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (unit, _) = try await services.community(context)
        let (period, fund) = try Self.query(request, now: services.clock.now)
        let entries = try await services.finance.entries(unitID: unit.id, from: period.firstDay, to: period.lastDay, fund: fund)
        // Links in the file are absolute, so they work from a spreadsheet.
        let base = services.origin(of: request)
        let bytes = LedgerCSV.export(
            entries.map {
                .init(
                    line: $0.line, signers: $0.signers.map { "\($0.signer.chinese)\($0.name)" }, receipts: $0.receipts.count,
                    link: base + SiteURL.finance(.entry(unit.slug, $0.id)).path)
            })
        let name = "\(unit.slug)-finance-\(period).csv"
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(name)\"",
                .cacheControl: "public, no-cache",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
