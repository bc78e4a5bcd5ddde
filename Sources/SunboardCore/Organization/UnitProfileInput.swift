/// The 基本概况 form as typed by a person, checked and turned into a profile.
///
/// Figures arrive as text: area in square kilometres with at most two
/// decimals (“11”, “2.6”), counts as whole numbers; thousands separators
/// and full-width digits, which Chinese input methods produce, are accepted.
public struct UnitProfileInput: Sendable {
    public var area: String
    public var population: String
    public var households: String
    public var institutions: String
    public var businesses: String
    public var address: String
    public var phone: String
    public var officeHours: String
    public var introduction: String

    public init(
        area: String = "", population: String = "", households: String = "", institutions: String = "",
        businesses: String = "", address: String = "", phone: String = "", officeHours: String = "",
        introduction: String = ""
    ) {
        self.area = area
        self.population = population
        self.households = households
        self.institutions = institutions
        self.businesses = businesses
        self.address = address
        self.phone = phone
        self.officeHours = officeHours
        self.introduction = introduction
    }

    /// The input as a form shows it again, e.g. after a failed save.
    public init(_ profile: UnitProfile) {
        self.init(
            area: profile.areaSquareMetres.map(Self.formatSquareKilometres) ?? "",
            population: profile.population.map(String.init) ?? "",
            households: profile.households.map(String.init) ?? "",
            institutions: profile.institutions.map(String.init) ?? "",
            businesses: profile.businesses.map(String.init) ?? "",
            address: profile.address,
            phone: profile.phone,
            officeHours: profile.officeHours,
            introduction: profile.introduction
        )
    }

    public static let maxTextLength = 200
    public static let maxIntroductionLength = 2000
    /// Larger than any real unit; catches a slipped key, not a policy.
    public static let maxCount = 100_000_000

    /// The profile, or every problem found.
    public func validated() throws(ValidationFailure) -> UnitProfile {
        var issues: [ValidationFailure.Issue] = []
        let area = Self.parseSquareKilometres(area, issues: &issues)
        let population = Self.parseCount(population, field: "population", label: "人口", issues: &issues)
        let households = Self.parseCount(households, field: "households", label: "户数", issues: &issues)
        let institutions = Self.parseCount(institutions, field: "institutions", label: "辖区单位数", issues: &issues)
        let businesses = Self.parseCount(businesses, field: "businesses", label: "个体私营企业、门店数", issues: &issues)
        let texts: [(String, String, String, Int)] = [
            ("address", "办公地址", address, Self.maxTextLength),
            ("phone", "联系电话", phone, Self.maxTextLength),
            ("office_hours", "办公时间", officeHours, Self.maxTextLength),
            ("introduction", "简介", introduction, Self.maxIntroductionLength),
        ]
        for (field, label, value, limit) in texts where value.count > limit {
            issues.append(
                .init(
                    field: field,
                    message: "“\(label)”最多 \(limit) 个字，现在有 \(value.count) 个字。",
                    englishMessage: "\(field) is limited to \(limit) characters."
                ))
        }
        try ValidationFailure.check(issues)
        return UnitProfile(
            areaSquareMetres: area,
            population: population,
            households: households,
            institutions: institutions,
            businesses: businesses,
            address: address.trimmed,
            phone: phone.trimmed,
            officeHours: officeHours.trimmed,
            introduction: introduction.trimmed
        )
    }

    /// “11” → 11,000,000 m²; “2.65” → 2,650,000 m². At most two decimals.
    static func parseSquareKilometres(_ text: String, issues: inout [ValidationFailure.Issue]) -> Int? {
        let cleaned = NumberText.normalize(text)
        if cleaned.isEmpty { return nil }
        let parts = cleaned.split(separator: ".", omittingEmptySubsequences: false)
        let whole = parts[0]
        let fraction = parts.count > 1 ? parts[1] : ""
        guard parts.count <= 2, !whole.isEmpty, fraction.count <= 2,
            whole.allSatisfy(\.isASCIIDigit), fraction.allSatisfy(\.isASCIIDigit),
            whole.count <= 6, let km = Int(whole)
        else {
            issues.append(
                .init(
                    field: "area",
                    message: "“面积”请填写平方公里数，最多两位小数，例如 11 或 2.65。",
                    englishMessage: "area must be square kilometres with at most two decimals."
                ))
            return nil
        }
        let hundredths = (Int(fraction) ?? 0) * (fraction.count == 1 ? 10 : 1)
        return km * 1_000_000 + hundredths * 10_000
    }

    /// 11,000,000 → “11”; 2,650,000 → “2.65”.
    public static func formatSquareKilometres(_ squareMetres: Int) -> String {
        let hundredths = (squareMetres + 5_000) / 10_000
        let whole = hundredths / 100
        let fraction = hundredths % 100
        if fraction == 0 { return String(whole) }
        return fraction % 10 == 0 ? "\(whole).\(fraction / 10)" : "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    static func parseCount(_ text: String, field: String, label: String, issues: inout [ValidationFailure.Issue]) -> Int? {
        let cleaned = NumberText.normalize(text)
        if cleaned.isEmpty { return nil }
        guard cleaned.count <= 10, cleaned.allSatisfy(\.isASCIIDigit), let value = Int(cleaned), value <= maxCount else {
            issues.append(
                .init(
                    field: field,
                    message: "“\(label)”请填写不带小数的整数，例如 17800。",
                    englishMessage: "\(field) must be a whole number."
                ))
            return nil
        }
        return value
    }
}

/// Turns numbers as people type them into plain ASCII digits.
public enum NumberText {
    /// Trims, removes thousands separators and spaces, folds full-width
    /// digits and points (１２．５) to ASCII.
    public static func normalize(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19:  // full-width digits
                result.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
            case 0xFF0E, 0x3002:  // full-width point, ideographic full stop typed for a point
                result.append(".")
            case 0x2C, 0xFF0C, 0x20, 0x3000:  // , ，, space, ideographic space
                continue
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result.trimmed
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    /// Without leading and trailing white space and newlines.
    public var trimmed: String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
