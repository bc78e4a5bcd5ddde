import SunboardCore

/// How an obligation reads on a page: its status in words (readable without
/// colour) and a class for the colour.
struct ObligationView: Sendable {
    var item: String
    var period: String
    var due: String
    var status: String
    var mark: String
    var statusClass: String
    var published: String?
    /// The disclosure that fulfils it.
    var url: String?
    /// For staff: where to write it.
    var draftURL: String?

    init(_ row: ObligationRow, draftURL: String? = nil) {
        item = row.itemTitle
        period = row.period.chinese
        due = row.due.chinese
        status = row.status.chinese
        mark = row.status.mark
        statusClass = "status-\(row.status.code)"
        published = row.publishedOn?.chinese
        url = row.disclosureID.map { SiteURL.disclosures(.page($0)).path }
        self.draftURL = row.disclosureID == nil ? draftURL : nil
    }
}

/// The on-time record on a community's board: the year's figures and what
/// was late or missing.
struct RecordPanel: Sendable {
    var summary: String
    var rate: String
    var problems: [ObligationView]
    var hasProblems: Bool
    var url: String

    /// Late and missing items, newest first, at most this many on the board.
    static let shown = 6

    init(slug: String, rows: [ObligationRow], record: OnTimeRecord) {
        summary = record.chinese
        rate = record.due == 0 ? "—" : Percent.text(record.onTimeRate)
        problems = rows.filter {
            switch $0.status {
            case .late, .missing: true
            case .onTime, .upcoming: false
            }
        }.reversed().prefix(Self.shown).map { ObligationView($0) }
        hasProblems = !problems.isEmpty
        url = SiteURL.ledger(.unitRecord(slug)).path
    }
}
