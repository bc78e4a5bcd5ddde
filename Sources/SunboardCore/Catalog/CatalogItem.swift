/// One entry of the disclosure catalog (公开目录): what is disclosed, how
/// often, by when, with which fields, for how long. Rules are data: every
/// part is a row an administrator can change, seeded with the defaults in
/// ``DefaultCatalog``.
public struct CatalogItem: Sendable, Hashable, Identifiable {
    public var id: Int
    /// The unit whose catalog this is: the office for the default catalog,
    /// a community for its own 细则.
    public var ownerUnitID: Int
    /// Stable ASCII name, e.g. `office-funds`; unique within the owner.
    public var code: String
    public var title: String
    /// What exactly is disclosed, in a sentence or two.
    public var description: String
    public var scope: DisclosureScope
    public var disclosureClass: DisclosureClass
    /// For periodic items only.
    public var frequency: Frequency?
    /// For periodic items only.
    public var dueRule: DueRule?
    /// The board section the item's disclosures appear in (``BoardSection/id``).
    public var boardSection: String
    public var fields: [FieldSpec]
    /// Days of public notice (公示期) after publication, e.g. 7 for 低保
    /// applicants; `nil` where no notice period applies.
    public var noticeDays: Int?
    /// Years the records are kept; `nil` means permanently (elections).
    public var retentionYears: Int?
    public var isActive: Bool

    public init(
        id: Int = 0, ownerUnitID: Int = 0, code: String, title: String, description: String = "",
        scope: DisclosureScope, disclosureClass: DisclosureClass, frequency: Frequency? = nil, dueRule: DueRule? = nil,
        boardSection: String, fields: [FieldSpec] = [], noticeDays: Int? = nil, retentionYears: Int? = 10, isActive: Bool = true
    ) {
        self.id = id
        self.ownerUnitID = ownerUnitID
        self.code = code
        self.title = title
        self.description = description
        self.scope = scope
        self.disclosureClass = disclosureClass
        self.frequency = frequency
        self.dueRule = dueRule
        self.boardSection = boardSection
        self.fields = fields
        self.noticeDays = noticeDays
        self.retentionYears = retentionYears
        self.isActive = isActive
    }

    /// “每月，次月10日前”, “即时”, “长期”.
    public var scheduleChinese: String {
        switch disclosureClass {
        case .periodic:
            guard let frequency else { return disclosureClass.shortChinese }
            return dueRule.map { "\(frequency.chinese)，\($0.chinese(for: frequency))" } ?? frequency.chinese
        case .immediate: return "发生后即时公开"
        case .standing: return "长期公开，有变化时更新"
        }
    }

    /// “保存30年”, “永久保存”.
    public var retentionChinese: String {
        retentionYears.map { "保存\($0)年" } ?? "永久保存"
    }

    public func field(_ key: String) -> FieldSpec? { fields.first { $0.key == key } }
}

extension CatalogItem {
    /// Whether a disclosure may cover a longer period than the item's
    /// frequency: an itemized statement, kept monthly, may also be made for
    /// a quarter or a year (季度、年度汇总).
    public func acceptsSummaries(_ period: Period) -> Bool {
        guard let frequency, fields.contains(where: { $0.kind == .ledgerLines }) else { return false }
        let order: [Frequency] = [.monthly, .quarterly, .yearly]
        return order.firstIndex(of: period.frequency)! > order.firstIndex(of: frequency)!
    }
}
