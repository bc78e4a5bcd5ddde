/// What a periodic catalog item asks from a given day on. An item's rules
/// form a history: a change takes effect on its day and never rewrites the
/// periods before it, so a community is judged by the rule it had.
public struct CatalogRule: Sendable, Hashable {
    /// The first day the rule holds.
    public var effectiveFrom: CalendarDate
    /// `nil` when the item is not periodic (from this day on).
    public var frequency: Frequency?
    public var dueRule: DueRule?
    public var isActive: Bool

    public init(effectiveFrom: CalendarDate, frequency: Frequency?, dueRule: DueRule?, isActive: Bool = true) {
        self.effectiveFrom = effectiveFrom
        self.frequency = frequency
        self.dueRule = dueRule
        self.isActive = isActive
    }
}

/// One item's obligations for one community: which periods are owed and by
/// when, from the item's rule history and the day the community's
/// obligations began.
///
/// A rule applies to the periods that *start* on or after its effective
/// day; a period that began before an item existed, or before the
/// community did, is not owed. So an item added on 15 October is first owed
/// for November (monthly), the fourth quarter is not owed at all by a
/// community founded on 1 November, and a change from monthly to quarterly
/// on 15 October leaves October monthly and owes quarters from 2027-Q1.
public struct ObligationSchedule: Sendable {
    public let itemID: Int
    /// Oldest first.
    public let rules: [CatalogRule]
    public let since: CalendarDate

    public init(itemID: Int, rules: [CatalogRule], since: CalendarDate) {
        self.itemID = itemID
        self.rules = rules.sorted { $0.effectiveFrom < $1.effectiveFrom }
        self.since = since
    }

    /// The rule in force on `day`.
    public func rule(on day: CalendarDate) -> CatalogRule? {
        rules.last { $0.effectiveFrom <= day }
    }

    /// The due date when `period` is owed, else `nil`.
    public func due(for period: Period) -> CalendarDate? {
        guard period.firstDay >= since, let rule = rule(on: period.firstDay), rule.isActive, rule.frequency == period.frequency,
            let dueRule = rule.dueRule
        else { return nil }
        return dueRule.dueDate(for: period)
    }

    /// Every owed period whose due date falls in `first...last`, oldest first.
    public func obligations(dueFrom first: CalendarDate, through last: CalendarDate) -> [Obligation] {
        var result: [Obligation] = []
        for frequency in Set(rules.compactMap { $0.isActive ? $0.frequency : nil }) {
            // Due dates lie at most a year and a bit after the period, or within it: start early enough.
            var period = Period.containing(first.adding(months: -14), frequency: frequency)
            let end = Period.containing(last.adding(months: 14), frequency: frequency)
            while period <= end {
                if let due = due(for: period), first <= due, due <= last {
                    result.append(Obligation(itemID: itemID, period: period, due: due))
                }
                period = period.next
            }
        }
        return result.sorted { ($0.due, $0.period) < ($1.due, $1.period) }
    }
}

/// One period of one item owed by one community.
public struct Obligation: Sendable, Hashable {
    public var itemID: Int
    public var period: Period
    public var due: CalendarDate

    public init(itemID: Int, period: Period, due: CalendarDate) {
        self.itemID = itemID
        self.period = period
        self.due = due
    }
}
