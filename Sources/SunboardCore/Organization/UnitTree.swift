/// The units of one deployment and how they nest.
///
/// Built from a flat list as the database returns it; lookups walk parent
/// links, so a county level above the office needs no change here.
public struct UnitTree: Sendable {
    public let units: [Unit]
    private let byID: [Int: Unit]

    public init(_ units: [Unit]) {
        self.units = units
        self.byID = Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func unit(id: Int) -> Unit? { byID[id] }

    public func unit(slug: String) -> Unit? { units.first { $0.slug == slug } }

    /// Units with no parent, in the given order.
    public var roots: [Unit] { units.filter { $0.parentID == nil } }

    /// Direct children of a unit, in the given order.
    public func children(of id: Int) -> [Unit] { units.filter { $0.parentID == id } }

    /// The unit itself, then its parent, and so on up to the root.
    ///
    /// Stops at a cycle rather than looping, so a corrupted parent link can
    /// never hang a request.
    public func lineage(of id: Int) -> [Unit] {
        var result: [Unit] = []
        var seen: Set<Int> = []
        var next = byID[id]
        while let unit = next, seen.insert(unit.id).inserted {
            result.append(unit)
            next = unit.parentID.flatMap { byID[$0] }
        }
        return result
    }

    /// The unit and everything below it.
    public func subtree(of id: Int) -> [Unit] {
        guard let root = byID[id] else { return [] }
        var result = [root]
        var index = 0
        var seen: Set<Int> = [root.id]
        while index < result.count {
            for child in children(of: result[index].id) where seen.insert(child.id).inserted {
                result.append(child)
            }
            index += 1
        }
        return result
    }
}
