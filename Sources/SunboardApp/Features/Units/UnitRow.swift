import Foundation
import SunboardCore

/// A `units` row as stored.
struct UnitRow: Codable, Sendable {
    var id: Int
    var slug: String
    var name: String
    var kind: String
    var parentId: Int?
    var position: Int
    var areaM2: Int?
    var population: Int?
    var households: Int?
    var institutions: Int?
    var businesses: Int?
    var address: String
    var phone: String
    var officeHours: String
    var introduction: String
    var boardVersion: Int
    var updatedAt: Int

    static let columns = [
        "id", "slug", "name", "kind", "parent_id", "position", "area_m2", "population", "households",
        "institutions", "businesses", "address", "phone", "office_hours", "introduction", "board_version", "updated_at",
    ]

    var unit: Unit {
        Unit(
            id: id,
            slug: slug,
            name: name,
            kind: UnitKind(rawValue: kind) ?? .community,
            parentID: parentId,
            boardVersion: boardVersion,
            profile: UnitProfile(
                areaSquareMetres: areaM2,
                population: population,
                households: households,
                institutions: institutions,
                businesses: businesses,
                address: address,
                phone: phone,
                officeHours: officeHours,
                introduction: introduction,
                updatedAt: Date(unixSeconds: updatedAt)
            )
        )
    }
}
