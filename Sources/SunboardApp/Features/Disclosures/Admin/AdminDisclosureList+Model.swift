import Foundation
import SunboardCore

/// A unit's working copies, by status.
struct AdminDisclosureList: Sendable {
    struct Tab: Sendable {
        var label: String
        var url: String
        var count: Int
        var selected: Bool
    }

    struct Row: Sendable {
        var title: String
        var url: String
        var itemTitle: String
        var period: String
        var status: String
        var statusKey: String
        var updated: String
        var published: Bool
    }

    var frame: Frame
    var unitName: String
    var tabs: [Tab]
    var rows: [Row]
    var hasRows: Bool
    var canDraft: Bool
    var newURL: String
    var catalogURL: String

    init(
        unit: Unit, listings: [AdminListing], counts: [DisclosureStatus: Int], selected: DisclosureStatus?, items: [Int: CatalogItem],
        canDraft: Bool, frame: Frame
    ) {
        let base = SiteURL.disclosures(.adminList(unit.slug)).path
        self.frame = frame
        self.unitName = unit.name
        self.tabs =
            [Tab(label: "全部", url: base, count: counts.values.reduce(0, +), selected: selected == nil)]
            + DisclosureStatus.allCases.map {
                Tab(label: $0.chinese, url: base + "?status=\($0.rawValue)", count: counts[$0] ?? 0, selected: $0 == selected)
            }
        self.rows = listings.map {
            Row(
                title: $0.title, url: SiteURL.disclosures(.admin(unit.slug, $0.id)).path, itemTitle: items[$0.itemID]?.title ?? "",
                period: $0.period?.chinese ?? "", status: $0.status.chinese, statusKey: $0.status.rawValue,
                updated: ShanghaiTime.dateTime($0.updatedAt),
                published: $0.publishedVersion > 0 && $0.status != .published && $0.status != .withdrawn)
        }
        self.hasRows = !rows.isEmpty
        self.canDraft = canDraft
        self.newURL = SiteURL.disclosures(.adminNew(unit.slug)).path
        self.catalogURL = SiteURL.catalog(.admin(unit.slug)).path
    }
}

/// The first step of a new disclosure: which catalog item it is.
struct ItemChooser: Sendable {
    struct Choice: Sendable {
        var title: String
        var url: String
        var schedule: String
    }

    struct Group: Sendable {
        var title: String
        var choices: [Choice]
    }

    var frame: Frame
    var groups: [Group]

    init(unit: Unit, catalog: [CatalogItem], frame: Frame) {
        self.frame = frame
        self.groups = DisclosureClass.allCases.map { disclosureClass in
            Group(
                title: disclosureClass.chinese,
                choices: catalog.filter { $0.disclosureClass == disclosureClass && $0.isActive }.map {
                    Choice(
                        title: $0.title, url: SiteURL.disclosures(.adminNew(unit.slug)).path + "?item=\($0.id)",
                        schedule: $0.scheduleChinese)
                })
        }.filter { !$0.choices.isEmpty }
    }
}
