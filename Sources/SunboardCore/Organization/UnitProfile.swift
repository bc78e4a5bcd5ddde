import Foundation

/// 基本概况 — the facts a unit shows on the first section of its board.
///
/// Every figure is optional: a new community fills them in over time, and an
/// unknown figure is shown as not yet filled in rather than as zero.
public struct UnitProfile: Sendable, Equatable {
    /// Area in square metres; whole numbers keep 11 km² exact.
    public var areaSquareMetres: Int?
    /// Residents (常住人口).
    public var population: Int?
    /// Households (户数).
    public var households: Int?
    /// 党政事企业单位 — government bodies, institutions and enterprises.
    public var institutions: Int?
    /// 个体私营企业、门店 — private businesses and shops.
    public var businesses: Int?
    /// Office address.
    public var address: String
    /// Office telephone.
    public var phone: String
    /// Office hours, e.g. 周一至周五 8:30–12:00, 14:30–18:00.
    public var officeHours: String
    /// A few sentences introducing the unit.
    public var introduction: String
    /// When the profile was last saved; set by the store, not by a form.
    public var updatedAt: Date?

    public init(
        areaSquareMetres: Int? = nil,
        population: Int? = nil,
        households: Int? = nil,
        institutions: Int? = nil,
        businesses: Int? = nil,
        address: String = "",
        phone: String = "",
        officeHours: String = "",
        introduction: String = "",
        updatedAt: Date? = nil
    ) {
        self.areaSquareMetres = areaSquareMetres
        self.population = population
        self.households = households
        self.institutions = institutions
        self.businesses = businesses
        self.address = address
        self.phone = phone
        self.officeHours = officeHours
        self.introduction = introduction
        self.updatedAt = updatedAt
    }
}
