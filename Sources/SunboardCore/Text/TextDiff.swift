/// A line-by-line comparison of two texts, for showing residents exactly
/// what a correction changed.
public enum TextDiff {
    public enum Line: Sendable, Equatable {
        case same(String)
        case added(String)
        case removed(String)
    }

    /// Past this many pairs of middle lines the changed middle is shown as
    /// removed and added whole, which is still true, only less precise: a
    /// diff of two long, wholly different texts costs the product of their
    /// lengths.
    public static let maximumCells = 4_000_000

    /// Kept, removed and added lines in reading order: the lines both texts
    /// start and end with, and between them the standard library's diff
    /// (Myers), removals before additions where both happen.
    public static func lines(from old: String, to new: String) -> [Line] {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let oldMiddle = Array(a[prefix..<(a.count - suffix)])
        let newMiddle = Array(b[prefix..<(b.count - suffix)])
        return a[..<prefix].map(Line.same) + middle(oldMiddle, newMiddle) + a[(a.count - suffix)...].map(Line.same)
    }

    private static func middle(_ a: [String], _ b: [String]) -> [Line] {
        guard !a.isEmpty, !b.isEmpty, a.count * b.count <= maximumCells else { return a.map(Line.removed) + b.map(Line.added) }
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in b.difference(from: a) {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var result: [Line] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, removed.contains(i) {
                result.append(.removed(a[i]))
                i += 1
            } else if j < b.count, inserted.contains(j) {
                result.append(.added(b[j]))
                j += 1
            } else {
                result.append(.same(a[i]))
                i += 1
                j += 1
            }
        }
        return result
    }
}
