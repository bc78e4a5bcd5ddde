import Foundation
import SunboardCore

/// One card on a people board, as staff see it: every stored field.
/// Public outputs never take a card whole; they ask `publicValues`.
public struct BoardCard: Sendable, Identifiable {
    public var id: Int
    public var unitID: Int
    public var board: PeopleBoard
    public var status: CardStatus
    public var name: String
    public var values: [String: String]
    public var relatedToStaff: Bool
    public var relationNote: String?
    public var noticeDisclosureID: Int?
    public var createdAt: Date
    public var updatedAt: Date

    /// The monthly benefit in fen, for 低保 cards.
    public var benefit: Fen? { values[PeopleBoard.benefitKey].flatMap(Int.init).map(Fen.init) }

    /// The values the public may see, in the board's field order.
    public func publicValues(_ visibilities: [String: BoardVisibility]) -> [(field: BoardField, value: String)] {
        board.publicValues(values, visibilities)
    }
}

/// One step in a card's history.
public struct CardEvent: Sendable, Identifiable {
    public var id: Int
    public var cardID: Int
    public var kind: CardEventKind
    public var reviewYear: Int?
    public var amountBefore: Fen?
    public var amountAfter: Fen?
    /// The reason or remark: staff only.
    public var note: String
    public var actorName: String
    public var at: Date
}

/// A change to a roster as the public board lists it: the card's values
/// (the board keeps only the public ones) and what changed, never the reason.
public struct RosterChange: Sendable {
    public var event: CardEvent
    public var name: String
    public var values: [String: String]
}

extension PeopleBoard {
    /// Of a card's stored values, those the public may see, in field order and as shown.
    func publicValues(_ values: [String: String], _ visibilities: [String: BoardVisibility]) -> [(field: BoardField, value: String)] {
        fields.compactMap { field in
            guard visibilities[field.key] == .public, let value = values[field.key], !value.isEmpty else { return nil }
            return (field, CardInput.display(value, field: field))
        }
    }
}

struct BoardCardRow: Decodable {
    var id: Int
    var unitId: Int
    var board: String
    var status: String
    var name: String
    var fieldValues: String
    var relatedToStaff: Bool
    var relationNote: String?
    var noticeDisclosureId: Int?
    var createdAt: Int
    var updatedAt: Int

    static let columns = [
        "id", "unit_id", "board", "status", "name", "field_values", "related_to_staff", "relation_note", "notice_disclosure_id",
        "created_at", "updated_at",
    ]

    var card: BoardCard? {
        guard let board = PeopleBoard.find(board), let status = CardStatus(rawValue: status) else { return nil }
        return BoardCard(
            id: id, unitID: unitId, board: board, status: status, name: name, values: Self.decode(fieldValues),
            relatedToStaff: relatedToStaff, relationNote: relationNote, noticeDisclosureID: noticeDisclosureId,
            createdAt: Date(unixSeconds: createdAt), updatedAt: Date(unixSeconds: updatedAt))
    }

    static func decode(_ json: String) -> [String: String] {
        (try? JSONDecoder().decode([String: String].self, from: Data(json.utf8))) ?? [:]
    }

    static func encode(_ values: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: (try? encoder.encode(values)) ?? Data("{}".utf8), as: UTF8.self)
    }
}

struct CardEventRow: Decodable {
    var id: Int
    var cardId: Int
    var kind: String
    var reviewYear: Int?
    var amountBefore: Int?
    var amountAfter: Int?
    var note: String
    var actorName: String
    var happenedAt: Int

    static let columns = ["id", "card_id", "kind", "review_year", "amount_before", "amount_after", "note", "actor_name", "happened_at"]

    var event: CardEvent? {
        guard let kind = CardEventKind(rawValue: kind) else { return nil }
        return CardEvent(
            id: id, cardID: cardId, kind: kind, reviewYear: reviewYear, amountBefore: amountBefore.map(Fen.init),
            amountAfter: amountAfter.map(Fen.init), note: note, actorName: actorName, at: Date(unixSeconds: happenedAt))
    }
}
