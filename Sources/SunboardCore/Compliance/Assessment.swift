/// The office's weights for the annual assessment (考核), in points out of
/// 100: disclosure on time, disclosure at all, answering residents within
/// 10 days, answering objections.
public struct AssessmentWeights: Sendable, Equatable {
    public var onTime: Int
    public var completeness: Int
    public var feedback: Int
    public var objections: Int

    public init(onTime: Int, completeness: Int, feedback: Int, objections: Int) {
        self.onTime = onTime
        self.completeness = completeness
        self.feedback = feedback
        self.objections = objections
    }

    /// The seed puts timely disclosure first.
    public static let standard = AssessmentWeights(onTime: 40, completeness: 30, feedback: 20, objections: 10)

    /// Reads the form: four whole numbers from 0 to 100 adding up to 100.
    public static func parse(onTime: String, completeness: String, feedback: String, objections: String) throws(ValidationFailure)
        -> AssessmentWeights
    {
        var issues: [ValidationFailure.Issue] = []
        func number(_ text: String, _ field: String, _ label: String) -> Int {
            guard let value = Int(text.trimmed), (0...100).contains(value) else {
                issues.append(
                    .init(
                        field: field, message: "“\(label)”请填 0 到 100 的整数。", englishMessage: "\(field) must be a whole number from 0 to 100."
                    ))
                return 0
            }
            return value
        }
        let weights = AssessmentWeights(
            onTime: number(onTime, "on_time", "按时公开"), completeness: number(completeness, "completeness", "公开完整"),
            feedback: number(feedback, "feedback", "答复居民意见"), objections: number(objections, "objections", "处理异议"))
        if issues.isEmpty, weights.total != 100 {
            issues.append(
                .init(
                    field: "weights", message: "四项分值加起来要等于 100，现在是 \(weights.total)。",
                    englishMessage: "the weights must add up to 100, not \(weights.total)."))
        }
        try ValidationFailure.check(issues)
        return weights
    }

    public var total: Int { onTime + completeness + feedback + objections }
}

/// What a community did in the year, as the assessment counts it.
public struct AssessmentFacts: Sendable, Equatable {
    /// Obligations that fell due in the year (up to today).
    public var record: OnTimeRecord
    /// Suggestions and complaints whose reply was due in the year, and how
    /// many were answered within the 10 days.
    public var feedbackDue: Int
    public var feedbackOnTime: Int
    /// Objections whose reply fell due in the year, and how many were answered.
    public var objections: Int
    public var objectionsAnswered: Int

    public init(record: OnTimeRecord, feedbackDue: Int = 0, feedbackOnTime: Int = 0, objections: Int = 0, objectionsAnswered: Int = 0) {
        self.record = record
        self.feedbackDue = feedbackDue
        self.feedbackOnTime = feedbackOnTime
        self.objections = objections
        self.objectionsAnswered = objectionsAnswered
    }
}

/// A community's score: each part's share met, times its weight.
public struct AssessmentScore: Sendable, Equatable {
    public struct Part: Sendable, Equatable {
        public var key: String
        public var name: String
        public var weight: Int
        /// 0…1; nothing to count counts as fully met.
        public var share: Double
        /// What was counted, in words: “按时 25 / 到期 28”.
        public var basis: String
        /// weight × share, one decimal.
        public var points: Double
    }

    public var parts: [Part]
    /// Out of 100, one decimal.
    public var total: Double

    public init(facts: AssessmentFacts, weights: AssessmentWeights) {
        let record = facts.record
        func share(_ part: Int, of whole: Int) -> Double { whole == 0 ? 1 : Double(part) / Double(whole) }
        func part(_ key: String, _ name: String, _ weight: Int, _ value: Double, _ basis: String) -> Part {
            Part(key: key, name: name, weight: weight, share: value, basis: basis, points: Self.oneDecimal(Double(weight) * value))
        }
        parts = [
            part("on_time", "按时公开", weights.onTime, record.onTimeRate, "按时 \(record.onTime) / 到期 \(record.due)"),
            part(
                "completeness", "公开完整", weights.completeness, record.completeness, "已公开 \(record.onTime + record.late) / 到期 \(record.due)"),
            part(
                "feedback", "10 天内答复居民意见", weights.feedback, share(facts.feedbackOnTime, of: facts.feedbackDue),
                "按时答复 \(facts.feedbackOnTime) / \(facts.feedbackDue)"),
            part(
                "objections", "处理公示异议", weights.objections, share(facts.objectionsAnswered, of: facts.objections),
                "已答复 \(facts.objectionsAnswered) / \(facts.objections)"),
        ]
        total = Self.oneDecimal(parts.map { Double($0.weight) * $0.share }.reduce(0, +))
    }

    static func oneDecimal(_ value: Double) -> Double { (value * 10).rounded() / 10 }

    /// Ranks by score, highest first; equal scores share a rank (1, 2, 2, 4).
    public static func ranks(_ totals: [Double]) -> [Int] {
        let sorted = totals.sorted(by: >)
        // The rank is one more than how many scored higher: the first index of the score in descending order.
        var firstIndex: [Double: Int] = [:]
        for (index, total) in sorted.enumerated() where firstIndex[total] == nil { firstIndex[total] = index }
        return totals.map { firstIndex[$0]! + 1 }
    }
}
