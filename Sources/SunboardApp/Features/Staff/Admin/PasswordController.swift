import Hummingbird
import HummingbirdAuth
import SunboardCore

/// `/admin/password`: everyone changes their own password here; demo and
/// first passwords are meant to be changed.
struct PasswordController {
    let services: AppServices

    func addRoutes(to group: RouterGroup<StaffContext>) {
        group.get(SiteURL.staff(.password).route(under: .staff(.home)), use: form)
        group.post(SiteURL.staff(.password).route(under: .staff(.home)), use: change)
    }

    @Sendable func form(_ request: Request, context: StaffContext) async throws -> HTML {
        try page(context: context, failure: nil, saved: request.uri.queryParameters["saved"] != nil)
    }

    @Sendable func change(_ request: Request, context: StaffContext) async throws -> Response {
        let current = context.form["current_password"]
        let new = context.form["new_password"]
        let confirmation = context.form["confirm_password"]
        guard let user = try await services.users.find(id: context.user.id) else { throw CommonError.unauthenticated }

        var issues: [ValidationFailure.Issue] = []
        if !(try await services.hasher.verify(current, against: user.passwordHash)) {
            issues.append(
                .init(
                    field: "current_password", message: PeopleError.wrongCurrentPassword.message,
                    englishMessage: PeopleError.wrongCurrentPassword.englishMessage))
        }
        if let issue = Credentials.passwordIssue(new, field: "new_password") { issues.append(issue) }
        if new != confirmation {
            issues.append(
                .init(
                    field: "confirm_password", message: PeopleError.passwordsDiffer.message,
                    englishMessage: PeopleError.passwordsDiffer.englishMessage))
        }
        guard issues.isEmpty else {
            return try page(context: context, failure: ValidationFailure(issues), saved: false).response(from: request, context: context)
        }

        let hash = try await services.hasher.hash(new)
        let now = services.clock.now
        let entry = context.auditEntry(action: "password.change", subject: user.username, detail: "修改了自己的密码")
        try await services.users.setPasswordHash(hash, userID: user.id, audit: services.audit, entry: entry, at: now)
        // The new password ends every other session; this one carries on.
        var renewed = user
        renewed.passwordHash = hash
        context.sessions.createSession(StaffSession(renewed), expiresIn: LoginController.sessionLength)
        return .redirect(to: SiteURL.staff(.password).path + "?saved=1", type: .normal)
    }

    private func page(context: StaffContext, failure: ValidationFailure?, saved: Bool) throws -> HTML {
        let frame = Frame.admin(
            title: "修改密码", crumbs: [.init(title: "修改密码", url: SiteURL.staff(.password).path)],
            user: context.user, csrfToken: context.csrfToken, assets: services.renderer.assets
        )
        let model = PasswordForm(
            frame: frame,
            action: SiteURL.staff(.password).path,
            minimumPassword: Credentials.passwordMinimumLength,
            errorSummary: failure.map { "有 \($0.issues.count) 处需要修改：\($0.message)" },
            currentError: failure?.message(for: "current_password"),
            newError: failure?.message(for: "new_password"),
            confirmError: failure?.message(for: "confirm_password"),
            saved: saved
        )
        return HTML(try services.renderer.render("admin/password", model), status: failure == nil ? .ok : .badRequest)
    }
}
