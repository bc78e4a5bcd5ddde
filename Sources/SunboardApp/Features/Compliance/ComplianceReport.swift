import Foundation
import SQLKit
import SunboardCore

/// One obligation of one community and where it stands.
public struct ObligationRow: Sendable {
    public var itemID: Int
    public var itemCode: String
    public var itemTitle: String
    public var period: Period
    public var due: CalendarDate
    public var status: ObligationStatus
    public var disclosureID: Int?
    public var publishedOn: CalendarDate?
}

/// Continuity's answers, computed from the catalog's rules and the
/// published disclosures as of `today` (the injected clock's day).
public struct ComplianceReport: Sendable {
    let repository: ComplianceRepository
    let database: Database

    public init(database: Database) {
        self.database = database
        self.repository = ComplianceRepository(database: database)
    }

    // MARK: One community

    /// The community's obligations due in `first...last`, oldest first.
    public func obligations(
        unit: ObligatedUnit, officeID: Int, dueFrom first: CalendarDate, through last: CalendarDate, today: CalendarDate
    )
        async throws -> [ObligationRow]
    {
        let items = try await repository.items(officeID: officeID, communityID: unit.id).filter {
            $0.applies(to: unit.id, officeID: officeID)
        }
        var owed: [(ComplianceItem, Obligation)] = []
        for item in items {
            owed += item.schedule(for: unit).obligations(dueFrom: first, through: last).map { (item, $0) }
        }
        let fulfilled = try await repository.fulfilment(.units([unit.id]), periods: Array(Set(owed.map { $0.1.period.description })))
        return owed.map { item, obligation in
            let done = fulfilled[.init(unitID: unit.id, itemID: item.id, period: obligation.period.description)]
            return ObligationRow(
                itemID: item.id, itemCode: item.code, itemTitle: item.title, period: obligation.period, due: obligation.due,
                status: ObligationStatus(due: obligation.due, published: done?.publishedOn, today: today), disclosureID: done?.disclosureID,
                publishedOn: done?.publishedOn)
        }.sorted { ($0.due, $0.itemID) < ($1.due, $1.itemID) }
    }

    /// The public record: obligations due in the last 12 months up to today.
    public func record(unit: ObligatedUnit, officeID: Int, today: CalendarDate) async throws -> (
        rows: [ObligationRow], record: OnTimeRecord
    ) {
        let rows = try await obligations(
            unit: unit, officeID: officeID, dueFrom: today.adding(months: -12).adding(days: 1), through: today, today: today)
        return (rows, OnTimeRecord(rows.map(\.status)))
    }

    /// What the community's staff must see to: overdue in the last year, and due within `days`.
    public func pending(unit: ObligatedUnit, officeID: Int, today: CalendarDate, days: Int) async throws -> [ObligationRow] {
        try await obligations(
            unit: unit, officeID: officeID, dueFrom: today.adding(months: -12), through: today.adding(days: days), today: today
        )
        .filter {
            switch $0.status {
            case .missing, .upcoming: true
            case .onTime, .late: false
            }
        }
    }

    // MARK: The office's matrix

    public struct Column: Sendable {
        public var item: ComplianceItem
        public var period: Period
        public var due: CalendarDate
        /// Owned by one community (its 细则), else the office's default.
        public var communityID: Int?
        public var owner: ObligatedUnit?
        public var summary: OnTimeRecord
    }

    public struct Cell: Sendable {
        public var status: ObligationStatus
        public var disclosureID: Int?
        public var publishedOn: CalendarDate?
    }

    public struct Line: Sendable {
        public var unit: ObligatedUnit
        /// One per column; `nil` where the community owes nothing.
        public var cells: [Cell?]
        public var record: OnTimeRecord
    }

    public struct Matrix: Sendable {
        public var period: Period
        public var columns: [Column]
        public var lines: [Line]
        public var communities: Int
        public var page: Int
        public var pages: Int
        public var total: OnTimeRecord
    }

    /// The period of an item's frequency that a chosen period falls in: the
    /// month's quarter and year; nothing shorter than what was chosen.
    static func period(of frequency: Frequency, for chosen: Period) -> Period? {
        let rank: [Frequency: Int] = [.monthly: 0, .quarterly: 1, .yearly: 2]
        guard rank[frequency]! >= rank[chosen.frequency]! else { return nil }
        return Period.containing(chosen.firstDay, frequency: frequency)
    }

