import Foundation
import Hummingbird
import SunboardCore

/// `/admin/users`: the office administrator adds staff and grants or
/// revokes their roles, within the units they manage.
struct UsersController {
    let services: AppServices

    func addRoutes(to group: RouterGroup<StaffContext>) {
        group.get(SiteURL.staff(.users).route(under: .staff(.home)), use: list)
        group.get(SiteURL.staff(.newUser).route(under: .staff(.home)), use: newForm)
        group.post(SiteURL.staff(.users).route(under: .staff(.home)), use: create)
        group.post(SiteURL.staff(.roles(.key)).route(under: .staff(.home)), use: addRole)
        group.post(SiteURL.staff(.roleRemoval(.key)).route(under: .staff(.home)), use: removeRole)
        group.post(SiteURL.staff(.activation(.key)).route(under: .staff(.home)), use: setActive)
    }

    /// The units where this person may manage users, parents first.
    private func managedUnits(_ context: StaffContext) async throws -> [Unit] {
        guard context.user.access.managesUsers else { throw CommonError.forbidden }
        let roots = context.user.access.grants.filter { $0.role.permissions.contains(.manageUsers) }.map(\.unitID)
        return try await services.units.subtrees(of: roots)
    }

    static let notices = Flash(["1": "已保存。"])

    @Sendable func list(_ request: Request, context: StaffContext) async throws -> HTML {
        let units = try await managedUnits(context)
        let notice = Self.notices.message(for: request)
        return try await listPage(context: context, units: units, notice: notice, error: nil, status: .ok)
    }

    private func listPage(context: StaffContext, units: [Unit], notice: String?, error: String?, status: HTTPResponse.Status) async throws
        -> HTML
    {
        let people = try await services.users.managedStaff(inUnits: units.map(\.id))
        let frame = Frame.admin(
            title: "工作人员", crumbs: [.init(title: "工作人员", url: SiteURL.staff(.users).path)],
            user: context.user, csrfToken: context.csrfToken, assets: services.renderer.assets
        )
        let model = UsersPage(people: people, units: units, notice: notice, error: error, frame: frame)
        return HTML(try services.renderer.render("admin/users", model), status: status)
    }

    @Sendable func newForm(_ request: Request, context: StaffContext) async throws -> HTML {
        let units = try await managedUnits(context)
        return try newUserPage(context: context, units: units, failure: nil, grantError: nil)
    }

    @Sendable func create(_ request: Request, context: StaffContext) async throws -> Response {
        let units = try await managedUnits(context)
        let form = context.form
        let username = form["username"].trimmed.lowercased()
        let displayName = form["display_name"].trimmed
        let password = form["password"]
        var issues = [
            Credentials.usernameIssue(username), Credentials.displayNameIssue(displayName), Credentials.passwordIssue(password),
        ].compactMap { $0 }
        let grant = parseGrant(form, units: units)
        if case .failure(let issue) = grant { issues.append(issue) }
        if issues.isEmpty, try await services.users.find(username: username) != nil {
            issues.append(
                .init(field: "username", message: PeopleError.usernameTaken(username).message, englishMessage: "username is taken"))
        }
        guard issues.isEmpty, case .success(let (unit, role)) = grant else {
            return try newUserPage(context: context, units: units, failure: ValidationFailure(issues), grantError: nil)
                .response(from: request, context: context)
        }

        let entry = context.auditEntry(
            action: "user.create", unitID: unit.id, subject: username, detail: "新建用户“\(displayName)”，角色：\(unit.name)\(role.chineseName)"
        )
        do {
            try await services.users.createAccount(
                username: username, displayName: displayName, passwordHash: try await services.hasher.hash(password),
                role: role, unitID: unit.id, audit: services.audit, entry: entry, at: services.clock.now
            )
        } catch let error as PeopleError {
            // Taken by someone else since the check above.
            let issue = ValidationFailure.Issue(field: "username", message: error.message, englishMessage: error.englishMessage)
            return try newUserPage(context: context, units: units, failure: ValidationFailure([issue]), grantError: nil)
                .response(from: request, context: context)
        }
        return .redirect(to: SiteURL.staff(.users).path + "?done=1", type: .normal)
    }

    @Sendable func addRole(_ request: Request, context: StaffContext) async throws -> Response {
        let units = try await managedUnits(context)
        let member = try await targetUser(context)
        switch parseGrant(context.form, units: units) {
        case .failure(let issue):
            return try await listPage(context: context, units: units, notice: nil, error: issue.message, status: .badRequest)
                .response(from: request, context: context)
        case .success(let (unit, role)):
            let now = services.clock.now
            let entry = context.auditEntry(
                action: "role.grant", unitID: unit.id, subject: member.username,
                detail: "授予“\(member.displayName)”\(unit.name)\(role.chineseName)角色"
            )
            try await services.users.grant(role, userID: member.id, unitID: unit.id, audit: services.audit, entry: entry, at: now)
            return .redirect(to: SiteURL.staff(.users).path + "?done=1", type: .normal)
        }
    }

