/// Civic processes: elections, meetings, hearings, projects, bulletins, honors, albums and appraisals.
struct CivicFeature: Feature {
    let name = "Civic"
    var migrations: [any Migration] { [CreateCivic()] }
    var boardLinks: [BoardLink] {
        [
            BoardLink(section: "projects", url: { .civic(.page($0, "projects")) }, label: "看每项工程的进度、支出和现场照片 →"),
            BoardLink(section: "elections", url: { .civic(.page($0, "elections")) }, label: "看选举进行到哪一步、有没有超过期限 →"),
            BoardLink(section: "meetings", url: { .civic(.page($0, "meetings")) }, label: "看会议决议的表决票数和听证决定的落实 →"),
            BoardLink(section: "honors", url: { .civic(.page($0, "honors")) }, label: "看光荣榜 →"),
            BoardLink(section: "activities", url: { .civic(.page($0, "albums")) }, label: "看活动照片 →"),
        ]
    }

    func addRoutes(to routes: FeatureRoutes, services: AppServices) {
        CivicPagesController(services: services).addRoutes(to: routes.site)
        CivicAPIController(services: services).addRoutes(to: routes.site)
        CivicAdminController(services: services).addRoutes(to: routes.unitPages)
    }
}
