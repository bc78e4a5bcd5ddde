/// Staff accounts, roles, sessions and sign-in; the dashboard, users and the audit log.
struct StaffFeature: Feature {
    let name = "Staff"
    var migrations: [any Migration] {
        [CreateUsers(), CreateRoleGrants(), CreateSessions(), CreateLoginAttempts(), CreateAuditLog()]
    }

    func addRoutes(to routes: FeatureRoutes, services: AppServices) {
        let login = LoginController(services: services)
        login.addRoutes(to: routes.admin)
        login.addLogout(to: routes.staff)
        DashboardController(services: services).addRoutes(to: routes.staffPages)
        PasswordController(services: services).addRoutes(to: routes.staffPages)
        UsersController(services: services).addRoutes(to: routes.staffPages)
        AuditController(services: services).addRoutes(to: routes.staffPages)
    }
}
