import Foundation
import SunboardCore

/// `/units/{slug}/cadres`: the 干部监督台.
struct CadresPage: Sendable {
    struct Person: Sendable {
        var name: String
        var initial: String
        var post: String
        var duties: String
        var lanes: String
        var phone: String
        var photoURL: String?
    }

    var frame: Frame
    var unitName: String
    var people: [Person]
    var isEmpty: Bool

    init(unit: Unit, parent: Unit?, cadres: [Cadre], assets: StaticAssets) {
        frame = Frame(title: "干部监督台 · \(unit.name)", crumbs: Frame.Crumb.trail(to: unit, parent: parent), assets: assets)
        unitName = unit.name
        people = cadres.map {
            Person(
                name: $0.name, initial: String($0.name.prefix(1)), post: $0.post, duties: $0.duties, lanes: $0.lanes, phone: $0.phone,
                photoURL: $0.photoSha256.map { SiteURL.disclosures(.file($0)).path })
        }
        isEmpty = cadres.isEmpty
    }
}

/// `/units/{slug}/directory`: the 便民指示牌, emergency numbers first.
struct DirectoryPage: Sendable {
    struct Line: Sendable {
        var category: String
        var name: String
        var address: String
        var phone: String
        var hours: String
    }

    var frame: Frame
    var unitName: String
    var emergency: [Line]
    var services: [Line]
    var hasEmergency: Bool
    var hasServices: Bool
    var isEmpty: Bool

    init(unit: Unit, parent: Unit?, entries: [DirectoryEntry], assets: StaticAssets) {
        frame = Frame(title: "便民指示牌 · \(unit.name)", crumbs: Frame.Crumb.trail(to: unit, parent: parent), assets: assets)
        unitName = unit.name
        func line(_ entry: DirectoryEntry) -> Line {
            Line(
                category: entry.kind.chinese, name: entry.name, address: entry.address == "—" ? "" : entry.address, phone: entry.phone,
                hours: entry.hours)
        }
        emergency = entries.filter { $0.kind.emergencyNumber != nil }.map(line)
        services = entries.filter { $0.kind.emergencyNumber == nil }.map(line)
        hasEmergency = !emergency.isEmpty
        hasServices = !services.isEmpty
        isEmpty = entries.isEmpty
    }
}

/// `/units/{slug}/guides`: the matters residents can get done.
struct GuidesPage: Sendable {
    struct Row: Sendable {
        var title: String
        var applicants: String
        var fees: String
        var timeLimit: String
        var url: String
    }

    var frame: Frame
    var unitName: String
    var rows: [Row]
    var isEmpty: Bool

    init(unit: Unit, parent: Unit?, guides: [Guide], assets: StaticAssets) {
        frame = Frame(title: "办事指南 · \(unit.name)", crumbs: Frame.Crumb.trail(to: unit, parent: parent), assets: assets)
        unitName = unit.name
        rows = guides.map {
            Row(
                title: $0.content.title, applicants: $0.content.applicants, fees: $0.content.feesText, timeLimit: $0.content.timeLimit,
                url: SiteURL.serviceBoards(.guide($0.id)).path + "?unit=\(unit.slug)")
        }
        isEmpty = guides.isEmpty
    }
}

/// `/guides/{id}`: one matter, its steps drawn as a flow chart; and its print view.
struct GuidePage: Sendable {
    struct Step: Sendable {
        var number: Int
        var title: String
        var detail: String
        var isLast: Bool
    }

    struct Form: Sendable {
        var name: String
        var url: String
        var kind: String
    }

    var frame: Frame
    var title: String
    var ownerName: String
    var content: GuideContent
    /// “不收费” when free (a template reads stored properties only).
    var fees: String
    var steps: [Step]
    var forms: [Form]
    var hasForms: Bool
    var hasConditions: Bool
    var hasLegalBasis: Bool
    var printURL: String
    var updated: String
    /// Its versions in the public ledger.
    var ledgerURL: String
    /// The ledger's head, on the printed copy only.
    var stamp: LedgerStamp?

    init(guide: Guide, owner: Unit, community: Unit?, assets: StaticAssets) {
        var crumbs: [Frame.Crumb] = []
        let home = community ?? owner
        crumbs.append(.init(title: home.name, url: SiteURL.units(.page(home.slug)).path))
        if home.kind == .community { crumbs.append(.init(title: "办事指南", url: SiteURL.serviceBoards(.guides(home.slug)).path)) }
        frame = Frame(title: "\(guide.content.title) · 办事指南", crumbs: crumbs, assets: assets)
        title = guide.content.title
        ownerName = owner.name
        content = guide.content
        fees = guide.content.feesText
        steps = guide.content.steps.enumerated().map {
            Step(
                number: $0.offset + 1, title: $0.element.title, detail: $0.element.detail,
                isLast: $0.offset == guide.content.steps.count - 1)
        }
        forms = guide.forms.map { Form(name: $0.name, url: SiteURL.disclosures(.file($0.sha256)).path, kind: $0.kind.chinese) }
        hasForms = !forms.isEmpty
        hasConditions = !guide.content.conditions.isEmpty
        hasLegalBasis = !guide.content.legalBasis.isEmpty
        printURL = SiteURL.serviceBoards(.guidePrint(guide.id)).path + (community.map { "?unit=\($0.slug)" } ?? "")
        updated = ShanghaiTime.date(guide.updatedAt)
        ledgerURL = SiteURL.Ledger.record(GuideRecord.name, guide.id)
    }
}
