import SunboardCore

/// Every published disclosure of a community, narrowed by section, class,
/// item or period, a page at a time.
struct DisclosureList: Sendable {
    var frame: Frame
    var unitName: String
    var heading: String
    var listings: [ListingLink]
    var hasListings: Bool
    var total: Int
    var sections: [SelectOption]
    var classes: [SelectOption]
    var period: String
    var action: String
    var previousURL: String?
    var nextURL: String?
    var pageNumber: Int
    var pageCount: Int
}

/// The list's query string, parsed and checked.
struct DisclosureListQuery: Sendable {
    var section: String?
    var disclosureClass: DisclosureClass?
    var itemCode: String?
    var period: Period?
    var page: Int

    static let perPage = 20

    init(_ parameters: [String: String]) {
        section = parameters["section"].flatMap { id in BoardSection.community.contains { $0.id == id } ? id : nil }
        disclosureClass = parameters["class"].flatMap(DisclosureClass.init(rawValue:))
        itemCode = parameters["item"].flatMap { $0.isEmpty ? nil : $0 }
        period = parameters["period"].flatMap(Period.init)
        page = max(1, min(Int(parameters["page"] ?? "") ?? 1, 100_000))
    }

    /// The items a list is narrowed to, or `nil` for every item.
    func itemIDs(in catalog: [CatalogItem]) -> [Int]? {
        guard section != nil || disclosureClass != nil || itemCode != nil else { return nil }
        return catalog.filter { item in
            (section == nil || item.boardSection == section) && (disclosureClass == nil || item.disclosureClass == disclosureClass)
                && (itemCode == nil || item.code == itemCode)
        }.map(\.id)
    }

    func url(base: String, page: Int) -> String {
        var parts: [String] = []
        if let section { parts.append("section=\(section)") }
        if let disclosureClass { parts.append("class=\(disclosureClass.rawValue)") }
        if let itemCode, Slug.isValid(itemCode) { parts.append("item=\(itemCode)") }
        if let period { parts.append("period=\(period)") }
        if page > 1 { parts.append("page=\(page)") }
        return parts.isEmpty ? base : base + "?" + parts.joined(separator: "&")
    }
}
