/// One structured field a catalog item asks for, besides title and text:
/// e.g. a meeting's time and place, or an applicant's household size.
public struct FieldSpec: Sendable, Hashable, Codable {
    /// What kind of value, which decides how it is typed and checked.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case text
        case longText = "long_text"
        case date
        case number
        case money
        /// A statement's itemized lines (收支明细), generated from the books.
        case ledgerLines = "ledger_lines"

        public var chinese: String {
            switch self {
            case .text: "文字"
            case .longText: "长文字"
            case .date: "日期"
            case .number: "数字"
            case .money: "金额"
            case .ledgerLines: "收支明细"
            }
        }
    }

    /// Who may see the field once the disclosure is published.
    public enum Visibility: String, Sendable, Codable, CaseIterable {
        /// Shown for as long as the disclosure is public.
        case `public`
        /// Personal details: shown only during the notice period (公示期),
        /// then hidden; the fact of the notice stays.
        case duringNotice = "during_notice"
        /// Kept for the committee's staff, never shown to the public.
        case `internal`

        public var chinese: String {
            switch self {
            case .public: "公开"
            case .duringNotice: "仅公示期内公开"
            case .internal: "不公开"
            }
        }
    }

    /// ASCII name used in forms, JSON and storage, e.g. `household_size`.
    public var key: String
    /// Chinese label shown to people, e.g. 家庭人口.
    public var label: String
    public var kind: Kind
    public var required: Bool
    public var visibility: Visibility

    public init(key: String, label: String, kind: Kind = .text, required: Bool = true, visibility: Visibility = .public) {
        self.key = key
        self.label = label
        self.kind = kind
        self.required = required
        self.visibility = visibility
    }
}
