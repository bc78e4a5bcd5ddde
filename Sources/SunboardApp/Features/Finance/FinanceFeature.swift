/// The itemized books: entries, reimbursements with receipts and five signatures, statements.
struct FinanceFeature: Feature {
    let name = "Finance"
    var migrations: [any Migration] { [CreateFinance()] }

    func addRoutes(to routes: FeatureRoutes, services: AppServices) {
        FinanceController(services: services).addRoutes(to: routes.site)
        FinanceAdminController(services: services).addRoutes(to: routes.unitPages)
    }
}
