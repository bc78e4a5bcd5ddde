import SunboardCore

/// A unit in the public API: `{"id", "slug", "name", "kind", "parent", "url"}`.
/// `parent` is the parent's slug, or `null` for the top of the tree.
struct UnitJSON: Encodable, Sendable {
    var id: Int
    var slug: String
    var name: String
    var kind: UnitKind
    var parent: String?
    var url: String

    init(_ unit: Unit, parentSlug: String?) {
        self.id = unit.id
        self.slug = unit.slug
        self.name = unit.name
        self.kind = unit.kind
        self.parent = parentSlug
        self.url = SiteURL.units(.page(unit.slug)).path
    }

    enum CodingKeys: String, CodingKey {
        case id, slug, name, kind, parent, url
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(slug, forKey: .slug)
        try container.encode(name, forKey: .name)
        try container.encode(kind, forKey: .kind)
        try container.encode(parent, forKey: .parent)  // explicit null at the top
        try container.encode(url, forKey: .url)
    }
}
