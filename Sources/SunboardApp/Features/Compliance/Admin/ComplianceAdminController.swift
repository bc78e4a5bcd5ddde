import Foundation
import Hummingbird
import SunboardCore

/// `/admin/units/{slug}/compliance`: for the office, communities × items for
/// a period (status by text and colour, each cell leading to the disclosure
/// or to the gap) with a CSV export; for a community, what is overdue or
/// due soon and the period's obligations, with a link to write each.
struct ComplianceAdminController {
    let services: AppServices

    func addRoutes(to group: RouterGroup<UnitAdminContext>) {
        group.get(SiteURL.compliance(.matrix(.key)).route(under: .units(.admin(.key))), use: page)
        group.get(SiteURL.compliance(.matrixCSV(.key)).route(under: .units(.admin(.key))), use: csv)
    }

    /// `period` as asked, else last month: the one whose reports are due now.
    func period(_ request: Request) throws -> Period {
        guard let text = request.queryDictionary["period"], !text.isEmpty else {
            let today = CalendarDate(services.clock.now)
            return Period.containing(today, frequency: .monthly).previous
        }
        guard let period = Period(text) else { throw ComplianceError.badPeriod(text) }
        return period
    }

    @Sendable func page(_ request: Request, context: UnitAdminContext) async throws -> HTML {
        let unit = context.unit
        let period = try period(request)
        let today = CalendarDate(services.clock.now)
        let frame = { (title: String) in
            Frame.admin(
                title: title,
                crumbs: [
                    .init(title: unit.name, url: SiteURL.units(.admin(unit.slug)).path),
                    .init(title: title, url: SiteURL.compliance(.matrix(unit.slug)).path),
                ],
                user: context.user, csrfToken: context.staff.csrfToken, assets: services.renderer.assets)
        }
        switch unit.kind {
        case .office:
            let page = Int(request.queryDictionary["page"] ?? "") ?? 1
            let matrix = try await services.complianceReport.matrix(officeID: unit.id, period: period, today: today, page: page)
            let model = MatrixPage(frame: frame("公开情况总览"), office: unit, matrix: matrix, today: today)
            return HTML(try services.renderer.render("admin/compliance-matrix", model))
        case .community:
            guard let office = context.scope.lineage.dropFirst().first, let obligated = try await services.compliance.community(id: unit.id)
            else {
                throw CommonError.notFound
            }
            let settings = try await services.compliance.settings(officeID: office.id)
            let report = services.complianceReport
            let pending = try await report.pending(unit: obligated, officeID: office.id, today: today, days: settings.reminderDays)
            let chosen = try await report.matrix(officeID: office.id, period: period, today: today, only: obligated)
            let (_, record) = try await report.record(unit: obligated, officeID: office.id, today: today)
            let model = CommunityCompliancePage(
                frame: frame("定期公开提醒"), unit: unit, pending: pending, chosen: chosen, record: record, reminderDays: settings.reminderDays,
                canDraft: context.can(.draftDisclosures))
            return HTML(try services.renderer.render("admin/compliance-community", model))
        }
    }

    /// Every community of the office for the period, one line per community and item.
    @Sendable func csv(_ request: Request, context: UnitAdminContext) async throws -> Response {
        let unit = context.unit
        guard unit.kind == .office else { throw CommonError.notFound }
        let period = try period(request)
        let today = CalendarDate(services.clock.now)
        let base = services.origin(of: request)
        var text = CSV.line(["社区", "事项", "期次", "应公开日期", "情况", "逾期或迟报天数", "公开日期", "链接"])
        // One matrix with every community on its one page.
        let matrix = try await services.complianceReport.matrix(officeID: unit.id, period: period, today: today, page: 1, perPage: .max / 2)
        for line in matrix.lines {
            for (column, cell) in zip(matrix.columns, line.cells) {
                guard let cell else { continue }
                text += CSV.line([
                    line.unit.name, column.item.title, column.period.chinese, column.due.description, cell.status.chinese,
                    cell.status.isDue && cell.status != .onTime ? String(cell.status.days) : "", cell.publishedOn?.description ?? "",
                    cell.disclosureID.map { base + SiteURL.disclosures(.page($0)).path } ?? "",
                ])
            }
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8",
                .contentDisposition: "attachment; filename=\"\(unit.slug)-compliance-\(period).csv\"",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8))))
    }
}

/// A period the compliance pages cannot read.
enum ComplianceError: SunboardError {
    case badPeriod(String)
    case badYear(String)
    case badPage(String)

    var code: String { "invalid_input" }
    var kind: ErrorKind { .invalidInput }
    var message: String {
        switch self {
        case .badPeriod: "期次请写成 2026-10（月）、2026-Q3（季度）或 2026（年）。"
        case .badYear: "年份请写成 2026 这样的四位数字。"
        case .badPage: "页码请写成 1、2、3 这样的正整数。"
        }
    }
    var englishMessage: String {
        switch self {
        case .badPeriod(let text): "period \(text.prefix(20)) must look like 2026-10, 2026-Q3 or 2026."
        case .badYear(let text): "year \(text.prefix(20)) must be four digits, e.g. 2026."
        case .badPage(let text): "page \(text.prefix(20)) must be a whole number from 1."
        }
    }
}
