import SunboardApp
import SunboardCore

/// One movement of money in the demo's year, as plain values: the demo
/// plays each through the real workflow (income recorded by the 报账员,
/// each expense filed, signed by the whole chain and posted).
struct DemoMoney: Sendable {
    /// Where the demo leaves an expense's reimbursement.
    enum Stage: Sendable {
        case posted
        /// Fully signed, waiting for the 报账员.
        case signed
        /// Filed; this many signers after the 经办人 have signed.
        case signing(Int)
        /// Refused by the 监委会主任 with this reason.
        case rejected(String)
        /// Imported from a CSV file; waiting for receipts and its 经办人.
        case draft
    }

    var community: String
    /// `2026-03-05`
    var date: String
    var kind: EntryKind
    var fund: Fund = .office
    var category = ""
    var summary: String
    var counterparty = ""
    /// The 经办人's name; an account of that name files the request.
    var handler = ""
    /// Yuan as typed: `1200.50`.
    var amount: String
    var stage: Stage = .posted
    /// Filed and posted with a wrong amount, found out later and corrected
    /// the accountant's way: reversed (红字冲销) and posted again right.
    var mistake: Mistake? = nil

    struct Mistake: Sendable {
        /// What the request said.
        var amount: String
        /// `2026-10-23`: when it was found and the correction filed.
        var found: String
        var reason: String
    }

    /// Whether the line enters the books: income, opening balances and
    /// expenses posted, not requests still being signed.
    var isInTheBooks: Bool {
        if case .posted = stage { true } else { false }
    }

    /// The line as written, with its day and the dates in its words moved by `shift`.
    func moved(by shift: DemoShift) -> DemoMoney {
        let anchor = CalendarDate(date)!
        var moved = self
        moved.date = shift(date)
        moved.summary = shift.text(summary, anchor: anchor)
        if case .rejected(let reason) = stage { moved.stage = .rejected(shift.text(reason, anchor: anchor)) }
        moved.mistake?.found = shift(mistake?.found ?? "")
        return moved
    }

    /// The category a line's use falls in, by the words a clerk writes.
    static func category(of use: String) -> String {
        let rules: [(String, [String])] = [
            ("通讯网络", ["电话", "宽带", "网络"]),
            ("水电取暖", ["电费", "水费", "煤", "取暖", "锅炉"]),
            ("宣传印刷", ["宣传", "印制", "横幅", "版面", "冲印", "公开栏"]),
            ("活动慰问", ["慰问", "活动", "节", "敬老", "党日", "志愿"]),
            ("维修维护", ["维修", "检修", "粉刷", "更换", "清淤", "清运", "疏通", "防水", "门窗", "积雪", "防汛", "硬盘"]),
            ("办公用品", ["打印纸", "墨盒", "档案", "办公用品", "密集柜", "乒乓球台"]),
        ]
        return rules.first { _, words in words.contains { use.contains($0) } }?.0 ?? "其他支出"
    }

    /// Who was paid, by the kind of purchase.
    static func payee(of use: String) -> String {
        let rules: [(String, [String])] = [
            ("国网银州供电所", ["电费"]),
            ("中国电信银州营业厅", ["电话", "宽带"]),
            ("银州煤炭经销部", ["煤"]),
            ("银州文具办公用品店", ["打印纸", "墨盒", "档案"]),
            ("银州彩印广告部", ["宣传", "印制", "横幅", "版面", "冲印", "对联"]),
            ("银州镇农贸市场商户", ["慰问", "月饼", "米面油"]),
        ]
        return rules.first { _, words in words.contains { use.contains($0) } }?.0 ?? "银州镇个体商户"
    }
}

