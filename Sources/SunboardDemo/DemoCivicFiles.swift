import Foundation
import SunboardApp
import SunboardCore

/// The civic processes as JSON files in `Content/civic/` (elections,
/// meetings, hearings, projects, honors, albums), one list each. A table's
/// row (a vote, an action, a step) is a JSON array in the order its comment
/// in `DemoCivicData.swift` gives; a text of several lines may be written as
/// an array of lines. Fields with a default may be left out.
extension DemoCivicData {
    static let elections: [DemoElection] = DemoContent.load { try DemoContent.json("civic/elections") }
    static let meetings: [DemoMeeting] = DemoContent.load { try DemoContent.json("civic/meetings") }
    static let hearings: [DemoHearing] = DemoContent.load { try DemoContent.json("civic/hearings") }
    static let projects: [DemoProject] = DemoContent.load { try DemoContent.json("civic/projects") }
    static let honors: [DemoHonors] = DemoContent.load { try DemoContent.json("civic/honors") }
    static let albums: [DemoAlbum] = DemoContent.load { try DemoContent.json("civic/albums") }
}

/// One cell of a row: text, a whole number or nothing.
enum DemoCell: Codable, Equatable {
    case text(String)
    case number(Int)
    case none

    init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer()
        if value.decodeNil() {
            self = .none
        } else if let number = try? value.decode(Int.self) {
            self = .number(number)
        } else {
            self = .text(try value.decode(String.self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var value = encoder.singleValueContainer()
        switch self {
        case .text(let text): try value.encode(text)
        case .number(let number): try value.encode(number)
        case .none: try value.encodeNil()
        }
    }

    init(_ text: String?) { self = text.map(DemoCell.text) ?? .none }

    func text(_ row: [DemoCell]) throws -> String {
        guard case .text(let text) = self else { throw DemoError.bad("expected text in \(row)") }
        return text
    }

    var optionalText: String? { if case .text(let text) = self { text } else { nil } }

    func number(_ row: [DemoCell]) throws -> Int {
        guard case .number(let number) = self else { throw DemoError.bad("expected a number in \(row)") }
        return number
    }

    func value<T: RawRepresentable>(_ row: [DemoCell]) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: try text(row)) else { throw DemoError.bad("unknown \(T.self) in \(row)") }
        return value
    }
}

/// Rows of a fixed width, checked as they are read.
func demoRows(_ rows: [[DemoCell]], width: Int) throws -> [[DemoCell]] {
    for row in rows where row.count != width { throw DemoError.bad("a row of \(width) expected: \(row)") }
    return rows
}

/// A text read as one string or as an array of lines; written as lines when it has several.
struct DemoText: Codable {
    var text: String

    init(_ text: String) { self.text = text }

    init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer()
        if let lines = try? value.decode([String].self) {
            text = lines.joined(separator: "\n")
        } else {
            text = try value.decode(String.self)
        }
    }

    func encode(to encoder: any Encoder) throws {
        var value = encoder.singleValueContainer()
        if text.contains("\n") {
            try value.encode(text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        } else {
            try value.encode(text)
        }
    }
}

extension DemoDisclosure.Stage {
    var word: String {
        switch self {
        case .draft: "draft"
        case .submitted: "submitted"
        case .approved: "approved"
        case .published: "published"
        case .returned: "returned"
        }
    }

    init(word: String) throws {
        switch word {
        case "draft": self = .draft
        case "submitted": self = .submitted
        case "approved": self = .approved
        case "published": self = .published
        default: throw DemoError.bad("unknown state \(word)")
        }
    }
}

extension DemoStage: Codable {
    enum CodingKeys: String, CodingKey { case stage, published, details, count, names, state }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            stage: try c.decode(ElectionStage.self, forKey: .stage), published: try c.decode(String.self, forKey: .published),
            details: try c.decode(DemoText.self, forKey: .details).text, count: try c.decodeIfPresent(Int.self, forKey: .count),
            names: try c.decodeIfPresent([String].self, forKey: .names) ?? [],
            state: try DemoDisclosure.Stage(word: try c.decodeIfPresent(String.self, forKey: .state) ?? "published"))
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(stage, forKey: .stage)
        try c.encode(published, forKey: .published)
        try c.encode(DemoText(details), forKey: .details)
        try c.encodeIfPresent(count, forKey: .count)
        if !names.isEmpty { try c.encode(names, forKey: .names) }
        if state.word != "published" { try c.encode(state.word, forKey: .state) }
    }
}

