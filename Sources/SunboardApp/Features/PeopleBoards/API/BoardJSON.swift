import Foundation
import SunboardCore

/// `GET /api/v1/units/{slug}/boards`: the community's boards.
struct BoardSummaryJSON: Encodable, Sendable {
    var code: String
    var title: String
    var summary: String
    var onRoster: Int
    var showsCards: Bool
    var publicFields: [BoardFieldJSON]
    var url: String
    var api: String
}

struct BoardFieldJSON: Encodable, Sendable {
    var key: String
    var label: String
    /// `text`, `long_text`, `number` or `money` (money in fen).
    var kind: String

    init(_ field: BoardField) {
        key = field.key
        label = field.label
        kind = field.kind.rawValue
    }
}

/// `GET /api/v1/units/{slug}/boards/{board}`: public fields only.
struct BoardJSON: Encodable, Sendable {
    struct Card: Encodable, Sendable {
        /// Text and number fields as shown.
        var fields: [String: String]
        /// Money fields in fen.
        var amountsFen: [String: Int]
    }

    struct Count: Encodable, Sendable {
        var group: String
        var count: Int
    }

    struct Change: Encodable, Sendable {
        var date: String
        /// `added`, `adjusted`, `removed` or `imported` (an existing roster brought over once).
        var change: String
        var fields: [String: String]
        var amountBeforeFen: Nullable<Int>
        var amountAfterFen: Nullable<Int>
        /// For `imported`: how many households.
        var households: Nullable<Int>
    }

    var unit: String
    var board: String
    var title: String
    var publicFields: [BoardFieldJSON]
    var showsCards: Bool
    var onRoster: Int
    var countsBy: Nullable<String>
    var counts: [Count]
    var cards: [Card]
    var period: String
    var changes: [Change]

    init(unit: Unit, content: PublicBoard) {
        self.unit = unit.slug
        self.board = content.board.code
        self.title = content.board.title
        self.publicFields = content.publicFields.map(BoardFieldJSON.init)
        self.showsCards = content.showsCards
        self.onRoster = content.total
        self.countsBy = Nullable(content.counts.isEmpty ? nil : content.board.countsBy)
        self.counts = content.counts.map { Count(group: $0.group, count: $0.count) }
        func text(_ values: [(field: BoardField, value: String)]) -> [String: String] {
            Dictionary(uniqueKeysWithValues: values.filter { $0.field.kind != .money }.map { ($0.field.key, $0.value) })
        }
        self.cards = content.cards.map { Card(fields: text($0.values), amountsFen: $0.amounts) }
        self.period = content.period.description
        self.changes = content.changes.map {
            Change(
                date: $0.date.description, change: $0.kind.rawValue, fields: text($0.values),
                amountBeforeFen: Nullable($0.amountBefore?.value), amountAfterFen: Nullable($0.amountAfter?.value),
                households: Nullable($0.households))
        }
    }
}

/// `GET /api/v1/units/{slug}/cadres`.
struct CadreJSON: Encodable, Sendable {
    var name: String
    var post: String
    var duties: String
    var lanes: String
    var phone: String
    var photoUrl: Nullable<String>

    init(_ cadre: Cadre) {
        name = cadre.name
        post = cadre.post
        duties = cadre.duties
        lanes = cadre.lanes
        phone = cadre.phone
        photoUrl = Nullable(cadre.photoSha256.map { SiteURL.disclosures(.file($0)).path })
    }
}

/// `GET /api/v1/units/{slug}/directory`.
struct DirectoryEntryJSON: Encodable, Sendable {
    var category: String
    var categoryName: String
    var emergency: Bool
    var name: String
    var address: String
    var phone: String
    var hours: String

    init(_ entry: DirectoryEntry) {
        category = entry.kind.rawValue
        categoryName = entry.kind.chinese
        emergency = entry.kind.emergencyNumber != nil
        name = entry.name
        address = entry.address
        phone = entry.phone
        hours = entry.hours
    }
}

/// A guide, whole, in `GET /api/v1/units/{slug}/guides` and `GET /api/v1/guides/{id}`.
struct GuideJSON: Encodable, Sendable {
    struct Step: Encodable, Sendable {
        var title: String
        var detail: String
    }

    struct Form: Encodable, Sendable {
        var name: String
        var url: String
        var kind: String
    }

    var id: Int
    var unit: String
    var title: String
    var applicants: String
    var conditions: [String]
    var documents: [String]
    var steps: [Step]
    /// “不收费” when free.
    var fees: String
    var free: Bool
    var timeLimit: String
    var place: String
    var hours: String
    var contact: String
    var legalBasis: [String]
    var forms: [Form]
    var sample: Bool
    var url: String
    var printUrl: String
    var updatedAt: String

    init(_ guide: Guide, unitSlug: String) {
        let content = guide.content
        id = guide.id
        unit = unitSlug
        title = content.title
        applicants = content.applicants
        conditions = content.conditions
        documents = content.documents
        steps = content.steps.map { Step(title: $0.title, detail: $0.detail) }
        fees = content.feesText
        free = content.fees.isEmpty
        timeLimit = content.timeLimit
        place = content.place
        hours = content.hours
        contact = content.contact
        legalBasis = content.legalBasis
        forms = guide.forms.map { Form(name: $0.name, url: SiteURL.disclosures(.file($0.sha256)).path, kind: $0.kind.rawValue) }
        sample = content.isSample
        url = SiteURL.serviceBoards(.guide(guide.id)).path
        printUrl = SiteURL.serviceBoards(.guidePrint(guide.id)).path
        updatedAt = ISO8601DateFormatter().string(from: guide.updatedAt)
    }
}
