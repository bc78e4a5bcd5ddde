/// The one hash chain of every public record: its pages, the records API and checks against paper.
struct LedgerFeature: Feature {
    let name = "Ledger"
    /// The chain itself, and the later step that brought every feature's public records into it.
    var migrations: [any Migration] { [CreateLedger(), ChainEveryRecord()] }

    func addRoutes(to routes: FeatureRoutes, services: AppServices) {
        RecordAPIController(services: services).addRoutes(to: routes.site)
        LedgerController(services: services).addRoutes(to: routes.site)
        RecordController(services: services).addRoutes(to: routes.site)
        OpenDataController(services: services).addRoutes(to: routes.site)
    }
}