extension DemoMeeting: Codable {
    enum CodingKeys: String, CodingKey { case community, agendaTitle, startsAt, place, members, present, decisions, decisionsPublished }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            community: try c.decode(String.self, forKey: .community), agendaTitle: try c.decode(String.self, forKey: .agendaTitle),
            startsAt: try c.decode(String.self, forKey: .startsAt), place: try c.decode(String.self, forKey: .place),
            members: try c.decode(Int.self, forKey: .members), present: try c.decode(Int.self, forKey: .present),
            decisions: try demoRows(try c.decode([[DemoCell]].self, forKey: .decisions), width: 4).map { row in
                (try row[0].text(row), try row[1].number(row), try row[2].number(row), try row[3].number(row))
            },
            decisionsPublished: try c.decodeIfPresent(String.self, forKey: .decisionsPublished))
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(community, forKey: .community)
        try c.encode(agendaTitle, forKey: .agendaTitle)
        try c.encode(startsAt, forKey: .startsAt)
        try c.encode(place, forKey: .place)
        try c.encode(members, forKey: .members)
        try c.encode(present, forKey: .present)
        try c.encode(decisions.map { [DemoCell.text($0.0), .number($0.1), .number($0.2), .number($0.3)] }, forKey: .decisions)
        try c.encodeIfPresent(decisionsPublished, forKey: .decisionsPublished)
    }
}

extension DemoHearing: Codable {
    enum CodingKeys: String, CodingKey { case community, topic, heldOn, place, participants, decision, published, actions, updates }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            community: try c.decode(String.self, forKey: .community), topic: try c.decode(String.self, forKey: .topic),
            heldOn: try c.decode(String.self, forKey: .heldOn), place: try c.decode(String.self, forKey: .place),
            participants: try c.decode(DemoText.self, forKey: .participants).text,
            decision: try c.decode(DemoText.self, forKey: .decision).text, published: try c.decode(String.self, forKey: .published),
            actions: try demoRows(try c.decode([[DemoCell]].self, forKey: .actions), width: 3).map { row in
                (try row[0].text(row), try row[1].text(row), try row[2].text(row))
            },
            updates: try c.decode([DemoHearingUpdate].self, forKey: .updates))
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(community, forKey: .community)
        try c.encode(topic, forKey: .topic)
        try c.encode(heldOn, forKey: .heldOn)
        try c.encode(place, forKey: .place)
        try c.encode(DemoText(participants), forKey: .participants)
        try c.encode(DemoText(decision), forKey: .decision)
        try c.encode(published, forKey: .published)
        try c.encode(actions.map { [DemoCell.text($0.0), .text($0.1), .text($0.2)] }, forKey: .actions)
        try c.encode(updates, forKey: .updates)
    }
}

extension DemoHearingUpdate: Codable {
    enum CodingKeys: String, CodingKey { case published, note, statuses }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            published: try c.decode(String.self, forKey: .published), note: try c.decode(DemoText.self, forKey: .note).text,
            statuses: try demoRows(try c.decode([[DemoCell]].self, forKey: .statuses), width: 2).map { row in
                (try row[0].value(row), row[1].optionalText)
            })
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(published, forKey: .published)
        try c.encode(DemoText(note), forKey: .note)
        try c.encode(statuses.map { [DemoCell.text($0.0.rawValue), DemoCell($0.1)] }, forKey: .statuses)
    }
}

