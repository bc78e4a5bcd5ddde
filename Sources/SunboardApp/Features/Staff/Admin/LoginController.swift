import Foundation
import Hummingbird
import HummingbirdAuth
import SunboardCore

/// Signing in and out of the admin area.
struct LoginController {
    let services: AppServices
    /// How long a login lasts: one working day.
    static let sessionLength: Duration = .seconds(8 * 3600)

    /// Login lives in the admin group but in front of the staff-only check.
    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get(SiteURL.staff(.login).route(under: .staff(.home)), use: form)
        group.post(SiteURL.staff(.login).route(under: .staff(.home)), use: login)
    }

    func addLogout(to group: RouterGroup<AppRequestContext>) {
        group.post(SiteURL.staff(.logout).route(under: .staff(.home)), use: logout)
    }

    @Sendable func form(_ request: Request, context: AppRequestContext) async throws -> Response {
        if context.identity != nil { return .redirect(to: SiteURL.staff(.home).path, type: .normal) }
        let next = request.queryDictionary["next"] ?? ""
        let notice = request.uri.queryParameters["bye"] != nil ? "您已退出登录。" : nil
        return try page(context: context, username: "", next: next, error: nil, notice: notice, status: .ok)
            .response(from: request, context: context)
    }

    @Sendable func login(_ request: Request, context: AppRequestContext) async throws -> Response {
        let username = context.form["username"].trimmed.lowercased()
        let password = context.form["password"]
        let next = context.form["next"]
        let now = services.clock.now

        guard !username.isEmpty, !password.isEmpty else {
            return try page(context: context, username: username, next: next, error: "请输入登录名和密码。", status: .badRequest)
                .response(from: request, context: context)
        }
        // Long input is refused before it costs a database or bcrypt call.
        guard username.count <= 64, password.utf8.count <= Credentials.passwordMaximumBytes else {
            return try page(context: context, username: "", next: next, error: PeopleError.wrongCredentials.message, status: .unauthorized)
                .response(from: request, context: context)
        }

        let attempts = services.loginAttempts
        let attempt = try await attempts.begin(username: username, address: context.clientAddress, at: now)
        let windowStart = services.throttle.windowStart(now: now)
        let failures = try await attempts.failures(username: username, address: context.clientAddress, since: windowStart, before: attempt)
        if let until = services.throttle.lockedUntil(
            accountAddress: failures.accountAddress, address: failures.address, account: failures.account, now: now)
        {
            try await attempts.withdraw(attempt)
            let locked = LoginLocked(until: until, now: now)
            var response = try page(context: context, username: username, next: next, error: locked.message, status: .tooManyRequests)
                .response(from: request, context: context)
            response.headers[.retryAfter] = String(locked.minutes * 60)
            return response
        }

        let user = try await services.users.find(username: username)
        let matches = try await services.hasher.verify(password, againstOptional: user?.passwordHash)
        guard let user, user.isActive, matches else {
            return try page(
                context: context, username: username, next: next, error: PeopleError.wrongCredentials.message, status: .unauthorized
            )
            .response(from: request, context: context)
        }

        try await attempts.succeeded(attempt)
        try await services.audit.record(
            .init(actorID: user.id, actorName: user.displayName, action: "login", subject: user.username, address: context.clientAddress),
            at: now
        )
        context.sessions.createSession(StaffSession(user), expiresIn: Self.sessionLength)
        return .redirect(to: Self.safeNext(next), type: .normal)
    }

    @Sendable func logout(_ request: Request, context: AppRequestContext) async throws -> Response {
        if let user = context.identity {
            try await services.audit.record(
                .init(
                    actorID: user.id, actorName: user.displayName, action: "logout", subject: user.username, address: context.clientAddress),
                at: services.clock.now
            )
        }
        context.sessions.clearSession()
        return .redirect(to: SiteURL.staff(.login).path + "?bye=1", type: .normal)
    }

    /// Only a path inside the admin area; anything else could send a person
    /// who just signed in to another site.
    static func safeNext(_ next: String) -> String {
        let isLocal =
            next.hasPrefix(SiteURL.staff(.home).path) && !next.hasPrefix("//") && !next.contains("\\")
            && !next.contains("://") && next.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F }
        return isLocal ? next : SiteURL.staff(.home).path
    }

    private func page(
        context: AppRequestContext, username: String, next: String, error: String?, notice: String? = nil,
        status: HTTPResponse.Status
    ) throws -> HTML {
        let model = LoginPage(
            frame: .admin(title: "工作人员登录", user: nil, csrfToken: context.csrfToken, assets: services.renderer.assets),
            action: SiteURL.staff(.login).path,
            username: username,
            next: Self.safeNext(next),
            error: error,
            notice: notice
        )
        return HTML(try services.renderer.render("admin/login", model), status: status)
    }
}
