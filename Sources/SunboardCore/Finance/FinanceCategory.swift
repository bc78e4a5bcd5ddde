/// The categories lines are totalled by. A fixed list, so totals by
/// category compare across months and communities; 其他 catches the rest.
public enum FinanceCategory {
    /// Where income comes from (经费来源).
    public static let income = ["上级拨款", "专项拨款", "社会捐赠", "服务收入", "其他收入"]

    /// What expenses were for.
    public static let expense = [
        "办公用品", "水电取暖", "通讯网络", "维修维护", "宣传印刷", "活动慰问", "工程建设", "捐款转交", "退回结余", "其他支出",
    ]

    /// The category for an opening balance.
    public static let opening = "期初结余"

    public static func allowed(for kind: EntryKind) -> [String] {
        switch kind {
        case .income: income
        case .expense: expense
        case .opening: [opening]
        }
    }
}
