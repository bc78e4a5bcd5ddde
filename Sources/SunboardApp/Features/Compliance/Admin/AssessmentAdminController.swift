import Foundation
import Hummingbird
import SunboardCore

/// `/admin/units/{office}/assessment?year=`: the annual assessment (考核) —
/// each community's score with its breakdown, the ranking, the office's
/// rewards and penalties, the weights and reminder days, a print view and CSV.
struct AssessmentAdminController {
    let services: AppServices

    func addRoutes(to group: RouterGroup<UnitAdminContext>) {
        group.get(SiteURL.compliance(.assessment(.key)).route(under: .units(.admin(.key))), use: page)
        group.get(SiteURL.compliance(.assessmentPrint(.key)).route(under: .units(.admin(.key))), use: print)
        group.get(SiteURL.compliance(.assessmentCSV(.key)).route(under: .units(.admin(.key))), use: csv)
        group.post(SiteURL.compliance(.assessmentSettings(.key)).route(under: .units(.admin(.key))), use: saveSettings)
        group.post(SiteURL.compliance(.assessmentNotes(.key)).route(under: .units(.admin(.key))), use: addNote)
    }

    private func year(_ request: Request) throws -> Int {
        guard let text = request.queryDictionary["year"], !text.isEmpty else { return CalendarDate(services.clock.now).year }
        guard text.count == 4, let year = Int(text), (2000...2100).contains(year) else { throw ComplianceError.badYear(text) }
        return year
    }

    private func office(_ context: UnitAdminContext) throws -> Unit {
        guard context.unit.kind == .office else { throw CommonError.notFound }
        return context.unit
    }

    @Sendable func page(_ request: Request, context: UnitAdminContext) async throws -> HTML {
        let office = try office(context)
        let year = try year(request)
        return try await render(context, office: office, year: year, errors: nil, notice: Self.notices.message(for: request), status: .ok)
    }

    static let notices = Flash(["settings": "已保存，分数按新的权重重新计算。", "note": "已记下。"])

    private func render(
        _ context: UnitAdminContext, office: Unit, year: Int, errors: ValidationFailure?, notice: String?, status: HTTPResponse.Status,
        form: [String: String] = [:]
    ) async throws -> HTML {
        let (settings, ranking) = try await services.complianceReport.assessment(
            officeID: office.id, year: year, today: CalendarDate(services.clock.now))
        let model = AssessmentPage(
            frame: Frame.admin(
                title: "\(year) 年度考核",
                crumbs: [
                    .init(title: office.name, url: SiteURL.units(.admin(office.slug)).path),
                    .init(title: "年度考核", url: SiteURL.compliance(.assessment(office.slug)).path),
                ],
                user: context.user, csrfToken: context.staff.csrfToken, assets: services.renderer.assets),
            office: office, year: year, settings: settings, ranking: ranking, canManage: context.can(.manageAssessment), errors: errors,
            notice: notice, form: form, today: CalendarDate(services.clock.now))
        return HTML(try services.renderer.render("admin/assessment", model), status: status)
    }

    @Sendable func print(_ request: Request, context: UnitAdminContext) async throws -> HTML {
        let office = try office(context)
        let year = try year(request)
        let (settings, ranking) = try await services.complianceReport.assessment(
            officeID: office.id, year: year, today: CalendarDate(services.clock.now))
        let frame = Frame(title: "\(office.name)\(year)年度居务公开考核", assets: services.renderer.assets)
        var model = AssessmentPage(
            frame: frame, office: office, year: year, settings: settings, ranking: ranking, canManage: false, errors: nil, notice: nil,
            form: [:], today: CalendarDate(services.clock.now))
        model.stamp = LedgerStamp(head: try await services.ledger.lastEntry(), base: services.origin(of: request))
        return HTML(try services.renderer.render("admin/assessment-print", model))
    }

    @Sendable func csv(_ request: Request, context: UnitAdminContext) async throws -> Response {
        let office = try office(context)
        let year = try year(request)
        let (settings, ranking) = try await services.complianceReport.assessment(
            officeID: office.id, year: year, today: CalendarDate(services.clock.now))
        let weights = settings.weights
        var text = CSV.line([
            "名次", "社区", "总分", "按时公开（\(weights.onTime)）", "公开完整（\(weights.completeness)）", "答复居民意见（\(weights.feedback)）",
            "处理异议（\(weights.objections)）", "到期", "按时", "迟报", "缺报", "奖惩及说明",
        ])
        for row in ranking {
            let record = row.facts.record
            text += CSV.line(
                [String(row.rank), row.unit.name, AssessmentPage.number(row.score.total)]
                    + row.score.parts.map { AssessmentPage.number($0.points) }
                    + [String(record.due), String(record.onTime), String(record.late), String(record.missing)]
                    + [row.notes.map { "\($0.kind.chinese)：\($0.text)" }.joined(separator: "；")])
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8",
                .contentDisposition: "attachment; filename=\"\(office.slug)-assessment-\(year).csv\"",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8))))
    }

    @Sendable func saveSettings(_ request: Request, context: UnitAdminContext) async throws -> Response {
        let office = try office(context)
        try context.require(.manageAssessment)
        let form = context.staff.form
        let year = try year(request)
        do {
            let weights = try AssessmentWeights.parse(
                onTime: form["on_time"], completeness: form["completeness"], feedback: form["feedback"], objections: form["objections"])
            guard let days = Int(form["reminder_days"].trimmed), (1...60).contains(days) else {
                throw ValidationFailure([
                    .init(field: "reminder_days", message: "提前提醒的天数请填 1 到 60 的整数。", englishMessage: "reminder_days must be 1 to 60.")
                ])
            }
            try await services.compliance.save(
                ComplianceSettings(reminderDays: days, weights: weights), officeID: office.id, actor: context.actor, audit: services.audit,
                at: services.clock.now)
        } catch let error as ValidationFailure {
            let typed = ["on_time", "completeness", "feedback", "objections", "reminder_days"].reduce(into: [String: String]()) {
                $0[$1] = form[$1]
            }
            return try await render(context, office: office, year: year, errors: error, notice: nil, status: .badRequest, form: typed)
                .response(
                    from: request, context: context)
        }
        return .redirect(to: SiteURL.compliance(.assessment(office.slug)).path + "?year=\(year)&done=settings", type: .normal)
    }

    @Sendable func addNote(_ request: Request, context: UnitAdminContext) async throws -> Response {
        let office = try office(context)
        try context.require(.manageAssessment)
        let form = context.staff.form
        let year = try year(request)
        let communities = try await services.compliance.communities(officeID: office.id)
        let text = form["text"].trimmed
        guard let unit = communities.first(where: { String($0.id) == form["unit_id"] }),
            let kind = AssessmentNote.Kind(rawValue: form["kind"]),
            !text.isEmpty, text.count <= 500
        else {
            let error = ValidationFailure([
                .init(
                    field: "text", message: "请选择社区和类别，并写下奖惩或说明（500 字以内）。",
                    englishMessage: "unit_id, kind and text (up to 500) are required.")
            ])
            return try await render(context, office: office, year: year, errors: error, notice: nil, status: .badRequest).response(
                from: request, context: context)
        }
        try await services.compliance.addNote(
            unit: unit, officeID: office.id, year: year, kind: kind, text: text, actor: context.actor, audit: services.audit,
            at: services.clock.now)
        return .redirect(to: SiteURL.compliance(.assessment(office.slug)).path + "?year=\(year)&done=note", type: .normal)
    }
}
