/// Residents' suggestions and complaints, and the public replies to them and to objections.
struct FeedbackFeature: Feature {
    let name = "Feedback"
    var migrations: [any Migration] { [CreateFeedback()] }

    func addRoutes(to routes: FeatureRoutes, services: AppServices) {
        FeedbackController(services: services).addRoutes(to: routes.site, forms: routes.forms)
        FeedbackAdminController(services: services).addRoutes(to: routes.unitPages)
    }
}