    @Sendable func removeRole(_ request: Request, context: StaffContext) async throws -> Response {
        let units = try await managedUnits(context)
        let member = try await targetUser(context)
        let grant = parseGrant(context.form, units: units, checkKind: false)
        if case .failure(let issue) = grant {
            return try await listPage(context: context, units: units, notice: nil, error: issue.message, status: .badRequest)
                .response(from: request, context: context)
        }
        guard case .success(let (unit, role)) = grant else { throw CommonError.forbidden }
        // The last way back in must not be taken away by accident.
        if member.id == context.user.id && role == .officeAdmin {
            return try await listPage(
                context: context, units: units, notice: nil, error: "不能收回自己的办事处管理员角色，请让另一位管理员操作。", status: .conflict
            ).response(from: request, context: context)
        }
        let now = services.clock.now
        let entry = context.auditEntry(
            action: "role.revoke", unitID: unit.id, subject: member.username,
            detail: "收回“\(member.displayName)”\(unit.name)\(role.chineseName)角色"
        )
        try await services.users.revoke(role, userID: member.id, unitID: unit.id, audit: services.audit, entry: entry, at: now)
        return .redirect(to: SiteURL.staff(.users).path + "?done=1", type: .normal)
    }

    /// Stops or restores an account (`active` = `0` or `1`). Accounts are
    /// never deleted: the audit log keeps naming who did what.
    @Sendable func setActive(_ request: Request, context: StaffContext) async throws -> Response {
        let units = try await managedUnits(context)
        let member = try await targetUser(context)
        let managed = Set(units.map(\.id))
        // Only someone whose every role lies within this administrator's units. An
        // account with no role belongs to no unit, so to no administrator: give it
        // a role first (which says whose it is), or leave it, since it can do nothing.
        let grants = try await services.users.grants(userID: member.id)
        guard !grants.isEmpty, grants.allSatisfy({ managed.contains($0.unitID) }) else { throw CommonError.forbidden }
        guard let active = ["0": false, "1": true][context.form["active"]] else {
            return try await listPage(context: context, units: units, notice: nil, error: "请求无法识别，请刷新页面后重试。", status: .badRequest)
                .response(from: request, context: context)
        }
        if member.id == context.user.id && !active {
            return try await listPage(context: context, units: units, notice: nil, error: "不能停用自己的账号。", status: .conflict)
                .response(from: request, context: context)
        }
        guard member.isActive != active else { return .redirect(to: SiteURL.staff(.users).path + "?done=1", type: .normal) }
        let now = services.clock.now
        let entry = context.auditEntry(
            action: active ? "user.activate" : "user.deactivate", subject: member.username,
            detail: active ? "恢复使用“\(member.displayName)”的账号" : "停用“\(member.displayName)”的账号"
        )
        try await services.users.setActive(active, userID: member.id, audit: services.audit, entry: entry, at: now)
        return .redirect(to: SiteURL.staff(.users).path + "?done=1", type: .normal)
    }

    private func targetUser(_ context: StaffContext) async throws -> StoredUser {
        guard let id = context.parameters.get("id", as: Int.self), let user = try await services.users.find(id: id) else {
            throw CommonError.notFound
        }
        return user
    }

    /// The unit and role picked in a form, checked against what this person
    /// manages and where the role can be held.
    private func parseGrant(_ form: FormFields, units: [Unit], checkKind: Bool = true) -> Result<(Unit, Role), ValidationFailure.Issue> {
        guard let unitID = Int(form["unit_id"]), let unit = units.first(where: { $0.id == unitID }) else {
            return .failure(.init(field: "unit_id", message: "请选择您管理的单位。", englishMessage: "unit_id must be a unit you manage."))
        }
        guard let role = Role(rawValue: form["role"]) else {
            return .failure(.init(field: "role", message: "请选择角色。", englishMessage: "role is required."))
        }
        if checkKind && !role.isGrantable(in: unit.kind) {
            return .failure(
                .init(
                    field: "role",
                    message: "“\(role.chineseName)”不能设在\(unit.kind.chineseName)“\(unit.name)”。",
                    englishMessage: "role \(role.rawValue) cannot be held in a unit of kind \(unit.kind.rawValue)."
                ))
        }
        return .success((unit, role))
    }

    private func newUserPage(context: StaffContext, units: [Unit], failure: ValidationFailure?, grantError: String?) throws -> HTML {
        let form = context.form
        let frame = Frame.admin(
            title: "新建工作人员账号",
            crumbs: [.init(title: "工作人员", url: SiteURL.staff(.users).path), .init(title: "新建账号", url: SiteURL.staff(.newUser).path)],
            user: context.user, csrfToken: context.csrfToken, assets: services.renderer.assets
        )
        let model = NewUserForm(
            frame: frame,
            action: SiteURL.staff(.users).path,
            cancelURL: SiteURL.staff(.users).path,
            username: form["username"],
            displayName: form["display_name"],
            unitOptions: UsersPage.unitOptions(units, selected: Int(form["unit_id"])),
            roleOptions: UsersPage.roleOptions(selected: Role(rawValue: form["role"])),
            errorSummary: failure.map { "有 \($0.issues.count) 处需要修改：\($0.message)" },
            usernameError: failure?.message(for: "username"),
            displayNameError: failure?.message(for: "display_name"),
            passwordError: failure?.message(for: "password"),
            grantError: failure?.message(for: "unit_id") ?? failure?.message(for: "role") ?? grantError,
            minimumPassword: Credentials.passwordMinimumLength
        )
        return HTML(try services.renderer.render("admin/user-new", model), status: failure == nil ? .ok : .badRequest)
    }
}
