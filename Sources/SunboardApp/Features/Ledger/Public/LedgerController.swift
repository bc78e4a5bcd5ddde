import Foundation
import Hummingbird
import SunboardCore

/// The public ledger (公开账本): its entries a page at a time, and the check
/// of a code kept from paper or a chat group against the chain.
struct LedgerController {
    let services: AppServices

    static let pageSize = 50

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(SiteURL.ledger(.page).route, use: ledger)
        router.get(SiteURL.ledger(.check).route, use: check)
    }

    /// A page of entries from `?after=N`; or, with `?kind=board_card&id=12`,
    /// every entry of that one record (a page's “在账本中查看” link).
    @Sendable func ledger(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let query = request.queryDictionary
        let total = try await services.ledger.count()
        let entries: [LedgerEntry]
        var record: (kind: String, id: Int)?
        if let kind = query["kind"] {
            guard RecordKindName.isKnown(kind), let id = query["id"].flatMap(Int.init), id > 0 else { throw CommonError.notFound }
            entries = try await services.ledger.entries(kind: kind, id: id)
            record = (kind, id)
        } else {
            let after = max(0, Int(query["after"] ?? "") ?? 0)
            entries = try await services.ledger.entries(after: after, limit: Self.pageSize)
        }
        let slugs = try await RecordLinks.slugs(of: entries, on: services.database.sql)
        let model = LedgerPage(
            entries: entries, slugs: slugs, total: total, pageSize: Self.pageSize, record: record, assets: services.renderer.assets)
        return HTML(try services.renderer.render("public/ledger", model), caching: .publicRevalidate)
    }

    /// `?code=123-1a2b3c4d5e6f7a8b` (or `head=`, as a printed QR code sends
    /// it): whether entry 123 still has that hash, and what it recorded.
    @Sendable func check(_ request: Request, context: AppRequestContext) async throws -> HTML {
        // Compares a printed code with the ledger as it is now: a row changed
        // behind the system's back moves no version, so this is never kept.
        CacheDependencies.current?.keepNone()
        let query = request.queryDictionary
        let typed = (query["code"] ?? query["head"] ?? "").trimmingCharacters(in: .whitespaces)
        var result: LedgerCheckPage.Result?
        if !typed.isEmpty {
            if let code = LedgerCode(typed) {
                let entry = try await services.ledger.entry(sequence: code.sequence)
                let head = try await services.ledger.lastEntry()
                var slug: String?
                if let entry { slug = try await RecordLinks.slugs(of: [entry], on: services.database.sql)[entry.sequence] }
                result = .init(code: code, entry: entry, head: head, slug: slug)
            } else {
                result = .unreadable
            }
        }
        let model = LedgerCheckPage(typed: String(typed.prefix(120)), result: result, assets: services.renderer.assets)
        return HTML(try services.renderer.render("public/ledger-check", model), caching: .publicRevalidate)
    }
}
