/// The kinds of line on a 便民指示牌, in the seed's order: the emergency
/// numbers first, then hospitals and the trades residents call most.
public enum DirectoryCategory: String, Sendable, CaseIterable, Codable {
    case fire, police, ambulance, traffic, hospital, water, coal, grain, electrician, plumber, drains, toilets, locksmith, television, gas
    case other

    public var chinese: String {
        switch self {
        case .fire: "火警"
        case .police: "匪警"
        case .ambulance: "急救"
        case .traffic: "交通事故"
        case .hospital: "医院"
        case .water: "送水"
        case .coal: "送炭"
        case .grain: "送粮油"
        case .electrician: "修电"
        case .plumber: "修水"
        case .drains: "捅下水"
        case .toilets: "掏厕所"
        case .locksmith: "开锁"
        case .television: "电视维修"
        case .gas: "天然气维修"
        case .other: "其他"
        }
    }

    /// The national number, for the four emergency lines.
    public var emergencyNumber: String? {
        switch self {
        case .fire: "119"
        case .police: "110"
        case .ambulance: "120"
        case .traffic: "122"
        default: nil
        }
    }

    public init?(chinese: String) {
        let text = chinese == "事故" ? "交通事故" : chinese
        guard let found = Self.allCases.first(where: { $0.chinese == text }) else { return nil }
        self = found
    }
}

/// A line of the 便民指示牌 as typed.
public struct DirectoryEntryInput: Sendable, Equatable {
    public var category: String
    public var name: String
    public var address: String
    public var phone: String
    public var hours: String

    public init(category: String = "", name: String = "", address: String = "", phone: String = "", hours: String = "") {
        self.category = category
        self.name = name
        self.address = address
        self.phone = phone
        self.hours = hours
    }

    public struct Valid: Sendable, Equatable {
        public var category: DirectoryCategory
        public var name: String
        public var address: String
        public var phone: String
        public var hours: String
    }

    public func validated() throws(ValidationFailure) -> Valid {
        var issues: [ValidationFailure.Issue] = []
        let category = DirectoryCategory(rawValue: category)
        if category == nil { issues.append(.init(field: "category", message: "请选择类别。", englishMessage: "category is unknown.")) }
        issues += ServiceText.required(name, field: "name", label: "名称", limit: 60)
        issues += ServiceText.optional(address, field: "address", label: "地址", limit: 100)
        issues += ServiceText.phone(phone, field: "phone", required: true)
        issues += ServiceText.optional(hours, field: "hours", label: "服务时间", limit: 60)
        try ValidationFailure.check(issues)
        return Valid(
            category: category!, name: name.trimmed, address: address.trimmed, phone: NumberText.normalize(phone), hours: hours.trimmed)
    }
}

/// Checks shared by the service boards' forms.
enum ServiceText {
    static func required(_ text: String, field: String, label: String, limit: Int) -> [ValidationFailure.Issue] {
        if text.trimmed.isEmpty { return [.init(field: field, message: "请填写“\(label)”。", englishMessage: "\(field) is required.")] }
        return optional(text, field: field, label: label, limit: limit)
    }

    static func optional(_ text: String, field: String, label: String, limit: Int) -> [ValidationFailure.Issue] {
        guard text.trimmed.count > limit else { return [] }
        return [.init(field: field, message: "“\(label)”最多 \(limit) 个字。", englishMessage: "\(field) is longer than \(limit) characters.")]
    }

    static func phone(_ text: String, field: String, required: Bool) -> [ValidationFailure.Issue] {
        let cleaned = NumberText.normalize(text)
        if cleaned.isEmpty {
            return required ? [.init(field: field, message: "请填写“电话”。", englishMessage: "\(field) is required.")] : []
        }
        guard (3...20).contains(cleaned.count), cleaned.allSatisfy({ $0.isASCIIDigit || $0 == "-" }) else {
            return [.init(field: field, message: "电话只能有数字和“-”，3 到 20 位。", englishMessage: "\(field) must be a phone number.")]
        }
        return []
    }
}