    /// Communities × items for the chosen period. The communities with the
    /// most left undone come first, `perPage` to a page; the totals count
    /// every community, in the database.
    /// With `only`, just that community's line (its own page and API).
    public func matrix(
        officeID: Int, period chosen: Period, today: CalendarDate, page: Int = 1, perPage: Int = 100, only: ObligatedUnit? = nil
    )
        async throws -> Matrix
    {
        let everyone = try await repository.communities(officeID: officeID)
        let communities = only.map { [$0] } ?? everyone
        let byID = Dictionary(everyone.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var columns: [Column] = []
        for item in try await repository.items(officeID: officeID, communityID: only?.id)
        where only.map({ item.applies(to: $0.id, officeID: officeID) }) ?? true {
            let always = ObligatedUnit(id: item.ownerUnitID, slug: "", name: "", since: ComplianceRepository.always)
            guard let frequency = item.schedule(for: always).rule(on: chosen.firstDay)?.frequency,
                let period = Self.period(of: frequency, for: chosen), let due = item.schedule(for: always).due(for: period)
            else { continue }
            columns.append(
                Column(
                    item: item, period: period, due: due, communityID: item.ownerUnitID == officeID ? nil : item.ownerUnitID,
                    owner: byID[item.ownerUnitID], summary: OnTimeRecord()))
        }
        let owes = { (unit: ObligatedUnit, column: Column) -> Bool in
            (column.communityID == nil || column.communityID == unit.id) && unit.since <= column.period.firstDay
        }
        // Counted in the database across every community: per item and per community.
        let counts = try await repository.counts(
            columns: columns.map { ($0.item.id, $0.period, $0.due) }, communities: everyone, only: only?.id)
        var total = OnTimeRecord()
        for index in columns.indices {
            let owing = communities.filter { owes($0, columns[index]) }.count
            let done = counts.byItem[columns[index].item.id] ?? (0, 0)
            columns[index].summary = Self.record(
                owing: owing, published: done.published, onTime: done.onTime, due: columns[index].due, today: today)
        }
        for column in columns { total.merge(column.summary) }
        // Most undone first: what is owed and due, less what was published on time.
        let ranked = communities.enumerated().map { offset, unit -> (unit: ObligatedUnit, undone: Int, offset: Int) in
            let owedDue = columns.filter { owes(unit, $0) && $0.due < today }.count
            return (unit, owedDue - (counts.byUnit[unit.id]?.onTime ?? 0), offset)
        }.sorted { ($1.undone, $0.offset) < ($0.undone, $1.offset) }.map(\.unit)
        let pages = max(1, (ranked.count + perPage - 1) / perPage)
        let page = min(max(page, 1), pages)
        let shown = Array(ranked.dropFirst((page - 1) * perPage).prefix(perPage))
        // A page by its ids; the whole office (an export) by a subquery.
        let scope: ComplianceRepository.Scope = shown.count > 500 ? .office(officeID) : .units(shown.map(\.id))
        let fulfilled = try await repository.fulfilment(scope, periods: Array(Set(columns.map { $0.period.description })))
        let lines = shown.map { unit in
            let cells = columns.map { column -> Cell? in
                guard owes(unit, column) else { return nil }
                let done = fulfilled[.init(unitID: unit.id, itemID: column.item.id, period: column.period.description)]
                return Cell(
                    status: ObligationStatus(due: column.due, published: done?.publishedOn, today: today), disclosureID: done?.disclosureID,
                    publishedOn: done?.publishedOn)
            }
            return Line(unit: unit, cells: cells, record: OnTimeRecord(cells.compactMap { $0?.status }))
        }
        return Matrix(
            period: chosen, columns: columns, lines: lines, communities: communities.count, page: page, pages: pages, total: total)
    }

    static func record(owing: Int, published: Int, onTime: Int, due: CalendarDate, today: CalendarDate) -> OnTimeRecord {
        var record = OnTimeRecord()
        record.onTime = onTime
        record.late = published - onTime
        if today > due { record.missing = max(0, owing - published) } else { record.upcoming = max(0, owing - published) }
        record.due = record.onTime + record.late + record.missing
        return record
    }

    // MARK: The annual assessment

    public struct Assessed: Sendable {
        public var unit: ObligatedUnit
        public var facts: AssessmentFacts
        public var score: AssessmentScore
        public var rank: Int
        public var notes: [AssessmentNote]
    }

    /// Every community of the office scored for `year` as of today, ranked.
    /// One query per kind of fact for the whole office, whatever its size.
    public func assessment(officeID: Int, year: Int, today: CalendarDate) async throws -> (
        settings: ComplianceSettings, ranking: [Assessed]
    ) {
        let settings = try await repository.settings(officeID: officeID)
        let communities = try await repository.communities(officeID: officeID)
        guard let first = CalendarDate(year: year, month: 1, day: 1), let end = CalendarDate(year: year, month: 12, day: 31) else {
            return (settings, [])
        }
        // What fell due up to yesterday: a disclosure due today may still come today.
        let records = try await countedRecords(
            officeID: officeID, communities: communities, dueFrom: first, through: min(end, today.adding(days: -1)))
        // Likewise a message whose reply is due today.
        let replies = try await responses(officeID: officeID, first: first, last: min(end, today.adding(days: -1)))
        let notes = Dictionary(grouping: try await repository.notes(.office(officeID), year: year), by: \.unitID)
        var scored = communities.map { unit -> Assessed in
            let answered = replies[unit.id] ?? Responses()
            let facts = AssessmentFacts(
                record: records[unit.id] ?? OnTimeRecord(), feedbackDue: answered.feedbackDue, feedbackOnTime: answered.feedbackOnTime,
                objections: answered.objections, objectionsAnswered: answered.objectionsAnswered)
            return Assessed(
                unit: unit, facts: facts, score: AssessmentScore(facts: facts, weights: settings.weights), rank: 0,
                notes: notes[unit.id] ?? [])
        }
        let ranks = AssessmentScore.ranks(scored.map(\.score.total))
        for index in scored.indices { scored[index].rank = ranks[index] }
        return (settings, scored.sorted { ($0.rank, $0.unit.slug) < ($1.rank, $1.unit.slug) })
    }

    /// Every community's record over obligations due in `first...last` (all
    /// past due), counted in the database: at 20,000 communities the millions
    /// of single obligations are never read one by one.
    private func countedRecords(officeID: Int, communities: [ObligatedUnit], dueFrom first: CalendarDate, through last: CalendarDate)
        async throws -> [Int: OnTimeRecord]
    {
        guard first <= last else { return [:] }
        var pairs: [(id: Int, period: Period, due: CalendarDate, owner: Int?)] = []
        for item in try await repository.items(officeID: officeID) {
            let always = ObligatedUnit(id: item.ownerUnitID, slug: "", name: "", since: ComplianceRepository.always)
            for obligation in item.schedule(for: always).obligations(dueFrom: first, through: last) {
                pairs.append((item.id, obligation.period, obligation.due, item.ownerUnitID == officeID ? nil : item.ownerUnitID))
            }
        }
        let counts = try await repository.counts(columns: pairs.map { ($0.id, $0.period, $0.due) }, communities: communities)
        let own = Dictionary(grouping: pairs.filter { $0.owner != nil }, by: { $0.owner! })
        var sharedBySince: [CalendarDate: Int] = [:]
        var records: [Int: OnTimeRecord] = [:]
        for unit in communities {
            if sharedBySince[unit.since] == nil {
                sharedBySince[unit.since] = pairs.filter { $0.owner == nil && unit.since <= $0.period.firstDay }.count
            }
            let owed = sharedBySince[unit.since]! + (own[unit.id] ?? []).filter { unit.since <= $0.period.firstDay }.count
            let done = counts.byUnit[unit.id] ?? (0, 0)
            var record = OnTimeRecord()
            record.due = owed
            record.onTime = done.onTime
            record.late = done.published - done.onTime
            record.missing = max(0, owed - done.published)
            records[unit.id] = record
        }
        return records
    }

    /// Each community's 12-month record, for the office's public page: one
    /// query for all of them.
    public func records(officeID: Int, today: CalendarDate) async throws -> [Int: OnTimeRecord] {
        let communities = try await repository.communities(officeID: officeID)
        let (owed, periods) = try await obligations(
            officeID: officeID, communities: communities, dueFrom: today.adding(months: -12).adding(days: 1), through: today)
        let fulfilled = try await repository.fulfilment(.office(officeID), periods: Array(periods))
        var records: [Int: OnTimeRecord] = [:]
        for unit in communities {
            records[unit.id] = OnTimeRecord(
                (owed[unit.id] ?? []).map { item, obligation in
                    ObligationStatus(
                        due: obligation.due,
                        published: fulfilled[.init(unitID: unit.id, itemID: item.id, period: obligation.period.description)]?.publishedOn,
                        today: today)
                })
        }
        return records
    }

    /// What each community owes with due dates in `first...last`: the
    /// office's items for all, each community's own for it alone.
    func obligations(officeID: Int, communities: [ObligatedUnit], dueFrom first: CalendarDate, through last: CalendarDate)
        async throws -> (owed: [Int: [(ComplianceItem, Obligation)]], periods: Set<String>)
    {
        guard first <= last else { return ([:], []) }
        let items = try await repository.items(officeID: officeID)
        let shared = items.filter { $0.ownerUnitID == officeID }
        let own = Dictionary(grouping: items.filter { $0.ownerUnitID != officeID }, by: \.ownerUnitID)
        // Communities with the same start owe the office's items on the same dates: worked out once per start.
        var sharedBySince: [CalendarDate: [(ComplianceItem, Obligation)]] = [:]
        var owed: [Int: [(ComplianceItem, Obligation)]] = [:]
        var periods: Set<String> = []
        for unit in communities {
            if sharedBySince[unit.since] == nil {
                sharedBySince[unit.since] = shared.flatMap { item in
                    item.schedule(for: unit).obligations(dueFrom: first, through: last).map { (item, $0) }
                }
            }
            let mine = (own[unit.id] ?? []).flatMap { item in
                item.schedule(for: unit).obligations(dueFrom: first, through: last).map { (item, $0) }
            }
            owed[unit.id] = sharedBySince[unit.since]! + mine
            periods.formUnion(owed[unit.id]!.map { $0.1.period.description })
        }
        return (owed, periods)
    }

    struct Responses {
        var feedbackDue = 0
        var feedbackOnTime = 0
        var objections = 0
        var objectionsAnswered = 0
    }

    /// Suggestions, complaints and objections whose reply fell due in the
    /// period, per community, and how many were answered (messages: within
    /// the 10 days; objections: at all).
    private func responses(officeID: Int, first: CalendarDate, last: CalendarDate) async throws -> [Int: Responses] {
        guard first <= last else { return [:] }
        let scope = ComplianceRepository.Scope.office(officeID)
        var result: [Int: Responses] = [:]
        let sentFrom = first.adding(days: -ReplyDeadline.days).description
        for row in try await database.sql.select().columns("unit_id", "sent_on", "replied_on").from("feedback")
            .where(scope.condition(SQLColumn("unit_id"))).where("sent_on", .greaterThanOrEqual, SQLBind(sentFrom)).all()
        {
            guard let sent = CalendarDate(try row.decode(column: "sent_on", as: String.self)) else { continue }
            let due = ReplyDeadline.due(sentOn: sent)
            guard first <= due, due <= last else { continue }
            let unit = try row.decode(column: "unit_id", as: Int.self)
            result[unit, default: .init()].feedbackDue += 1
            if let replied = try row.decode(column: "replied_on", as: String?.self).flatMap(CalendarDate.init), replied <= due {
                result[unit, default: .init()].feedbackOnTime += 1
            }
        }
        // Objections count once their reply is due, like any message: one still within its 10 days is no failing.
        let objections = try await database.sql.select()
            .column(SQLColumn("unit_id", table: "d"), as: "unit_id").column(SQLColumn("created_at", table: "o"), as: "created_at")
            .column(SQLColumn("reply", table: "o"), as: "reply")
            .from(SQLAlias(SQLIdentifier("objections"), as: SQLIdentifier("o")))
            .join(
                SQLAlias(SQLIdentifier("disclosures"), as: SQLIdentifier("d")), on: SQLColumn("id", table: "d"), .equal,
                SQLColumn("disclosure_id", table: "o")
            )
            .where(scope.condition(SQLColumn("unit_id", table: "d")))
            .where(
                SQLColumn("created_at", table: "o"), .greaterThanOrEqual,
                SQLBind(first.adding(days: -ReplyDeadline.days).startInstant.unixSeconds)
            )
            .all()
        for row in objections {
            let due = ReplyDeadline.due(sentOn: CalendarDate(Date(unixSeconds: try row.decode(column: "created_at", as: Int.self))))
            guard first <= due, due <= last else { continue }
            let unit = try row.decode(column: "unit_id", as: Int.self)
            result[unit, default: .init()].objections += 1
            if try row.decode(column: "reply", as: String?.self) != nil { result[unit, default: .init()].objectionsAnswered += 1 }
        }
        return result
    }
}

extension OnTimeRecord {
    mutating func merge(_ other: OnTimeRecord) {
        due += other.due
        onTime += other.onTime
        late += other.late
        missing += other.missing
        upcoming += other.upcoming
    }
}
