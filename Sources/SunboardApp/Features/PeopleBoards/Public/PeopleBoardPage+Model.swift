import Foundation
import SunboardCore

/// What one board shows the public, worked out once for the page and the
/// API: only the fields public for this board in this community.
struct PublicBoard: Sendable {
    struct Card: Sendable {
        var values: [(field: BoardField, value: String)]
        var amounts: [String: Int]
    }

    struct Count: Sendable {
        var group: String
        var count: Int
    }

    struct Change: Sendable {
        var date: CalendarDate
        var kind: RosterChangeKind
        var values: [(field: BoardField, value: String)]
        var amountBefore: Fen?
        var amountAfter: Fen?
        /// For a roster brought over: how many households.
        var households: Int? = nil
        /// The record's entries in the public ledger.
        var ledgerURL: String
    }

    var board: PeopleBoard
    var showsCards: Bool
    var publicFields: [BoardField]
    /// Whether an amount (the 低保 benefit) is public, so changes show it.
    var showsAmounts: Bool
    var total: Int
    var cards: [Card]
    var counts: [Count]
    var period: Period
    var changes: [Change]

    init(
        board: PeopleBoard, visibilities: [String: BoardVisibility], roster: [BoardCard], period: Period, changes: [RosterChange],
        imports: [(id: Int, at: Date, households: Int)] = []
    ) {
        self.board = board
        self.showsCards = board.showsCards(visibilities)
        self.publicFields = board.fields.filter { visibilities[$0.key] == .public }
        self.showsAmounts = visibilities[PeopleBoard.benefitKey] == .public
        self.total = roster.count
        func card(_ card: BoardCard) -> Card {
            let amounts = card.board.fields.filter { $0.kind == .money && visibilities[$0.key] == .public }
                .reduce(into: [String: Int]()) { result, field in result[field.key] = card.values[field.key].flatMap(Int.init) }
            return Card(values: card.publicValues(visibilities), amounts: amounts)
        }
        self.cards = showsCards ? roster.map(card) : []
        // Counts by the board's grouping field, when it is public.
        if visibilities[board.countsBy] == .public {
            let grouped = Dictionary(grouping: roster) { $0.values[board.countsBy] ?? "未填写" }
            self.counts = grouped.map { Count(group: $0.key, count: $0.value.count) }.sorted { ($0.count, $1.group) > ($1.count, $0.group) }
        } else {
            self.counts = []
        }
        self.period = period
        let showsAmounts = self.showsAmounts
        let changed: [(Date, Change)] = changes.compactMap { change in
            guard let kind = change.event.kind.rosterChange else { return nil }
            return (
                change.event.at,
                Change(
                    date: CalendarDate(change.event.at), kind: kind, values: board.publicValues(change.values, visibilities),
                    amountBefore: showsAmounts ? change.event.amountBefore : nil,
                    amountAfter: showsAmounts ? change.event.amountAfter : nil,
                    ledgerURL: SiteURL.Ledger.record(BoardCardRecord.name, change.event.cardID))
            )
        }
        let brought = imports.map {
            (
                $0.at,
                Change(
                    date: CalendarDate($0.at), kind: .imported, values: [], households: $0.households,
                    ledgerURL: SiteURL.Ledger.record(BoardImportRecord.name, $0.id))
            )
        }
        // Newest first, as the changes come.
        self.changes = (changed + brought).sorted { $0.0 > $1.0 }.map(\.1)
    }
}

/// `/units/{slug}/boards`: the community's boards with how many are on each.
struct BoardsPage: Sendable {
    struct Row: Sendable {
        var title: String
        var summary: String
        var count: Int
        var url: String
    }

    var frame: Frame
    var unitName: String
    var rows: [Row]
}

/// `/units/{slug}/boards/{board}`: the cards (插卡式) and the period's changes.
struct BoardPage: Sendable {
    struct Card: Sendable {
        var title: String
        var rows: [Cell]
    }

    struct Cell: Sendable {
        var label: String
        var value: String
    }

    struct Change: Sendable {
        var date: String
        var change: String
        var kind: String
        var who: String
        var amount: String?
        var ledgerURL: String
    }

    struct PeriodLink: Sendable {
        var label: String
        var url: String
        var current: Bool
    }

    var frame: Frame
    var unitName: String
    var title: String
    var summary: String
    var total: Int
    var showsCards: Bool
    var cards: [Card]
    var counts: [PublicBoard.Count]
    var hasCounts: Bool
    var countsLabel: String
    var publicLabels: String
    var periodName: String
    var periods: [PeriodLink]
    var changes: [Change]
    var hasChanges: Bool
    var showsAmounts: Bool
    var noticesURL: String?

    init(unit: Unit, parent: Unit?, content: PublicBoard, today: CalendarDate, noticesURL: String?, assets: StaticAssets) {
        let board = content.board
        let crumbs = Frame.Crumb.trail(to: unit, parent: parent) + [.init(title: "插卡式公示", url: SiteURL.peopleBoards(.list(unit.slug)).path)]
        self.frame = Frame(title: "\(board.title) · \(unit.name)插卡式公示", crumbs: crumbs, assets: assets)
        self.unitName = unit.name
        self.title = board.title
        self.summary = board.summary
        self.total = content.total
        self.showsCards = content.showsCards
        self.cards = content.cards.map { card in
            Card(
                title: card.values.first { $0.field.key == PeopleBoard.nameKey }?.value ?? "",
                rows: card.values.filter { $0.field.key != PeopleBoard.nameKey }.map { Cell(label: $0.field.label, value: $0.value) })
        }
        self.counts = content.counts
        self.hasCounts = !content.counts.isEmpty
        self.countsLabel = board.field(board.countsBy)?.label ?? ""
        self.publicLabels = content.publicFields.map(\.label).joined(separator: "、")
        self.periodName = content.period.chinese
        let base = SiteURL.peopleBoards(.board(unit.slug, board.code)).path
        let year = today.year
        let options: [Period] = [.year(year), .year(year - 1)] + (1...today.month).reversed().map { Period.month(year: year, month: $0) }
        self.periods = options.map { PeriodLink(label: $0.chinese, url: "\(base)?period=\($0)", current: $0 == content.period) }
        self.changes = content.changes.map { change in
            // Who it was, briefly: the short public fields, not a hardship's paragraph.
            let who =
                change.households.map { "\($0) 户" }
                ?? change.values.filter { $0.field.kind == .text || $0.field.kind == .number }.map(\.value).joined(separator: " · ")
            var amount: String?
            switch (change.amountBefore, change.amountAfter) {
            case (let before?, let after?): amount = "\(before.yuan) → \(after.yuan)"
            case (nil, let after?): amount = after.yuan
            case (let before?, nil): amount = "原 \(before.yuan)"
            default: amount = nil
            }
            return Change(
                date: change.date.chinese, change: change.kind.chinese, kind: change.kind.rawValue, who: who, amount: amount,
                ledgerURL: change.ledgerURL)
        }
        self.showsAmounts = content.showsAmounts
        self.hasChanges = !changes.isEmpty
        self.noticesURL = noticesURL
    }
}
