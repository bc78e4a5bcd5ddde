import Foundation
import SunboardCore

/// The office's matrix: a column per item, a line per community.
struct MatrixPage: Sendable {
    struct Header: Sendable {
        var item: String
        var period: String
        var due: String
        var owner: String?
        var summary: String
    }

    struct Cell: Sendable {
        /// The item and its period: the cell's label when a phone shows a community as a card.
        var label: String
        var mark: String
        var title: String
        var statusClass: String
        /// The disclosure, or the gap; empty where the community owes nothing
        /// (a field of its own: a missing one would fall back to the line's `url`).
        var link: String
        var applies: Bool
    }

    struct Line: Sendable {
        var name: String
        var url: String
        var summary: String
        var cells: [Cell]
    }

    struct PageLink: Sendable {
        var number: Int
        var url: String
        var current: Bool
    }

    var frame: Frame
    var period: String
    var periodValue: String
    var previousURL: String
    var nextURL: String
    var csvURL: String
    var headers: [Header]
    var lines: [Line]
    var hasLines: Bool
    var total: String
    var communities: Int
    var pages: [PageLink]
    var hasPages: Bool
    var assessmentURL: String

    init(frame: Frame, office: Unit, matrix: ComplianceReport.Matrix, today: CalendarDate) {
        let base = SiteURL.compliance(.matrix(office.slug)).path
        self.frame = frame
        period = matrix.period.chinese
        periodValue = matrix.period.description
        previousURL = base + "?period=\(matrix.period.previous)"
        nextURL = base + "?period=\(matrix.period.next)"
        csvURL = SiteURL.compliance(.matrixCSV(office.slug)).path + "?period=\(matrix.period)"
        headers = matrix.columns.map { column in
            let summary = column.summary
            return Header(
                item: column.item.title, period: column.period.chinese, due: column.due.chinese,
                owner: column.owner.map { "\($0.name)细则" },
                summary: "按时 \(summary.onTime) · 迟 \(summary.late) · 缺 \(summary.missing)"
                    + (summary.upcoming > 0 ? " · 未到期 \(summary.upcoming)" : ""))
        }
        lines = matrix.lines.map { line in
            Line(
                name: line.unit.name, url: SiteURL.compliance(.matrix(line.unit.slug)).path + "?period=\(matrix.period)",
                summary: "按时 \(line.record.onTime)/\(line.record.due)",
                cells: zip(matrix.columns, line.cells).map { column, cell in
                    let label = "\(column.item.title)（\(column.period.chinese)）"
                    guard let cell else {
                        return Cell(label: label, mark: "—", title: "不适用", statusClass: "status-none", link: "", applies: false)
                    }
                    // The disclosure when there is one; else the gap, on the community's own page.
                    let url =
                        cell.disclosureID.map { SiteURL.disclosures(.page($0)).path }
                        ?? SiteURL.compliance(.matrix(line.unit.slug)).path + "?period=\(column.period)"
                    return Cell(
                        label: label, mark: cell.status.mark,
                        title: "\(line.unit.name) · \(column.item.title) · \(column.period.chinese)：\(cell.status.chinese)",
                        statusClass: "status-\(cell.status.code)", link: url, applies: true)
                })
        }
        hasLines = !lines.isEmpty
        total = matrix.total.chinese
        communities = matrix.communities
        pages =
            matrix.pages > 1
            ? (1...matrix.pages).map { PageLink(number: $0, url: base + "?period=\(matrix.period)&page=\($0)", current: $0 == matrix.page) }
            : []
        hasPages = matrix.pages > 1
        assessmentURL = SiteURL.compliance(.assessment(office.slug)).path
    }
}

/// A community's own page: what needs doing, the chosen period, the record.
struct CommunityCompliancePage: Sendable {
    var frame: Frame
    var name: String
    var reminderDays: Int
    var pending: [ObligationView]
    var hasPending: Bool
    var period: String
    var periodValue: String
    var previousURL: String
    var nextURL: String
    var chosen: [ObligationView]
    var hasChosen: Bool
    var record: String
    var recordURL: String

    init(
        frame: Frame, unit: Unit, pending: [ObligationRow], chosen: ComplianceReport.Matrix, record: OnTimeRecord, reminderDays: Int,
        canDraft: Bool
    ) {
        let draft = { (row: ObligationRow) in
            canDraft ? SiteURL.disclosures(.adminNew(unit.slug)).path + "?item=\(row.itemID)&period=\(row.period)" : nil
        }
        self.frame = frame
        name = unit.name
        self.reminderDays = reminderDays
        self.pending = pending.map { ObligationView($0, draftURL: draft($0)) }
        hasPending = !pending.isEmpty
        period = chosen.period.chinese
        periodValue = chosen.period.description
        let base = SiteURL.compliance(.matrix(unit.slug)).path
        previousURL = base + "?period=\(chosen.period.previous)"
        nextURL = base + "?period=\(chosen.period.next)"
        let line = chosen.lines.first
        self.chosen = zip(chosen.columns, line?.cells ?? []).compactMap { column, cell in
            guard let cell else { return nil }
            let row = ObligationRow(
                itemID: column.item.id, itemCode: column.item.code, itemTitle: column.item.title, period: column.period, due: column.due,
                status: cell.status, disclosureID: cell.disclosureID, publishedOn: cell.publishedOn)
            return ObligationView(row, draftURL: draft(row))
        }
        hasChosen = !self.chosen.isEmpty
        self.record = record.chinese
        recordURL = SiteURL.ledger(.unitRecord(unit.slug)).path
    }
}
