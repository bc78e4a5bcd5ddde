/// A step of a livelihood project (民生工程) with its planned and actual dates.
public struct Milestone: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable, Codable {
        case notStarted = "not_started"
        case inProgress = "in_progress"
        case done

        public var chinese: String {
            switch self {
            case .notStarted: "未开始"
            case .inProgress: "进行中"
            case .done: "已完成"
            }
        }
    }

    public var name: String
    public var plannedStart: CalendarDate
    public var plannedEnd: CalendarDate
    public var actualStart: CalendarDate?
    public var actualEnd: CalendarDate?
    /// Its share of the project, in whole points (any scale; shares are relative).
    public var weight: Int
    public var status: Status
    /// For a step in progress: how far along, 0…100.
    public var percent: Int

    public init(
        name: String, plannedStart: CalendarDate, plannedEnd: CalendarDate, actualStart: CalendarDate? = nil,
        actualEnd: CalendarDate? = nil,
        weight: Int = 1, status: Status = .notStarted, percent: Int = 0
    ) {
        self.name = name
        self.plannedStart = plannedStart
        self.plannedEnd = plannedEnd
        self.actualStart = actualStart
        self.actualEnd = actualEnd
        self.weight = weight
        self.status = status
        self.percent = percent
    }

    /// How far the step is, as its status says: done is 100, not started 0.
    public var progress: Int {
        switch status {
        case .notStarted: 0
        case .inProgress: percent
        case .done: 100
        }
    }

    /// Past its planned end and not done.
    public func isLate(today: CalendarDate) -> Bool { status != .done && today > plannedEnd }

    /// Checks a step as typed: dates in order, a weight, a percentage.
    public func validated() throws(ValidationFailure) -> Milestone {
        var issues: [ValidationFailure.Issue] = []
        let name = self.name.trimmed
        if name.isEmpty || name.count > 60 {
            issues.append(.init(field: "name", message: "请写明这一步做什么（60 字以内）。", englishMessage: "name is required (up to 60 characters)."))
        }
        if plannedEnd < plannedStart {
            issues.append(
                .init(
                    field: "planned_end", message: "计划完成日期（\(plannedEnd.chinese)）不能早于计划开始日期（\(plannedStart.chinese)）。",
                    englishMessage: "planned_end cannot be before planned_start."))
        }
        if let start = actualStart, let end = actualEnd, end < start {
            issues.append(
                .init(
                    field: "actual_end", message: "实际完成日期不能早于实际开始日期。", englishMessage: "actual_end cannot be before actual_start."))
        }
        if status == .done && actualEnd == nil {
            issues.append(.init(field: "actual_end", message: "已完成的步骤请填实际完成日期。", englishMessage: "a done step needs actual_end."))
        }
        if !(1...100).contains(weight) {
            issues.append(.init(field: "weight", message: "权重请填 1 到 100 的整数。", englishMessage: "weight must be 1 to 100."))
        }
        if !(0...100).contains(percent) {
            issues.append(
                .init(field: "percent", message: "进度请填 0 到 100 之间的数（现在是 \(percent)）。", englishMessage: "percent must be 0 to 100."))
        }
        try ValidationFailure.check(issues)
        var checked = self
        checked.name = name
        return checked
    }
}

/// Progress as residents read it: a whole percentage, from the steps'
/// statuses, or from child projects by their weight.
public enum Progress {
    /// The weighted mean of `parts` (weight, percent), rounded down so
    /// nothing shows 100% before it is all done; 0 with no parts.
    public static func rollUp(_ parts: [(weight: Int, percent: Int)]) -> Int {
        let total = parts.map(\.weight).reduce(0, +)
        guard total > 0 else { return 0 }
        let sum = parts.map { $0.weight * min(max($0.percent, 0), 100) }.reduce(0, +)
        return sum / total
    }

    /// A project's progress from its milestones.
    public static func of(_ milestones: [Milestone]) -> Int {
        rollUp(milestones.map { ($0.weight, $0.progress) })
    }
}

/// A follow-up action a hearing decided: who, by when, how far.
public struct FollowUpAction: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable, Codable {
        case open
        case inProgress = "in_progress"
        case done

        public var chinese: String {
            switch self {
            case .open: "未开始"
            case .inProgress: "办理中"
            case .done: "已办结"
            }
        }
    }

    public var action: String
    public var owner: String
    public var deadline: CalendarDate
    public var status: Status
    public var doneOn: CalendarDate?

    public init(action: String, owner: String, deadline: CalendarDate, status: Status = .open, doneOn: CalendarDate? = nil) {
        self.action = action
        self.owner = owner
        self.deadline = deadline
        self.status = status
        self.doneOn = doneOn
    }

    /// Not done and past its deadline: shown as 逾期 on the hearing's page.
    public func isOverdue(today: CalendarDate) -> Bool { status != .done && today > deadline }

    /// Done after its deadline.
    public var wasLate: Bool { doneOn.map { $0 > deadline } ?? false }
}
