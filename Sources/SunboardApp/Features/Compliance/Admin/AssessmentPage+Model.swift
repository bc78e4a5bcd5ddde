import Foundation
import SunboardCore

/// The assessment page and its print view.
struct AssessmentPage: Sendable {
    struct Part: Sendable {
        var name: String
        var weight: Int
        var points: String
        var basis: String
    }

    struct Note: Sendable {
        var kind: String
        var kindClass: String
        var text: String
        var by: String
    }

    struct Row: Sendable {
        var rank: Int
        var name: String
        var total: String
        var parts: [Part]
        var record: String
        var notes: [Note]
        var hasNotes: Bool
        var unitID: Int
        var complianceURL: String
    }

    var frame: Frame
    var officeName: String
    var year: Int
    var asOf: String
    var weights: AssessmentWeights
    var partNames: [Part]
    var reminderDays: Int
    var rows: [Row]
    var hasRows: Bool
    var canManage: Bool
    var settingsURL: String
    var notesURL: String
    var printURL: String
    var csvURL: String
    var previousURL: String
    var nextURL: String
    var kinds: [SelectOption]
    var communities: [SelectOption]
    var errors: [String: String]
    var error: String?
    var notice: String?
    var form: [String: String]
    /// The ledger's head, on the printed copy only.
    var stamp: LedgerStamp?

    init(
        frame: Frame, office: Unit, year: Int, settings: ComplianceSettings, ranking: [ComplianceReport.Assessed], canManage: Bool,
        errors: ValidationFailure?, notice: String?, form: [String: String], today: CalendarDate
    ) {
        self.frame = frame
        officeName = office.name
        self.year = year
        asOf = today.year == year ? "截至 \(today.chinese)" : today.year > year ? "全年" : "尚未开始"
        weights = settings.weights
        reminderDays = settings.reminderDays
        rows = ranking.map { row in
            Row(
                rank: row.rank, name: row.unit.name, total: Self.number(row.score.total),
                parts: row.score.parts.map { Part(name: $0.name, weight: $0.weight, points: Self.number($0.points), basis: $0.basis) },
                record: row.facts.record.chinese,
                notes: row.notes.map {
                    Note(kind: $0.kind.chinese, kindClass: "note-\($0.kind.rawValue)", text: $0.text, by: $0.createdBy)
                },
                hasNotes: !row.notes.isEmpty, unitID: row.unit.id, complianceURL: SiteURL.compliance(.matrix(row.unit.slug)).path)
        }
        partNames = ranking.first?.score.parts.map { Part(name: $0.name, weight: $0.weight, points: "", basis: "") } ?? []
        hasRows = !rows.isEmpty
        self.canManage = canManage
        let query = "?year=\(year)"
        settingsURL = SiteURL.compliance(.assessmentSettings(office.slug)).path + query
        notesURL = SiteURL.compliance(.assessmentNotes(office.slug)).path + query
        printURL = SiteURL.compliance(.assessmentPrint(office.slug)).path + query
        csvURL = SiteURL.compliance(.assessmentCSV(office.slug)).path + query
        previousURL = SiteURL.compliance(.assessment(office.slug)).path + "?year=\(year - 1)"
        nextURL = SiteURL.compliance(.assessment(office.slug)).path + "?year=\(year + 1)"
        kinds = AssessmentNote.Kind.allCases.map { SelectOption(value: $0.rawValue, label: $0.chinese) }
        communities = ranking.map { SelectOption(value: String($0.unit.id), label: $0.unit.name) }
        self.errors = fieldErrors(errors)
        self.error = errors?.message
        self.notice = notice
        self.form = form
    }

    /// “91.5”, “73”: one decimal, none when whole.
    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
