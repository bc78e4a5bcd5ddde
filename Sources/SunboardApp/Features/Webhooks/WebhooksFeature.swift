/// Chat-group subscriptions and the outbox that delivers what was published.
struct WebhooksFeature: Feature {
    let name = "Webhooks"
    var migrations: [any Migration] { [CreateWebhooks()] }

    func addRoutes(to routes: FeatureRoutes, services: AppServices) {
        WebhooksAdminController(services: services).addRoutes(to: routes.unitPages)
    }
}