extension DemoProject: Codable {
    enum CodingKeys: String, CodingKey {
        case community, year, name, summary, budget, funding, contractor, weight, parent, milestones, updates, spendingKeyword
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            community: try c.decode(String.self, forKey: .community), year: try c.decode(Int.self, forKey: .year),
            name: try c.decode(String.self, forKey: .name), summary: try c.decode(DemoText.self, forKey: .summary).text,
            budget: try c.decode(String.self, forKey: .budget), funding: try c.decode(String.self, forKey: .funding),
            contractor: try c.decode(String.self, forKey: .contractor), weight: try c.decodeIfPresent(Int.self, forKey: .weight) ?? 1,
            parent: try c.decodeIfPresent(String.self, forKey: .parent),
            milestones: try demoRows(try c.decode([[DemoCell]].self, forKey: .milestones), width: 4).map { row in
                (try row[0].text(row), try row[1].text(row), try row[2].text(row), try row[3].number(row))
            },
            updates: try c.decode([DemoProjectUpdate].self, forKey: .updates),
            spendingKeyword: try c.decodeIfPresent(String.self, forKey: .spendingKeyword))
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(community, forKey: .community)
        try c.encode(year, forKey: .year)
        try c.encode(name, forKey: .name)
        try c.encode(DemoText(summary), forKey: .summary)
        try c.encode(budget, forKey: .budget)
        try c.encode(funding, forKey: .funding)
        try c.encode(contractor, forKey: .contractor)
        if weight != 1 { try c.encode(weight, forKey: .weight) }
        try c.encodeIfPresent(parent, forKey: .parent)
        try c.encode(milestones.map { [DemoCell.text($0.0), .text($0.1), .text($0.2), .number($0.3)] }, forKey: .milestones)
        try c.encode(updates, forKey: .updates)
        try c.encodeIfPresent(spendingKeyword, forKey: .spendingKeyword)
    }
}

extension DemoProjectUpdate: Codable {
    enum CodingKeys: String, CodingKey { case published, note, steps, photos }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            published: try c.decode(String.self, forKey: .published), note: try c.decode(DemoText.self, forKey: .note).text,
            steps: try demoRows(try c.decode([[DemoCell]].self, forKey: .steps), width: 4).map { row in
                (try row[0].value(row), try row[1].number(row), row[2].optionalText, row[3].optionalText)
            },
            photos: try c.decodeIfPresent([String].self, forKey: .photos) ?? [])
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(published, forKey: .published)
        try c.encode(DemoText(note), forKey: .note)
        try c.encode(steps.map { [DemoCell.text($0.0.rawValue), .number($0.1), DemoCell($0.2), DemoCell($0.3)] }, forKey: .steps)
        if !photos.isEmpty { try c.encode(photos, forKey: .photos) }
    }
}

extension DemoHonors: Codable {
    enum CodingKeys: String, CodingKey { case community, year, published, entries }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            community: try c.decode(String.self, forKey: .community), year: try c.decode(Int.self, forKey: .year),
            published: try c.decode(String.self, forKey: .published),
            entries: try demoRows(try c.decode([[DemoCell]].self, forKey: .entries), width: 3).map { row in
                (try row[0].text(row), try row[1].text(row), try row[2].text(row))
            })
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(community, forKey: .community)
        try c.encode(year, forKey: .year)
        try c.encode(published, forKey: .published)
        try c.encode(entries.map { [DemoCell.text($0.0), .text($0.1), .text($0.2)] }, forKey: .entries)
    }
}

extension DemoAlbum: Codable {
    enum CodingKeys: String, CodingKey { case community, title, heldOn, place, published, photos }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            community: try c.decode(String.self, forKey: .community), title: try c.decode(String.self, forKey: .title),
            heldOn: try c.decode(String.self, forKey: .heldOn), place: try c.decode(String.self, forKey: .place),
            published: try c.decode(String.self, forKey: .published),
            photos: try demoRows(try c.decode([[DemoCell]].self, forKey: .photos), width: 2).map { row in
                (try row[0].text(row), try row[1].text(row))
            })
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(community, forKey: .community)
        try c.encode(title, forKey: .title)
        try c.encode(heldOn, forKey: .heldOn)
        try c.encode(place, forKey: .place)
        try c.encode(published, forKey: .published)
        try c.encode(photos.map { [DemoCell.text($0.0), .text($0.1)] }, forKey: .photos)
    }
}
