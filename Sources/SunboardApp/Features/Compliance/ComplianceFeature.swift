/// What each community owes and when: the office's matrix, reminders and the year's assessment.
struct ComplianceFeature: Feature {
    let name = "Compliance"
    var migrations: [any Migration] { [CreateCompliance()] }

    func addRoutes(to routes: FeatureRoutes, services: AppServices) {
        ComplianceAPIController(services: services).addRoutes(to: routes.expensive)
        ComplianceAdminController(services: services).addRoutes(to: routes.unitPages)
        AssessmentAdminController(services: services).addRoutes(to: routes.unitPages)
    }
}
