/// The default catalog an office starts with, taken from the seed report's
/// lists of 长期, 定期 and 即时 matters (DESIGN.md, “The disclosure catalog”).
///
/// Seeded once into the database; from then on the office administrator
/// edits the rows, and each community adds its own 细则 items. Retention
/// follows the record kind: accounts 30 years, elections permanently,
/// everything else 10 years.
public enum DefaultCatalog {
    static let meetingFields = [
        FieldSpec(key: "meeting_time", label: "开会时间"),
        FieldSpec(key: "place", label: "地点"),
        FieldSpec(key: "agenda", label: "议程", kind: .longText),
    ]

    public static let items: [CatalogItem] = [
        // 长期公开 — the fixed board
        .init(
            code: "duties", title: "居委会工作职责", description: "社区居委会依法承担的各项工作职责。",
            scope: .affairs, disclosureClass: .standing, boardSection: "duties"),
        .init(
            code: "organization", title: "组织机构", description: "社区党支部、居委会、监委会的组成、分工和联系方式。",
            scope: .affairs, disclosureClass: .standing, boardSection: "organization"),
        .init(
            code: "annual-goals", title: "年度工作目标及考核制度", description: "居委会本年度的工作目标和对专职工作者的考核办法。",
            scope: .affairs, disclosureClass: .standing, boardSection: "management-rules"),
        .init(
            code: "assembly-charter", title: "成员代表大会章程和工作制度", description: "社区成员代表大会的章程、议事规则和开会制度。",
            scope: .affairs, disclosureClass: .standing, boardSection: "assembly-rules"),
        .init(
            code: "disclosure-rules", title: "居务公开制度", description: "公开什么、何时公开、由谁公开、谁来监督。",
            scope: .affairs, disclosureClass: .standing, boardSection: "disclosure-rules"),
        .init(
            code: "supervision-rules", title: "监委会工作制度", description: "社区监督委员会监督居务公开和财务的制度。",
            scope: .affairs, disclosureClass: .standing, boardSection: "supervision-rules"),
        .init(
            code: "hearing-rules", title: "居民事务听证会工作制度", description: "哪些事项要召开听证会、怎样召开、决定怎样落实。",
            scope: .affairs, disclosureClass: .standing, boardSection: "hearing-rules"),
        .init(
            code: "management-rules", title: "居委会管理制度", description: "居委会日常工作、值班、财务、档案等管理制度。",
            scope: .affairs, disclosureClass: .standing, boardSection: "management-rules"),
        .init(
            code: "service-guide", title: "便民服务指南", description: "居民到居委会办事的时间、地点和一般要求。",
            scope: .service, disclosureClass: .standing, boardSection: "guides"),
        .init(
            code: "procedures", title: "办事流程",
            description: "办理生育登记、独生子女证、低保、大病救助、廉租房及租金补贴、医疗保险、养老保险的流程、收费标准和所需证件。",
            scope: .service, disclosureClass: .standing, boardSection: "guides"),
        .init(
            code: "cadre-board", title: "干部监督台", description: "社区干部的姓名、职务、分管工作、所包巷道和联系电话。",
            scope: .affairs, disclosureClass: .standing, boardSection: "cadres"),
        .init(
            code: "directory", title: "便民指示牌", description: "火警、匪警、急救、事故电话，医院、送水、送炭、修电、开锁等联系方式。",
            scope: .service, disclosureClass: .standing, boardSection: "directory"),
        .init(
            code: "policies", title: "政策法规", description: "国家和省、市、县关于社区建设及居民切身利益的政策和规定。",
            scope: .policy, disclosureClass: .standing, boardSection: "disclosure-rules"),

        // 定期公开 — due for every period
        .init(
            code: "assembly-agenda", title: "成员代表大会议程及开会时间", description: "每季度成员代表大会的议程、时间和地点，会前公开。",
            scope: .affairs, disclosureClass: .periodic, frequency: .quarterly, dueRule: DueRule(monthsAfter: 0, day: 20),
            boardSection: "meetings", fields: meetingFields),
        .init(
            code: "dibao-review", title: "低保人员复审情况", description: "年度低保复审的人数和结果：继续享受、调整、停止。",
            scope: .affairs, disclosureClass: .periodic, frequency: .yearly, dueRule: DueRule(monthsAfter: 1, day: 31),
            boardSection: "rosters",
            fields: [
                FieldSpec(key: "reviewed", label: "复审户数", kind: .number),
                FieldSpec(key: "continued", label: "继续享受户数", kind: .number),
                FieldSpec(key: "adjusted", label: "调整金额户数", kind: .number),
                FieldSpec(key: "cancelled", label: "停止享受户数", kind: .number),
            ]),
        .init(
            code: "office-funds", title: "办公经费使用情况", description: "办公经费每月的收入、支出和结余，由账目逐笔生成，附原始单据和签字人。",
            scope: .affairs, disclosureClass: .periodic, frequency: .monthly, dueRule: DueRule(monthsAfter: 1, day: 10),
            boardSection: "finance",
            fields: officeFundsFields,
            retentionYears: 30),
        .init(
            code: "staff-appraisal", title: "居民代表对专职工作者的评议意见及投票情况", description: "年度民主评议的意见和投票结果。",
            scope: .affairs, disclosureClass: .periodic, frequency: .yearly, dueRule: DueRule(monthsAfter: 1, day: 31),
            boardSection: "periodic",
            fields: [
                FieldSpec(key: "voters", label: "参加评议的居民代表人数", kind: .number),
                FieldSpec(key: "satisfied", label: "满意票", kind: .number),
                FieldSpec(key: "basically_satisfied", label: "基本满意票", kind: .number),
                FieldSpec(key: "unsatisfied", label: "不满意票", kind: .number),
            ]),
        .init(
            code: "work-bulletin", title: "社区工作简报", description: "每季度社区工作动态。",
            scope: .affairs, disclosureClass: .periodic, frequency: .quarterly, dueRule: DueRule(monthsAfter: 1, day: 20),
            boardSection: "periodic"),
        .init(
            code: "annual-plan", title: "年度工作规划、重点工作及民生工程", description: "全年工作规划、重点工作和民生工程，年初公开，接受监督。",
            scope: .affairs, disclosureClass: .periodic, frequency: .yearly, dueRule: DueRule(monthsAfter: -11, day: 31),
            boardSection: "projects"),

        // 即时公开 — as matters happen
        .init(
            code: "dibao-applicants", title: "新申请低保人员基本情况及拟保障金额",
            description: "新申请低保的家庭在居委会公示7天，接受居民监督和异议；公示期满后姓名等个人信息不再公开。",
            scope: .affairs, disclosureClass: .immediate, boardSection: "rosters",
            fields: [
                FieldSpec(key: "applicant", label: "申请人", visibility: .duringNotice),
                FieldSpec(key: "household_size", label: "家庭人口", kind: .number),
                FieldSpec(key: "monthly_benefit", label: "拟保障金额（元/月）", kind: .money, visibility: .duringNotice),
                FieldSpec(key: "hardship", label: "困难情况", kind: .longText, required: false, visibility: .duringNotice),
            ],
            // 7 days: 《最低生活保障审核确认办法》(2021) 第二十四条.
            noticeDays: 7),
        .init(
            code: "temporary-meeting", title: "成员代表大会临时会议", description: "临时召开成员代表大会的时间、地点和议题。",
            scope: .affairs, disclosureClass: .immediate, boardSection: "meetings", fields: meetingFields),
        .init(
            code: "donations", title: "捐款捐物情况", description: "为灾区群众等捐款捐物的数额、去向和使用情况。",
            scope: .affairs, disclosureClass: .immediate, boardSection: "finance",
            fields: [
                FieldSpec(key: "purpose", label: "用途"),
                FieldSpec(key: "total", label: "合计金额", kind: .money),
                FieldSpec(key: "recipient", label: "接收单位"),
            ],
            retentionYears: 30),
        .init(
            code: "police-notice", title: "社区警情通报", description: "辖区内发生的警情和防范提示。",
            scope: .affairs, disclosureClass: .immediate, boardSection: "notices",
            fields: [
                FieldSpec(key: "occurred_on", label: "发生日期", kind: .date),
                FieldSpec(key: "area", label: "地点范围"),
            ]),
        .init(
            code: "works", title: "维修工程费用与进度", description: "社区维修工程、文化广场建设、硬化巷道、上下水管道维修等的费用和进度。",
            scope: .affairs, disclosureClass: .immediate, boardSection: "projects",
            fields: [
                FieldSpec(key: "project", label: "工程名称"),
                FieldSpec(key: "budget", label: "预算金额", kind: .money),
                FieldSpec(key: "contractor", label: "施工单位"),
                FieldSpec(key: "progress", label: "进度"),
            ],
            retentionYears: 30),
        .init(
            code: "election-notice", title: "选举公告", description: "人大代表、居委会、监委会选举各阶段的公告。",
            scope: .affairs, disclosureClass: .immediate, boardSection: "elections",
            fields: [
                FieldSpec(key: "election", label: "选举名称"),
                FieldSpec(key: "stage", label: "阶段"),
            ],
            retentionYears: nil),
        .init(
            code: "assembly-decisions", title: "成员代表大会决议及表决情况", description: "成员代表大会（含临时会议）作出的决议和每项决议的表决票数，会后公开。",
            scope: .affairs, disclosureClass: .immediate, boardSection: "meetings", retentionYears: nil),
        .init(
            code: "hearing-record", title: "听证会决定及落实情况", description: "听证会的议题、参加人员、决定，以及每项落实事项的责任人、期限和进展，直到办结。",
            scope: .affairs, disclosureClass: .immediate, boardSection: "meetings", retentionYears: nil),
        .init(
            code: "honor-roll", title: "光荣榜", description: "社区表彰的志愿者、红袖章巡逻队员和好人好事。",
            scope: .affairs, disclosureClass: .immediate, boardSection: "honors"),
        .init(
            code: "activity-album", title: "居委会活动剪影", description: "社区活动的照片和说明。",
            scope: .affairs, disclosureClass: .immediate, boardSection: "activities"),
        .init(
            code: "major-matter", title: "其他重大事项", description: "居民关注的热点、难点、重点事项。",
            scope: .affairs, disclosureClass: .immediate, boardSection: "notices"),
    ]
}

extension DefaultCatalog {
    /// 办公经费使用情况: the totals and the lines they come from, which the
    /// statement generator fills in from the books.
    public static let officeFundsFields: [FieldSpec] = [
        FieldSpec(key: Statement.Key.opening, label: "上期结余", kind: .money),
        FieldSpec(key: Statement.Key.income, label: "本期收入", kind: .money),
        FieldSpec(key: Statement.Key.expense, label: "本期支出", kind: .money),
        FieldSpec(key: Statement.Key.closing, label: "期末结余", kind: .money),
        FieldSpec(key: Statement.Key.lines, label: "收支明细", kind: .ledgerLines),
    ]
}
