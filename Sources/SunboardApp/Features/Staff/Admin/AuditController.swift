import Foundation
import Hummingbird
import SunboardCore

/// `/admin/audit`: the append-only audit log, for those who may read it
/// (the office), over the units they reach. Read only: no route edits or
/// deletes an entry.
struct AuditController {
    let services: AppServices
    static let pageSize = 50

    func addRoutes(to group: RouterGroup<StaffContext>) {
        group.get(SiteURL.staff(.audit).route(under: .staff(.home)), use: show)
    }

    @Sendable func show(_ request: Request, context: StaffContext) async throws -> HTML {
        let roots = context.user.access.grants.filter { $0.role.permissions.contains(.readAuditLog) }.map(\.unitID)
        guard !roots.isEmpty else { throw CommonError.forbidden }
        let units = try await services.units.subtrees(of: roots)
        let query = AuditQuery(request.queryDictionary)
        let reachable = units.map(\.id)
        let unitIDs = query.unitID.map { reachable.contains($0) ? [$0] : [] } ?? reachable
        // Entries without a unit (logins) belong to the office's log too.
        let entries = try await services.audit.recent(
            limit: Self.pageSize,
            filter: .init(
                unitIDs: unitIDs, includeUnitless: query.unitID == nil, actorName: query.actor, action: query.action,
                from: query.from?.startInstant, until: query.until?.adding(days: 1).startInstant, before: query.before))
        let names = Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0.name) })
        let actions = try await services.audit.actions()
        let model = AuditPage(
            frame: Frame.admin(
                title: "操作日志", crumbs: [.init(title: "操作日志", url: SiteURL.staff(.audit).path)], user: context.user,
                csrfToken: context.csrfToken,
                assets: services.renderer.assets),
            rows: entries.map {
                .init(
                    id: $0.id, date: ShanghaiTime.dateTime(Date(unixSeconds: $0.occurredAt)), actor: $0.actorName, action: $0.action,
                    unit: $0.unitId.flatMap { names[$0] } ?? "", subject: $0.subject, detail: $0.detail, address: $0.address)
            },
            hasRows: !entries.isEmpty,
            units: [.init(value: "", label: "全部单位", selected: query.unitID == nil)]
                + units.map { .init(value: String($0.id), label: $0.name, selected: $0.id == query.unitID) },
            actions: [.init(value: "", label: "全部操作", selected: query.action == nil)]
                + actions.map { .init(value: $0, label: $0, selected: $0 == query.action) },
            actor: query.actor ?? "", from: query.from?.description ?? "", until: query.until?.description ?? "",
            action: SiteURL.staff(.audit).path,
            nextURL: entries.count == Self.pageSize ? entries.last.map { query.url(before: $0.id) } : nil,
            error: query.error)
        return HTML(try services.renderer.render("admin/audit", model), status: query.error == nil ? .ok : .badRequest)
    }
}
