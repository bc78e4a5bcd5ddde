/// A unit of the organization: an office or a community.
public struct Unit: Sendable, Equatable, Identifiable {
    public let id: Int
    /// The unit's name in URLs, e.g. `yincheng`.
    public var slug: String
    /// Full name, e.g. 银城社区.
    public var name: String
    public var kind: UnitKind
    public var parentID: Int?
    /// Changes whenever what the unit's public pages show changes; a page
    /// rendered for one version stays right until the next.
    public var boardVersion: Int
    public var profile: UnitProfile

    public init(
        id: Int, slug: String, name: String, kind: UnitKind, parentID: Int?, boardVersion: Int = 0, profile: UnitProfile = .init()
    ) {
        self.id = id
        self.slug = slug
        self.name = name
        self.kind = kind
        self.parentID = parentID
        self.boardVersion = boardVersion
        self.profile = profile
    }
}
