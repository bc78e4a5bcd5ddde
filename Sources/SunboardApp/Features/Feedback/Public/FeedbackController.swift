import Foundation
import Hummingbird
import SunboardCore

/// `/units/{slug}/feedback`: residents' suggestions, complaints and
/// objections with the community's replies, each with its reply-due date,
/// and the community's response times; and the form to send one. Anonymous
/// is welcome; floods are not (a few an hour per address, and a field no
/// person sees catches robots). Names and contacts never appear here.
struct FeedbackController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>, forms: RouterGroup<AppRequestContext>) {
        router.get(SiteURL.feedback(.list(.key)).route, use: list)
        forms.get(SiteURL.feedback(.form(.key)).route, use: form)
        forms.post(SiteURL.feedback(.form(.key)).route, use: submit)
    }

    struct Row: Sendable {
        var kind: String
        var kindCode: String
        var sent: String
        var due: String
        var status: String
        var overdue: Bool
        var about: String?
        var aboutURL: String?
        var text: String?
        var reply: String?
        var repliedOn: String?
    }

    struct ListPage: Sendable {
        var frame: Frame
        var unitName: String
        var record: String
        var rows: [Row]
        var isEmpty: Bool
        var formURL: String
        var deadline: Int
    }

    struct FormPage: Sendable {
        var frame: Frame
        var unitName: String
        var action: String
        var listURL: String
        var kinds: [SelectOption]
        var input: FeedbackInput
        var errors: [String: String]
        var failure: String?
        var sent: Bool
        var honeypot: String
        var deadline: Int
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let (unit, lineage) = try await services.community(context)
        let today = CalendarDate(services.clock.now)
        let key = "feedback:\(today):" + lineage.versionKey
        if let page = services.pages.cached(key) { return page }
        let items = try await services.feedback.items(unitID: unit.id, now: services.clock.now)
        let yearAgo = today.adding(months: -12)
        let record = ResponseTimes(
            items.filter { $0.sentOn >= yearAgo }.map { .init(sent: $0.sentOn, replied: $0.repliedOn) }, today: today)
        let rows = items.map { item in
            Row(
                kind: item.kind.chinese, kindCode: item.kind.rawValue, sent: item.sentOn.chinese, due: item.due.chinese,
                status: item.reply != nil ? "已答复" : today > item.due ? "逾期未答复" : "待答复", overdue: item.reply == nil && today > item.due,
                about: item.disclosureTitle, aboutURL: item.disclosureID.map { SiteURL.disclosures(.page($0)).path }, text: item.publicText,
                reply: item.publicReply, repliedOn: item.repliedOn?.chinese)
        }
        return try services.pages.page(for: key) {
            let model = ListPage(
                frame: Frame(
                    title: "居民意见 · \(unit.name)", crumbs: Frame.Crumb.trail(to: unit, parent: lineage.dropFirst().first),
                    assets: services.renderer.assets),
                unitName: unit.name, record: record.chinese, rows: rows, isEmpty: rows.isEmpty,
                formURL: SiteURL.feedback(.form(unit.slug)).path,
                deadline: ReplyDeadline.days)
            return HTML(try services.renderer.render("public/feedback", model), caching: .publicRevalidate)
        }
    }

    @Sendable func form(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let (unit, lineage) = try await services.community(context)
        return try page(
            unit, lineage, context, input: FeedbackInput(), failure: nil, sent: request.queryDictionary["sent"] != nil, status: .ok)
    }

    @Sendable func submit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (unit, lineage) = try await services.community(context)
        let now = services.clock.now
        let form = context.form
        let input = FeedbackInput(kind: form["kind"], text: form["text"], name: form["name"], contact: form["contact"])
        let done = Response.redirect(to: SiteURL.feedback(.form(unit.slug)).path + "?sent=1", type: .normal)
        // A robot filled in the field no person sees: pretend all went well.
        if !form[ObjectionController.honeypot].isEmpty { return done }
        do {
            try await services.feedback.add(unitID: unit.id, input: try input.validated(), address: context.clientAddress, at: now)
        } catch let error as ValidationFailure {
            return try page(unit, lineage, context, input: input, failure: error, sent: false, status: .badRequest)
                .response(from: request, context: context)
        } catch is MessageQuota.Exceeded {
            let failure = ValidationFailure([
                .init(field: "text", message: ObjectionController.tooMany, englishMessage: "too many messages; try again in an hour.")
            ])
            return try page(unit, lineage, context, input: input, failure: failure, sent: false, status: .tooManyRequests)
                .response(from: request, context: context)
        }
        return done
    }

    private func page(
        _ unit: Unit, _ lineage: [Unit], _ context: AppRequestContext, input: FeedbackInput, failure: ValidationFailure?, sent: Bool,
        status: HTTPResponse.Status
    ) throws -> HTML {
        let model = FormPage(
            frame: Frame(
                title: "提建议或投诉", crumbs: Frame.Crumb.trail(to: unit, parent: lineage.dropFirst().first), csrfToken: context.csrfToken,
                assets: services.renderer.assets),
            unitName: unit.name, action: SiteURL.feedback(.form(unit.slug)).path, listURL: SiteURL.feedback(.list(unit.slug)).path,
            kinds: [FeedbackKind.suggestion, .complaint].map {
                .init(value: $0.rawValue, label: $0.chinese, selected: $0.rawValue == input.kind)
            },
            input: input, errors: fieldErrors(failure), failure: failure?.message, sent: sent, honeypot: ObjectionController.honeypot,
            deadline: ReplyDeadline.days)
        return HTML(try services.renderer.render("public/feedback-form", model), status: status)
    }
}
