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
enum DemoCell: Decodable, Equatable {
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

/// A text read as one string or as an array of lines.
struct DemoText: Decodable {
    var text: String

    init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer()
        if let lines = try? value.decode([String].self) {
            text = lines.joined(separator: "\n")
        } else {
            text = try value.decode(String.self)
        }
    }
}

extension DemoDisclosure.Stage {
    /// A stage as the files write it; a returned stage needs its comment, so it is not one.
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

extension DemoStage: Decodable {
    enum CodingKeys: String, CodingKey { case stage, published, details, count, names, state }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            stage: try c.decode(ElectionStage.self, forKey: .stage), published: try c.decode(String.self, forKey: .published),
            details: try c.decode(DemoText.self, forKey: .details).text, count: try c.decodeIfPresent(Int.self, forKey: .count),
            names: try c.decodeIfPresent([String].self, forKey: .names) ?? [],
            state: try DemoDisclosure.Stage(word: try c.decodeIfPresent(String.self, forKey: .state) ?? "published"))
    }
}

extension DemoMeeting: Decodable {
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
}

extension DemoHearing: Decodable {
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
}

extension DemoHearingUpdate: Decodable {
    enum CodingKeys: String, CodingKey { case published, note, statuses }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            published: try c.decode(String.self, forKey: .published), note: try c.decode(DemoText.self, forKey: .note).text,
            statuses: try demoRows(try c.decode([[DemoCell]].self, forKey: .statuses), width: 2).map { row in
                (try row[0].value(row), row[1].optionalText)
            })
    }
}

extension DemoProject: Decodable {
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
}

extension DemoProjectUpdate: Decodable {
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
}

extension DemoHonors: Decodable {
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
}

extension DemoAlbum: Decodable {
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
}
