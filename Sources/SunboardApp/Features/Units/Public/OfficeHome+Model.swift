import SunboardCore

/// The office's public home: its facts and its communities.
struct OfficeHome: Sendable {
    struct Community: Sendable {
        var name: String
        var url: String
        var population: String?
        var contact: UnitContact
        /// “按时公开 89%（近 12 个月）”.
        var record: String?
        var recordURL: String
    }

    var frame: Frame
    var name: String
    var introduction: String?
    var facts: UnitFacts
    var hasProfile: Bool
    var contact: UnitContact
    var communities: [Community]
    var hasCommunities: Bool
    var loginURL: String
    var openDataURL: String
    var bulletinsURL: String

    init(office: Unit, communities: [Unit], records: [Int: OnTimeRecord] = [:], assets: StaticAssets) {
        self.bulletinsURL = SiteURL.civic(.page(office.slug, "bulletins")).path
        self.frame = Frame(title: "\(office.name)居务公开", assets: assets)
        self.name = office.name
        self.introduction = office.profile.introduction.isEmpty ? nil : office.profile.introduction
        self.facts = UnitFacts(office.profile, communities: communities.count)
        self.hasProfile = !facts.isEmpty || introduction != nil
        self.contact = UnitContact(office.profile)
        self.communities = communities.map {
            Community(
                name: $0.name,
                url: SiteURL.units(.page($0.slug)).path,
                population: $0.profile.population.map { "\(ChineseNumber.wan($0))人" },
                contact: UnitContact($0.profile),
                record: records[$0.id].map {
                    $0.due == 0 ? "还没有到期的定期公开" : "近 12 个月按时公开 \(Percent.text($0.onTimeRate))（\($0.onTime)/\($0.due)）"
                },
                recordURL: SiteURL.ledger(.unitRecord($0.slug)).path
            )
        }
        self.hasCommunities = !communities.isEmpty
        self.loginURL = SiteURL.staff(.login).path
        self.openDataURL = SiteURL.ledger(.openData(office.slug)).path
    }
}
