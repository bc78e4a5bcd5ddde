import Foundation
import Hummingbird
import SunboardCore

/// `/disclosures/{id}/objection`: a resident objects to a notice during its
/// notice period. Anonymous objections are welcome; floods are not, so one
/// address may send a few an hour, and a field hidden from people catches
/// robots that fill in everything.
struct ObjectionController {
    let services: AppServices
    static let tooMany = "提交太频繁了，请一小时后再试，或到居委会当面反映。"
    /// Left empty by people, who never see it.
    static let honeypot = "website"

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get(SiteURL.disclosures(.objection(.key)).route, use: form)
        group.post(SiteURL.disclosures(.objection(.key)).route, use: submit)
    }

    struct Page: Sendable {
        var frame: Frame
        var title: String
        var disclosureURL: String
        var action: String
        var open: Bool
        var noticeEnds: String
        var name: String
        var contact: String
        var text: String
        var error: String?
        var sent: Bool
        var honeypot: String
    }

    /// The disclosure, its unit, and its public title (not a correction's draft).
    private func target(_ context: AppRequestContext) async throws -> (Disclosure, Unit, String) {
        guard let id = context.parameters.get("id", as: Int.self), let disclosure = try await services.disclosures.findPublicSide(id: id),
            disclosure.publishedVersion > 0, disclosure.noticeStarts != nil,
            let unit = try await services.units.find(id: disclosure.unitID),
            let title = try await services.disclosures.versions(of: id).last?.content.title
        else { throw CommonError.notFound }
        return (disclosure, unit, title)
    }

    @Sendable func form(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let (disclosure, unit, title) = try await target(context)
        return try page(
            disclosure, unit: unit, title: title, context: context, input: .init(name: "", contact: "", text: ""), error: nil,
            sent: request.uri.queryParameters["sent"] != nil, status: .ok)
    }

    @Sendable func submit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (disclosure, unit, title) = try await target(context)
        let now = services.clock.now
        let input = ObjectionInput(name: context.form["name"], contact: context.form["contact"], text: context.form["text"])
        guard disclosure.noticeOpen(on: CalendarDate(now)) else {
            return try page(
                disclosure, unit: unit, title: title, context: context, input: input, error: "公示期已结束，不能再在网上提出异议。如有意见，请到居委会当面反映。",
                sent: false, status: .conflict
            ).response(from: request, context: context)
        }
        // A robot filled in the field no person sees: pretend all went well.
        if !context.form[Self.honeypot].isEmpty {
            return .redirect(to: SiteURL.disclosures(.objection(disclosure.id)).path + "?sent=1", type: .normal)
        }
        let checked: ObjectionInput
        do {
            checked = try input.validated()
        } catch {
            return try page(
                disclosure, unit: unit, title: title, context: context, input: input, error: error.message, sent: false, status: .badRequest
            )
            .response(from: request, context: context)
        }
        do {
            // One limit for everything a resident sends: objections, suggestions and complaints.
            try await services.objections.add(
                disclosureID: disclosure.id, version: disclosure.publishedVersion, name: checked.name, contact: checked.contact,
                text: checked.text, address: context.clientAddress, at: now)
        } catch is MessageQuota.Exceeded {
            return try page(
                disclosure, unit: unit, title: title, context: context, input: input, error: Self.tooMany, sent: false,
                status: .tooManyRequests
            ).response(from: request, context: context)
        }
        return .redirect(to: SiteURL.disclosures(.objection(disclosure.id)).path + "?sent=1", type: .normal)
    }

    private func page(
        _ disclosure: Disclosure, unit: Unit, title: String, context: AppRequestContext, input: ObjectionInput, error: String?, sent: Bool,
        status: HTTPResponse.Status
    ) throws -> HTML {
        let id = disclosure.id
        let model = Page(
            frame: Frame(
                title: "提出异议",
                crumbs: [
                    .init(title: unit.name, url: SiteURL.units(.page(unit.slug)).path),
                    .init(title: title, url: SiteURL.disclosures(.page(id)).path),
                    .init(title: "提出异议", url: SiteURL.disclosures(.objection(id)).path),
                ], csrfToken: context.csrfToken, assets: services.renderer.assets),
            title: title, disclosureURL: SiteURL.disclosures(.page(id)).path, action: SiteURL.disclosures(.objection(id)).path,
            open: disclosure.noticeOpen(on: CalendarDate(services.clock.now)), noticeEnds: disclosure.noticeEnds?.chinese ?? "",
            name: input.name, contact: input.contact, text: input.text, error: error, sent: sent, honeypot: Self.honeypot)
        return HTML(try services.renderer.render("public/objection", model), status: status)
    }
}
