import Foundation
import Hummingbird
import SunboardCore

/// The books as JSON: a period's lines with each fund's balances, and the
/// monthly statements as published.
struct FinanceAPIController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(SiteURL.finance(.apiEntries(.key)).route, use: apiEntries)
        router.get(SiteURL.finance(.apiStatements(.key)).route, use: apiStatements)
    }

    @Sendable func apiEntries(_ request: Request, context: AppRequestContext) async throws -> JSONBody<FinanceEntriesJSON> {
        let (unit, _) = try await services.community(context)
        let (period, fund) = try FinanceController.query(request, now: services.clock.now)
        let entries = try await services.finance.entries(unitID: unit.id, from: period.firstDay, to: period.lastDay, fund: fund)
        let before = try await services.finance.balances(unitID: unit.id, before: period.firstDay)
        let balances = (fund.map { [$0] } ?? Fund.allCases).map { each in
            FinanceEntriesJSON.Balance(
                fund: each, totals: FundTotals(before: before[each] ?? .zero, lines: entries.map(\.line).filter { $0.fund == each }))
        }
        return JSONBody(
            FinanceEntriesJSON(
                unit: unit.slug, period: period.description, fund: Nullable(fund?.rawValue), balances: balances,
                entries: entries.map { FinanceEntryJSON($0, unit: unit) }))
    }

    @Sendable func apiStatements(_ request: Request, context: AppRequestContext) async throws -> JSONBody<[StatementJSON]> {
        let (unit, lineage) = try await services.community(context)
        let catalog = try await services.catalog.effective(lineage: lineage)
        guard let item = catalog.first(where: { $0.code == StatementGenerator.itemCode }) else { return JSONBody([]) }
        let listings = try await services.disclosures.published(unitID: unit.id, filter: .init(itemIDs: [item.id]), limit: 500)
        let current = listings.filter { !$0.withdrawn }
        // One query for every statement's current version.
        let versions = try await services.disclosures.versions(for: current.map { ($0.id, $0.version) })
        return JSONBody(
            current.compactMap { listing in
                versions["\(listing.id):\(listing.version)"].map { StatementJSON(listing: listing, version: $0) }
            })
    }
}
