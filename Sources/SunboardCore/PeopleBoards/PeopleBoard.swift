/// A board of cards (插卡式公示): who receives 低保, who lives here from
/// elsewhere, who the party members are. The board declares its fields and
/// what each may show; the law's minimum is the default, and a community may
/// publish more only where the field allows it.
public struct PeopleBoard: Sendable, Hashable, Identifiable {
    public let code: String
    public let title: String
    public let summary: String
    public let fields: [BoardField]
    /// Residents apply, are noticed for 7 days and decided on (低保);
    /// other boards take people straight onto the roster.
    public let takesApplications: Bool
    /// When names are not public the board shows counts grouped by this field.
    public let countsBy: String

    public var id: String { code }

    /// The field every card has: the person's name.
    public static let nameKey = "name"
    /// The 低保 benefit, set when an application is approved and by reviews.
    public static let benefitKey = "monthly_benefit"

    public func field(_ key: String) -> BoardField? { fields.first { $0.key == key } }

    /// The visibility of every field, given a community's choices.
    /// Choices a field does not allow are ignored here and refused by `check`.
    public func visibilities(_ choices: [String: BoardVisibility]) -> [String: BoardVisibility] {
        var result: [String: BoardVisibility] = [:]
        for field in fields {
            if let choice = choices[field.key], field.allowed.contains(choice) {
                result[field.key] = choice
            } else {
                result[field.key] = field.visibility
            }
        }
        return result
    }

    /// Refuses a community's choice that would publish what may not be.
    public func check(_ choices: [String: BoardVisibility]) throws(ValidationFailure) {
        var issues: [ValidationFailure.Issue] = []
        for (key, choice) in choices.sorted(by: { $0.key < $1.key }) {
            guard let field = field(key) else {
                issues.append(.init(field: key, message: "没有“\(key)”这一项。", englishMessage: "unknown field \(key)."))
                continue
            }
            guard !field.allowed.contains(choice) else { continue }
            switch choice {
            case .public:
                issues.append(
                    .init(field: key, message: "“\(field.label)”按规定不能公开。", englishMessage: "\(key) may never be public."))
            case .notStored:
                issues.append(.init(field: key, message: "“\(field.label)”必须保存。", englishMessage: "\(key) must be kept."))
            case .internal:
                issues.append(.init(field: key, message: "“\(field.label)”按规定必须公开。", englishMessage: "\(key) must be public."))
            }
        }
        try ValidationFailure.check(issues)
    }

    /// Whether the public sees each person's card, or only counts.
    public func showsCards(_ visibilities: [String: BoardVisibility]) -> Bool {
        visibilities[Self.nameKey] == .public
    }
}

extension PeopleBoard {
    /// 城乡低保: 《最低生活保障审核确认办法》(2021) 第二十四条 publishes the
    /// applicant's name, household size and benefit; the seed also asks for
    /// age, the family's situation and public-welfare work where allowed.
    public static let dibao = PeopleBoard(
        code: "dibao", title: "城市低保对象", summary: "享受城市最低生活保障的家庭。新申请的家庭先公示 7 天，接受居民监督。",
        fields: [
            BoardField(key: nameKey, label: "户主姓名", visibility: .public, required: true),
            BoardField(key: "id_number", label: "身份证号", kind: .idNumber, visibility: .internal, hint: "只保存前 6 位和后 4 位。"),
            BoardField(key: "household_size", label: "家庭人口", kind: .number, visibility: .public, required: true),
            BoardField(
                key: benefitKey, label: "月保障金（元）", kind: .money, visibility: .public, required: true,
                hint: "申请时填拟保障金额，审批时确认。"),
            BoardField(key: "age", label: "户主年龄", kind: .number, visibility: .internal, mayBePublic: true),
            BoardField(
                key: "hardship", label: "困难情况", kind: .longText, visibility: .internal, mayBePublic: true,
                hint: "可以公开时，只写困难的类型（如“家中有人长期需要护理”），不写病名等健康细节。"),
            BoardField(key: "public_work", label: "参加公益劳动情况", visibility: .internal, mayBePublic: true),
            BoardField(key: "lane", label: "所在巷道", visibility: .internal, mayBePublic: true, hint: "最多写到巷道或楼院，不写门牌号。"),
            BoardField(key: "health", label: "健康状况", kind: .longText, visibility: .internal, hint: "永不公开。"),
            BoardField(key: "phone", label: "联系电话", kind: .phone, visibility: .internal),
        ],
        takesApplications: true, countsBy: "lane")

    /// 流动人口: counts by alley in public, everything else for staff.
    public static let floating = PeopleBoard(
        code: "floating", title: "流动人口", summary: "在本社区居住的外来人员。公开栏只显示各巷道的人数。",
        fields: [
            BoardField(key: nameKey, label: "姓名", visibility: .internal, required: true),
            // Residence registration is the police station's; the committee need not keep the number.
            BoardField(key: "id_number", label: "身份证号", kind: .idNumber, visibility: .notStored),
            BoardField(key: "lane", label: "居住巷道", visibility: .public, required: true),
            BoardField(key: "origin", label: "户籍地（省、市）", visibility: .internal, mayBePublic: true),
            BoardField(key: "reason", label: "居住事由", visibility: .internal, mayBePublic: true, hint: "如务工、经商、就学。"),
            BoardField(key: "phone", label: "联系电话", kind: .phone, visibility: .internal),
        ],
        takesApplications: false, countsBy: "lane")

    /// 党员: counts by 党小组 unless the community publishes names.
    public static let party = PeopleBoard(
        code: "party", title: "党员", summary: "社区党支部的党员。公开栏默认只显示各党小组的人数。",
        fields: [
            BoardField(key: nameKey, label: "姓名", visibility: .internal, mayBePublic: true, required: true),
            BoardField(key: "group", label: "党小组", visibility: .public, required: true),
            BoardField(key: "joined", label: "入党年份", kind: .number, visibility: .internal, mayBePublic: true),
            BoardField(key: "duty", label: "承诺事项或岗位", visibility: .internal, mayBePublic: true, hint: "如“文化巷卫生监督岗”。"),
            BoardField(key: "phone", label: "联系电话", kind: .phone, visibility: .internal),
        ],
        takesApplications: false, countsBy: "group")

    public static let all: [PeopleBoard] = [dibao, floating, party]

    public static func find(_ code: String) -> PeopleBoard? { all.first { $0.code == code } }
}
