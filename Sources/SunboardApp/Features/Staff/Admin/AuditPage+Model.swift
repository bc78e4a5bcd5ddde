import Foundation
import SunboardCore

/// The audit log as the office reads it, filtered.
struct AuditPage: Sendable {
    struct Row: Sendable {
        var id: Int
        var date: String
        var actor: String
        var action: String
        var unit: String
        var subject: String
        var detail: String
        var address: String
    }

    var frame: Frame
    var rows: [Row]
    var hasRows: Bool
    var units: [SelectOption]
    var actions: [SelectOption]
    var actor: String
    var from: String
    var until: String
    var action: String
    var nextURL: String?
    var error: String?
}

/// The audit page's query string, checked.
struct AuditQuery: Sendable {
    var unitID: Int?
    var action: String?
    var actor: String?
    var from: CalendarDate?
    var until: CalendarDate?
    var before: Int?
    var error: String?

    init(_ parameters: [String: String]) {
        unitID = parameters["unit"].flatMap(Int.init)
        action = parameters["action"].flatMap { $0.isEmpty ? nil : $0 }
        actor = parameters["actor"].map(\.trimmed).flatMap { $0.isEmpty ? nil : $0 }
        before = parameters["before"].flatMap(Int.init)
        var problems: [String] = []
        for (key, label) in [("from", "开始日期"), ("until", "结束日期")] {
            guard let text = parameters[key], !text.isEmpty else { continue }
            if let date = CalendarDate(text), (1900...2999).contains(date.year) {
                if key == "from" { from = date } else { until = date }
            } else {
                problems.append("“\(label)”请写成 2026-03-05 这样的日期")
            }
        }
        error = problems.isEmpty ? nil : problems.joined(separator: "；") + "。"
    }

    func url(before id: Int) -> String {
        var parts: [String] = []
        if let unitID { parts.append("unit=\(unitID)") }
        if let action { parts.append("action=\(action.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")") }
        if let actor { parts.append("actor=\(actor.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")") }
        if let from { parts.append("from=\(from)") }
        if let until { parts.append("until=\(until)") }
        parts.append("before=\(id)")
        return SiteURL.staff(.audit).path + "?" + parts.joined(separator: "&")
    }
}
