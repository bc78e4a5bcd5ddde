/// A person on the 干部监督台 as typed: who they are, what they answer for,
/// which alleys (巷道) they cover and how to reach them.
public struct CadreInput: Sendable, Equatable {
    public var name: String
    public var post: String
    public var duties: String
    public var lanes: String
    public var phone: String
    public var position: String

    public init(name: String = "", post: String = "", duties: String = "", lanes: String = "", phone: String = "", position: String = "") {
        self.name = name
        self.post = post
        self.duties = duties
        self.lanes = lanes
        self.phone = phone
        self.position = position
    }

    public struct Valid: Sendable, Equatable {
        public var name: String
        public var post: String
        public var duties: String
        public var lanes: String
        public var phone: String
        /// Order on the board, smallest first.
        public var position: Int
    }

    public func validated() throws(ValidationFailure) -> Valid {
        var issues: [ValidationFailure.Issue] = []
        issues += ServiceText.required(name, field: "name", label: "姓名", limit: 20)
        issues += ServiceText.required(post, field: "post", label: "职务", limit: 40)
        issues += ServiceText.required(duties, field: "duties", label: "分管工作", limit: 200)
        issues += ServiceText.optional(lanes, field: "lanes", label: "所包巷道", limit: 100)
        issues += ServiceText.phone(phone, field: "phone", required: true)
        let order = NumberText.normalize(position)
        if !order.isEmpty && (Int(order) == nil || !order.allSatisfy(\.isASCIIDigit) || order.count > 4) {
            issues.append(.init(field: "position", message: "排列顺序请填写整数。", englishMessage: "position must be a whole number."))
        }
        try ValidationFailure.check(issues)
        return Valid(
            name: name.trimmed, post: post.trimmed, duties: duties.trimmed, lanes: lanes.trimmed, phone: NumberText.normalize(phone),
            position: Int(order) ?? 0)
    }
}
