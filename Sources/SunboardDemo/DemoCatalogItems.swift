import SunboardApp

/// Each community's own 细则: the items a community adds beside the office's
/// default catalog, from the seed report's practices (银城's 党员QQ群, 银南's
/// 青年志愿服务队, 银北's 党小组, 银新 as a new community).
extension DemoData {
    static let communityItems: [DemoCatalogItem] = [
        // 银城: the report's 党员QQ群 and the “红袖章” patrols.
        DemoCatalogItem(
            community: "yincheng", code: "yincheng-party-qq",
            title: "党员QQ群活动情况",
            description: "通过社区党员QQ群组织的主题党日、志愿服务等活动，活动结束后 3 日内公开时间、参加人数和内容。",
            disclosureClass: "immediate", boardSection: "activities"),
        DemoCatalogItem(
            community: "yincheng", code: "yincheng-red-armband",
            title: "“红袖章”巡逻安排",
            description: "两会、春节等重要时段党员、居民、低保户志愿者“红袖章”上街巡逻的时段、路段和人员安排，巡逻开始前公开。",
            disclosureClass: "immediate", boardSection: "notices"),

        // 银南: the report's 青年志愿服务队 and its QQ群.
        DemoCatalogItem(
            community: "yinnan", code: "yinnan-youth-volunteers",
            title: "青年志愿服务队活动",
            description: "青年志愿服务队帮扶孤寡老人、残疾人、低保户等弱势群体的活动：时间、参加队员、服务对象和内容，活动后及时公开。",
            disclosureClass: "immediate", boardSection: "activities"),

        // 银北: the report's 党小组, through which affairs reach every household.
        DemoCatalogItem(
            community: "yinbei", code: "yinbei-party-group-meetings",
            title: "党小组会议情况",
            description: "各党小组每季度召开会议、传达居务事项、收集居民意见的情况，下季度首月 15 日前公开。",
            disclosureClass: "periodic", frequency: "quarterly", dueMonthsAfter: 1, dueDay: 15,
            boardSection: "meetings"),
        DemoCatalogItem(
            community: "yinbei", code: "yinbei-group-leaders",
            title: "居民小组长公示",
            description: "居民小组长的姓名、所管片区、联系电话及调整情况，接受居民对小组长工作的监督。",
            disclosureClass: "immediate", boardSection: "rosters"),

        // 银新: a new community in the new town, where estates are still being handed over.
        DemoCatalogItem(
            community: "yinxin", code: "yinxin-property-handover",
            title: "新建小区物业交接情况",
            description: "新建小区由开发建设单位向物业服务企业移交的时间、移交清单、遗留问题及整改期限。",
            disclosureClass: "immediate", boardSection: "projects"),
        DemoCatalogItem(
            community: "yinxin", code: "yinxin-resident-registration",
            title: "新迁入居民报到登记",
            description: "新交付小区集中办理居民报到、人口信息登记的时间、地点和需带材料。",
            disclosureClass: "immediate", boardSection: "notices"),
    ]
}
