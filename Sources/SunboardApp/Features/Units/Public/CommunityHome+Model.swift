import Foundation
import SunboardCore

/// A community's public home: the bulletin board (居务公开栏), section by
/// section, filled from what is published. Sections without content say so
/// plainly.
struct CommunityHome: Sendable {
    struct Section: Sendable {
        var id: String
        var title: String
        var summary: String
        var emptyText: String
        /// 基本概况 only.
        var profile: ProfileContent?
        /// Latest published disclosures of the section's items.
        var listings: [ListingLink]
        /// Standing items' text, shown in full on the board.
        var standing: [StandingBlock]
        /// Periodic items with their latest period (the 定期公开 section).
        var periodic: [PeriodicRow]
        var moreURL: String?
        /// A section's own page, e.g. the finance board with every line.
        var boardURL: String?
        var boardLabel: String?
        var isEmpty: Bool
        var hasListings: Bool
        var hasPeriodic: Bool
    }

    struct ProfileContent: Sendable {
        var facts: UnitFacts
        var contact: UnitContact
        var introduction: String?
        /// “2026年11月27日”: residents can tell how fresh the figures are.
        var updated: String?
    }

    struct StandingBlock: Sendable {
        var title: String
        var url: String
        var bodyHTML: String
        var updated: String
    }

    struct PeriodicRow: Sendable {
        var item: String
        var schedule: String
        var latest: ListingLink?
    }

    struct SectionGroup: Sendable {
        var key: String
        var title: String
        var sections: [Section]
    }

    var frame: Frame
    var name: String
    var contact: UnitContact
    var catalogURL: String
    /// Every public record of the community, as CSV and JSON.
    var openDataURL: String
    var disclosuresURL: String
    var feedURL: String
    var leafletURL: String
    /// `/units/{slug}`: the civic pages hang below it.
    var civicURL: String
    var feeds: [FeedLink]
    var groups: [SectionGroup]
    /// The on-time record of the last 12 months.
    var record: RecordPanel?

    /// A feed to subscribe to: all of the community's publications, or one class.
    struct FeedLink: Sendable {
        var title: String
        var url: String
    }

    /// What is published, as the board needs it.
    struct Content: Sendable {
        var catalog: [CatalogItem]
        var recent: [PublicListing]
        /// The latest period of each periodic item, however old.
        var latestPeriodic: [PublicListing]
        var standing: [StandingContent]
        /// How much each section with a page of its own holds there (rosters, cadres, …).
        var pageCounts: [String: Int] = [:]
    }

    /// The sections that link to a feature's own page, by section id.
    static let boardLinks = Dictionary(uniqueKeysWithValues: Features.all.flatMap(\.boardLinks).map { ($0.section, $0) })

    /// Latest disclosures listed per live section.
    static let perSection = 5
    static let notices = 8

    init(community: Unit, parent: Unit?, content: Content, today: CalendarDate, assets: StaticAssets) {
        var crumbs: [Frame.Crumb] = []
        if let parent { crumbs.append(.init(title: parent.name, url: SiteURL.units(.page(parent.slug)).path)) }
        crumbs.append(.init(title: community.name, url: SiteURL.units(.page(community.slug)).path))
        self.frame = Frame(title: "\(community.name)居务公开栏", crumbs: crumbs, assets: assets)
        self.name = community.name
        self.contact = UnitContact(community.profile)
        self.catalogURL = SiteURL.disclosures(.catalog(community.slug)).path
        self.openDataURL = SiteURL.ledger(.openData(community.slug)).path
        self.disclosuresURL = SiteURL.disclosures(.list(community.slug)).path
        self.feedURL = SiteURL.disclosures(.feed(community.slug)).path
        self.leafletURL = SiteURL.disclosures(.leaflet(community.slug)).path
        self.civicURL = SiteURL.units(.page(community.slug)).path
        self.feeds =
            [FeedLink(title: "全部", url: feedURL)]
            + DisclosureClass.allCases.map {
                FeedLink(title: $0.chinese, url: SiteURL.disclosures(.feed(community.slug)).path + "?class=\($0.rawValue)")
            }

        let items = Dictionary(uniqueKeysWithValues: content.catalog.map { ($0.id, $0) })
        let live = content.recent.filter { !$0.withdrawn }
        let link = { (listing: PublicListing) in ListingLink(listing, item: items[listing.itemID], today: today) }
        let profile = ProfileContent(
            facts: UnitFacts(community.profile),
            contact: UnitContact(community.profile),
            introduction: community.profile.introduction.isEmpty ? nil : community.profile.introduction,
            updated: community.profile.updatedAt.map(ShanghaiTime.date)
        )
        let hasProfile = !profile.facts.isEmpty || !profile.contact.isEmpty || profile.introduction != nil

        let sections = BoardSection.community.map { section -> Section in
            var result = Section(
                id: section.id, title: section.title, summary: section.summary, emptyText: section.emptyText,
                profile: nil, listings: [], standing: [], periodic: [], moreURL: nil, boardURL: nil, boardLabel: nil, isEmpty: true,
                hasListings: false,
                hasPeriodic: false)
            let sectionItems = content.catalog.filter { $0.boardSection == section.id }
            switch section.id {
            case "profile":
                result.profile = hasProfile ? profile : nil
            case "notices":
                result.listings = live.filter { items[$0.itemID]?.disclosureClass == .immediate }.prefix(Self.notices).map(link)
            case "periodic":
                result.periodic = content.catalog.filter { $0.disclosureClass == .periodic }.map { item in
                    PeriodicRow(
                        item: item.title, schedule: item.scheduleChinese,
                        latest: content.latestPeriodic.first { $0.itemID == item.id }.map(link))
                }
            default:
                // Every standing disclosure of the section (several 政策法规, say), in catalog order.
                let standingIDs = sectionItems.filter { $0.disclosureClass == .standing }.map(\.id)
                let ordered = standingIDs.flatMap { id in content.standing.filter { $0.itemID == id } }
                result.standing = ordered.map {
                    StandingBlock(
                        title: $0.title, url: SiteURL.disclosures(.page($0.id)).path, bodyHTML: Markdown.html($0.body, under: 4),
                        updated: ShanghaiTime.date($0.lastPublishedAt))
                }
                let otherIDs = Set(sectionItems.filter { $0.disclosureClass != .standing }.map(\.id))
                result.listings = live.filter { otherIDs.contains($0.itemID) }.prefix(Self.perSection).map(link)
            }
            // The periodic rows say “尚未公开” themselves: an item never
            // published is news a resident should see.
            result.isEmpty = result.profile == nil && result.listings.isEmpty && result.standing.isEmpty && result.periodic.isEmpty
            result.hasListings = !result.listings.isEmpty
            result.hasPeriodic = !result.periodic.isEmpty
            // Sections with a page of their own link to it.
            if let page = Self.boardLinks[section.id] {
                result.boardURL = page.url(community.slug).path
                result.boardLabel = page.label
                if (content.pageCounts[section.id] ?? 0) > 0 { result.isEmpty = false }
            }
            if !result.listings.isEmpty {
                result.moreURL = SiteURL.disclosures(.list(community.slug)).path + "?section=\(section.id)"
            }
            return result
        }
        let titles: [(BoardSection.Group, String)] = [(.live, "公开动态"), (.services, "便民服务"), (.standing, "公开栏")]
        self.groups = titles.map { group, title in
            SectionGroup(
                key: group.rawValue, title: title, sections: zip(BoardSection.community, sections).filter { $0.0.group == group }.map(\.1))
        }
    }
}
