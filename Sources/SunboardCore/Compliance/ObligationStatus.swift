/// Where an obligation stands on a given day.
public enum ObligationStatus: Sendable, Hashable {
    /// Published by its due date.
    case onTime
    /// Published, this many days after its due date.
    case late(days: Int)
    /// Not published, and the due date has passed this many days ago.
    case missing(days: Int)
    /// Not published yet, due in this many days (0: due today).
    case upcoming(days: Int)

    /// - Parameter published: the Shanghai day the disclosure was first
    ///   published, if one fulfils the obligation.
    public init(due: CalendarDate, published: CalendarDate?, today: CalendarDate) {
        if let published {
            self = published <= due ? .onTime : .late(days: due.days(until: published))
        } else if today > due {
            self = .missing(days: due.days(until: today))
        } else {
            self = .upcoming(days: today.days(until: due))
        }
    }

    /// Stable, for the API and CSV: `on_time`, `late`, `missing`, `upcoming`.
    public var code: String {
        switch self {
        case .onTime: "on_time"
        case .late: "late"
        case .missing: "missing"
        case .upcoming: "upcoming"
        }
    }

    /// Days late, overdue or left; 0 when on time.
    public var days: Int {
        switch self {
        case .onTime: 0
        case .late(let days), .missing(let days), .upcoming(let days): days
        }
    }

    /// In words, so the status reads without colour: “按时”, “迟报 3 天”…
    public var chinese: String {
        switch self {
        case .onTime: "按时"
        case .late(let days): "迟报 \(days) 天"
        case .missing(let days): "缺报（逾期 \(days) 天）"
        case .upcoming(let days): days == 0 ? "今天到期" : "未到期（还有 \(days) 天）"
        }
    }

    /// The short mark for a matrix cell.
    public var mark: String {
        switch self {
        case .onTime: "✓ 按时"
        case .late(let days): "迟 \(days) 天"
        case .missing: "✗ 缺报"
        case .upcoming: "○ 未到期"
        }
    }

    /// Whether the due date has passed (or the obligation is fulfilled): what an on-time rate counts.
    public var isDue: Bool {
        if case .upcoming = self { return false }
        return true
    }
}

/// A community's record over a stretch of time: how many obligations fell
/// due, how many were met on time, late, or not at all.
public struct OnTimeRecord: Sendable, Equatable {
    public var due = 0
    public var onTime = 0
    public var late = 0
    public var missing = 0
    public var upcoming = 0

    public init() {}

    public init<S: Sequence>(_ statuses: S) where S.Element == ObligationStatus {
        for status in statuses { add(status) }
    }

    public mutating func add(_ status: ObligationStatus) {
        switch status {
        case .onTime: onTime += 1
        case .late: late += 1
        case .missing: missing += 1
        case .upcoming: upcoming += 1
        }
        if status.isDue { due += 1 }
    }

    /// Met on time, of those due; 1 when nothing was due.
    public var onTimeRate: Double { due == 0 ? 1 : Double(onTime) / Double(due) }
    /// Published at all, of those due.
    public var completeness: Double { due == 0 ? 1 : Double(onTime + late) / Double(due) }

    /// “按时公开 28 项中的 25 项（89%）”
    public var chinese: String {
        guard due > 0 else { return "还没有到期的定期公开事项。" }
        var text = "到期 \(due) 项，按时 \(onTime) 项（\(Percent.text(onTimeRate))）"
        if late > 0 { text += "，迟报 \(late) 项" }
        if missing > 0 { text += "，缺报 \(missing) 项" }
        return text + "。"
    }
}

/// Percentages as people read them: whole numbers, rounded half up.
public enum Percent {
    public static func text(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }
}