extension DemoData {
    /// The 专项资金 of the 文化广场 and 南关三巷 works, and the donations
    /// collected for the “7·15” flood, with their use.
    static var projectMoney: [DemoMoney] {
        [
            .init(
                community: "yincheng", date: "2026-04-02", kind: .income, fund: .project, category: "专项拨款", summary: "办事处拨付文化广场建设专项资金",
                counterparty: "银州镇办事处", amount: "286000.00"),
            .init(
                community: "yincheng", date: "2026-04-10", kind: .expense, fund: .project, category: "工程建设", summary: "文化广场工程预付款（合同价 30%）",
                counterparty: "银州建筑工程有限公司", handler: "周海涛", amount: "85800.00"),
            .init(
                community: "yincheng", date: "2026-06-15", kind: .expense, fund: .project, category: "工程建设", summary: "文化广场工程进度款（舞台、铺装完成）",
                counterparty: "银州建筑工程有限公司", handler: "周海涛", amount: "110000.00"),
            .init(
                community: "yincheng", date: "2026-08-20", kind: .expense, fund: .project, category: "工程建设",
                summary: "文化广场竣工结算款（决算 279300 元）",
                counterparty: "银州建筑工程有限公司", handler: "周海涛", amount: "83500.00"),
            .init(
                community: "yincheng", date: "2026-08-28", kind: .expense, fund: .project, category: "退回结余", summary: "文化广场结余资金退回办事处",
                counterparty: "银州镇办事处", handler: "赵丽萍", amount: "6700.00"),
            .init(
                community: "yinnan", date: "2026-06-10", kind: .income, fund: .project, category: "专项拨款", summary: "办事处拨付南关三巷硬化工程专项资金",
                counterparty: "银州镇办事处", amount: "64000.00"),
            .init(
                community: "yinnan", date: "2026-06-20", kind: .expense, fund: .project, category: "工程建设", summary: "南关三巷硬化工程预付款",
                counterparty: "银州市政工程队", handler: "韩立新", amount: "42000.00"),
            .init(
                community: "yinnan", date: "2026-08-26", kind: .expense, fund: .project, category: "工程建设", summary: "南关三巷硬化工程验收后结算",
                counterparty: "银州市政工程队", handler: "韩立新", amount: "21650.00"),
        ]
            + donations(
                community: "yincheng", collected: "2026-07-26", handedOver: "2026-07-27", handler: "赵丽萍",
                sources: [("社区干部 6 人捐款", "1200.00"), ("党员 63 人捐款", "4830.00"), ("居民 118 人捐款", "4430.00"), ("辖区单位和商户 9 家捐款", "2400.00")])
            + donations(
                community: "yinnan", collected: "2026-07-28", handedOver: "2026-07-29", handler: "冯小燕",
                sources: [
                    ("社区干部 6 人捐款", "1000.00"), ("青年志愿服务队 38 人捐款", "2280.00"), ("居民 146 人捐款", "4655.50"), ("辖区单位和商户 7 家捐款", "1700.00"),
                ])
    }

    private static func donations(community: String, collected: String, handedOver: String, handler: String, sources: [(String, String)])
        -> [DemoMoney]
    {
        var total = Fen.zero
        var lines = sources.map { summary, amount in
            total = total + Fen(yuan: amount)!
            return DemoMoney(
                community: community, date: collected, kind: .income, fund: .donation, category: "社会捐赠",
                summary: "为北部乡镇“7·15”暴雨受灾群众\(summary)", counterparty: "捐款人（名单见公开栏）", amount: amount)
        }
        lines.append(
            .init(
                community: community, date: handedOver, kind: .expense, fund: .donation, category: "捐款转交", summary: "“7·15”暴雨捐款全部交县红十字会",
                counterparty: "县红十字会", handler: handler, amount: total.plainYuan))
        return lines
    }

    /// November's work in progress: a request in every state. The income
    /// and the paid phone bill are in the books; the rest are on their way.
    static var pendingMoney: [DemoMoney] {
        let people: [(String, String, String)] = [
            ("yincheng", "周海涛", "赵丽萍"), ("yinnan", "冯小燕", "韩立新"), ("yinbei", "唐玉兰", "谢宏伟"), ("yinxin", "彭丽", "潘晓东"),
        ]
        return people.flatMap { community, first, second in
            [
                DemoMoney(
                    community: community, date: "2026-11-03", kind: .income, category: "上级拨款", summary: "办事处拨付11月办公经费",
                    counterparty: "银州镇办事处", amount: "2200.00"),
                DemoMoney(
                    community: community, date: "2026-11-10", kind: .expense, category: "通讯网络", summary: "缴纳社区办公电话及宽带费",
                    counterparty: "中国电信银州营业厅", handler: first, amount: "168.00"),
                DemoMoney(
                    community: community, date: "2026-11-18", kind: .expense, category: "办公用品", summary: "购买会议室窗帘",
                    counterparty: "银州镇个体商户", handler: second, amount: "980.00",
                    stage: .rejected("收据没有商户盖章，也没有写明窗帘尺寸和数量。请让商户开具正式发票，补齐后重新填写报账单。")),
                DemoMoney(
                    community: community, date: "2026-11-24", kind: .expense, category: "水电取暖", summary: "购买冬季取暖用煤",
                    counterparty: "银州煤炭经销部", handler: first, amount: "1860.00", stage: .signing(2)),
                DemoMoney(
                    community: community, date: "2026-11-25", kind: .expense, category: "水电取暖", summary: "缴纳社区服务中心电费",
                    counterparty: "国网银州供电所", handler: second, amount: "412.30", stage: .signed),
                DemoMoney(
                    community: community, date: "2026-11-26", kind: .expense, category: "活动慰问", summary: "社区志愿者冬季巡逻棉帽、手套",
                    counterparty: "银州镇个体商户", handler: second, amount: "360.00", stage: .draft),
            ]
        }
    }
}
