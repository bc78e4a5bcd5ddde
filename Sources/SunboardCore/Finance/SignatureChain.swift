/// Who must sign a reimbursement (报账单) before it may be posted, defined
/// as data per unit (DESIGN.md, “Money”).
///
/// A chain is a list of signers, each required always or only above an
/// amount, signed in any order or in the listed order. The 经办人 signs by
/// filing the request; the others sign afterwards, each a different person
/// holding that role for the request's community.
public struct SignatureChain: Sendable, Hashable, Codable {
    /// One signer a chain asks for.
    public enum Signer: Sendable, Hashable, Codable, CustomStringConvertible {
        /// 经办人: whoever spent the money and filed the request.
        case handler
        /// Someone holding this role for the community.
        case role(Role)

        public var chinese: String {
            switch self {
            case .handler: "经办人"
            case .role(let role): role.chineseName
            }
        }

        /// `handler` or the role's code, as stored.
        public var description: String {
            switch self {
            case .handler: "handler"
            case .role(let role): role.rawValue
            }
        }

        public init?(code: String) {
            if code == "handler" {
                self = .handler
            } else if let role = Role(rawValue: code) {
                self = .role(role)
            } else {
                return nil
            }
        }

        public init(from decoder: any Decoder) throws {
            let code = try decoder.singleValueContainer().decode(String.self)
            guard let signer = Signer(code: code) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown signer \(code)"))
            }
            self = signer
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(description)
        }
    }

    /// A signer, required always (`above == nil`) or only when the amount
    /// is more than `above`.
    public struct Rule: Sendable, Hashable, Codable {
        public var signer: Signer
        public var above: Fen?

        public init(_ signer: Signer, above: Fen? = nil) {
            self.signer = signer
            self.above = above
        }
    }

    /// Whether signers after the 经办人 must sign in the listed order.
    public var ordered: Bool
    public var rules: [Rule]

    public init(ordered: Bool = false, rules: [Rule]) {
        self.ordered = ordered
        self.rules = rules
    }

    /// The seed's five: 党支部书记, 居委会主任, 监委会主任, 包社区领导, 经办人.
    public static let standard = SignatureChain(
        rules: [
            .init(.role(.secretary)), .init(.role(.director)), .init(.role(.supervisionChair)), .init(.role(.liaison)), .init(.handler),
        ]
    )

    /// The signers a request of `amount` needs, in the chain's order.
    public func signers(for amount: Fen) -> [Signer] {
        rules.filter { rule in rule.above.map { amount > $0 } ?? true }.map(\.signer)
    }

    /// Roles that may appear in a chain: anyone who holds a post in or over
    /// a community, but not the office's system administrator.
    public static let signingRoles: [Role] = [.secretary, .director, .supervisionChair, .supervisor, .liaison, .clerk, .officeLeader]

    /// Checks the rules a chain must keep so that no chain can be made
    /// toothless: the 经办人 signs once, always; at least two others always
    /// sign; nobody is listed twice; thresholds are positive.
    public func validated() throws(ValidationFailure) -> SignatureChain {
        var issues: [ValidationFailure.Issue] = []
        let handlers = rules.filter { $0.signer == .handler }
        if handlers.count != 1 || handlers.first?.above != nil {
            issues.append(
                .init(field: "rules", message: "签字流程必须包含“经办人”，且每张报账单都要经办人签字。", englishMessage: "the handler must always sign, once."))
        }
        let always = rules.filter { $0.above == nil && $0.signer != .handler }
        if always.count < 2 {
            issues.append(
                .init(
                    field: "rules", message: "除经办人外，至少还要有两个职务每次都签字。",
                    englishMessage: "at least two signers besides the handler must always sign."))
        }
        var seen: Set<Signer> = []
        for rule in rules {
            if !seen.insert(rule.signer).inserted {
                issues.append(
                    .init(
                        field: "rules", message: "“\(rule.signer.chinese)”在签字流程中出现了两次。",
                        englishMessage: "\(rule.signer) is listed twice."))
            }
            if case .role(let role) = rule.signer, !Self.signingRoles.contains(role) {
                issues.append(
                    .init(field: "rules", message: "“\(role.chineseName)”不能在报账单上签字。", englishMessage: "\(role.rawValue) cannot sign."))
            }
            if let above = rule.above, above.value <= 0 {
                issues.append(
                    .init(field: "rules", message: "金额门槛必须大于 0 元。", englishMessage: "a threshold must be greater than zero."))
            }
        }
        try ValidationFailure.check(issues)
        return self
    }

    /// “党支部书记、居委会主任、监委会主任、包社区领导、经办人；超过 ¥2,000.00 加办事处领导”
    public var chinese: String {
        let always = rules.filter { $0.above == nil }.map(\.signer.chinese).joined(separator: "、")
        let extra = rules.compactMap { rule in rule.above.map { "超过 \($0.yuan) 加\(rule.signer.chinese)" } }
        return ([always] + extra).joined(separator: "；") + (ordered ? "（按顺序签字）" : "")
    }
}
