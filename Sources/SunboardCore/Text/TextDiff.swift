/// A line-by-line comparison of two texts, for showing residents exactly
/// what a correction changed.
public enum TextDiff {
    public enum Line: Sendable, Equatable {
        case same(String)
        case added(String)
        case removed(String)
    }

    /// The table of the longest common subsequence grows with the product of
    /// the two lengths; past this many cells the changed middle is shown as
    /// removed and added whole, which is still true, only less precise.
    public static let maximumCells = 4_000_000

    /// Kept, removed and added lines in reading order: the lines both texts
    /// start and end with, and between them the longest common subsequence.
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
        let n = a.count, m = b.count
        guard n > 0, m > 0, (n + 1) * (m + 1) <= maximumCells else { return a.map(Line.removed) + b.map(Line.added) }
        // One flat table of 32-bit counts: a fifth of the memory of [[Int]].
        let width = m + 1
        var table = [Int32](repeating: 0, count: (n + 1) * width)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i * width + j] =
                    a[i] == b[j] ? table[(i + 1) * width + j + 1] + 1 : max(table[(i + 1) * width + j], table[i * width + j + 1])
            }
        }
        var result: [Line] = []
        var i = 0, j = 0
        while i < n && j < m {
            if a[i] == b[j] {
                result.append(.same(a[i]))
                i += 1
                j += 1
            } else if table[(i + 1) * width + j] >= table[i * width + j + 1] {
                result.append(.removed(a[i]))
                i += 1
            } else {
                result.append(.added(b[j]))
                j += 1
            }
        }
        return result + a[i...].map(Line.removed) + b[j...].map(Line.added)
    }
}
