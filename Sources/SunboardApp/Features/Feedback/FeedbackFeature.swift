/// Residents' suggestions and complaints, and the public replies to them and to objections.
struct FeedbackFeature: Feature {
    let name = "Feedback"
    var migrations: [any Migration] { [CreateFeedback()] }
    var boardLinks: [BoardLink] {
        [BoardLink(section: "feedback", url: { .feedback(.list($0)) }, label: "看居民意见和答复，提建议或投诉 →")]
    }

    func addRoutes(to routes: FeatureRoutes, services: AppServices) {
        FeedbackController(services: services).addRoutes(to: routes.site, forms: routes.forms)
        FeedbackAdminController(services: services).addRoutes(to: routes.unitPages)
    }
}
