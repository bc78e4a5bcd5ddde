import SunboardApp
import SunboardCore

/// The demo's organization and people: 银州镇办事处 and its four
/// communities, from the seed report (`shared/seed/000_fcd3bc3e27f098b6.txt`).
///
/// The office's figures are the report's own. The report gives no figures
/// per community; the demo's split adds up exactly to the report's totals.
enum DemoData {
    struct Community {
        var slug: String
        var name: String
        var profile: UnitProfile
        /// Names for 党支部书记, 居委会主任, 监委会成员, 包社区领导, 录入员.
        /// The 监委会成员 also chairs the committee (监委会主任).
        var people: [(Role, String)]
        /// 专职工作者, who spend and file reimbursements as 经办人.
        var workers: [String] = []
        /// The first day the community owes its periodic disclosures, as
        /// written: the demo's year begins with December 2025's.
        var obligationsSince = CalendarDate(year: 2025, month: 12, day: 1)!
    }

    /// The password of every demo account, printed when the demo starts.
    static let password = "sunboard-demo"

    static let office = (
        slug: "yinzhou",
        name: "银州镇办事处",
        profile: UnitProfile(
            areaSquareMetres: 11_000_000,
            population: 69_000,
            institutions: 379,
            businesses: 1_116,
            address: "银州镇县城中心解放路 18 号",
            phone: "0912-3210000",
            officeHours: "周一至周五 8:30–12:00，14:30–18:00",
            introduction: "银州镇办事处位于县城中心，总面积 11 平方公里，总人口 6.9 万人，辖银城、银南、银北、银新四个社区居委会，"
                + "辖区内有党政事企业单位 379 个，个体私营企业、门店 1116 家。按照“公开为原则、不公开为例外”的要求推进居务公开。"
        )
    )

    static let officeAdmin = (username: "admin", name: "赵文华")
    /// 办事处领导, who signs reimbursements above the office's threshold.
    static let officeLeader = (username: "yinzhou-leader", name: "孙志远")

    static let communities: [Community] = [
        Community(
            slug: "yincheng", name: "银城社区",
            profile: UnitProfile(
                areaSquareMetres: 2_600_000, population: 21_400, households: 7_130, institutions: 142, businesses: 402,
                address: "解放路 26 号银城社区服务中心", phone: "0912-3210101", officeHours: "周一至周五 8:30–12:00，14:30–18:00",
                introduction: "银城社区地处县城中心，设有党员QQ群，通过网络把居务工作及时公开给居民。"
            ),
            people: [(.secretary, "李秀英"), (.director, "王建国"), (.supervisor, "张桂兰"), (.liaison, "刘志强"), (.clerk, "陈晓燕")],
            workers: ["周海涛", "赵丽萍"]
        ),
        Community(
            slug: "yinnan", name: "银南社区",
            profile: UnitProfile(
                areaSquareMetres: 3_100_000, population: 17_800, households: 5_930, institutions: 95, businesses: 296,
                address: "南关街 8 号", phone: "0912-3210102", officeHours: "周一至周五 8:30–12:00，14:30–18:00",
                introduction: "银南社区组建了青年志愿服务队，设有青年志愿服务队QQ群，常年帮扶辖区弱势群体。"
            ),
            people: [(.secretary, "杨春梅"), (.director, "黄德明"), (.supervisor, "周玉珍"), (.liaison, "吴永胜"), (.clerk, "徐丽娟")],
            workers: ["冯小燕", "韩立新"]
        ),
        Community(
            slug: "yinbei", name: "银北社区",
            profile: UnitProfile(
                areaSquareMetres: 2_400_000, population: 16_300, households: 5_440, institutions: 84, businesses: 251,
                address: "北环路 35 号", phone: "0912-3210103", officeHours: "周一至周五 8:30–12:00，14:30–18:00",
                introduction: "银北社区设立了党小组，通过党小组把社区居务工作公开到每家每户。"
            ),
            people: [(.secretary, "孙凤英"), (.director, "马俊峰"), (.supervisor, "胡秀珍"), (.liaison, "郭振华"), (.clerk, "何静")],
            workers: ["唐玉兰", "谢宏伟"]
        ),
        Community(
            slug: "yinxin", name: "银新社区",
            profile: UnitProfile(
                areaSquareMetres: 2_900_000, population: 13_500, households: 4_500, institutions: 58, businesses: 167,
                address: "新区幸福路 12 号", phone: "0912-3210104", officeHours: "周一至周五 8:30–12:00，14:30–18:00",
                introduction: "银新社区是新建城区的社区，居民多为近年迁入，正在逐步完善各项居务公开制度。"
            ),
            people: [(.secretary, "林淑芬"), (.director, "高志刚"), (.supervisor, "罗红梅"), (.liaison, "梁建军"), (.clerk, "宋婷婷")],
            workers: ["彭丽", "潘晓东"],
            // Set up this year: its obligations run from April.
            obligationsSince: CalendarDate(year: 2026, month: 4, day: 1)!
        ),
    ]

    /// `yincheng-clerk`, `yinnan-director`, …
    static func username(community: String, role: Role) -> String {
        "\(community)-\(role.rawValue)"
    }

    /// `yincheng-worker1`, `yincheng-worker2`, …
    static func workerUsername(community: String, number: Int) -> String {
        "\(community)-worker\(number)"
    }
}
