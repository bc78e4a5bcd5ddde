/// The itemized books: entries, reimbursements with receipts and five signatures, statements.
struct FinanceFeature: Feature {
    let name = "Finance"
    var migrations: [any Migration] { [CreateFinance()] }
    var boardLinks: [BoardLink] {
        [BoardLink(section: "finance", url: { .finance(.board($0)) }, label: "看每一笔收支、原始单据和签字人 →")]
    }

    func addRoutes(to routes: FeatureRoutes, services: AppServices) {
        FinanceController(services: services).addRoutes(to: routes.site)
        FinanceAPIController(services: services).addRoutes(to: routes.site)
        FinanceAdminController(services: services).addRoutes(to: routes.unitPages)
    }
}
