/// Text as the search index holds it, and a query as the index is asked.
///
/// Chinese is not written in words a tokenizer can find, and a two-character
/// word (低保, 经费) is what residents type. So each run of letters and digits,
/// lower-cased, is indexed as its overlapping pairs of characters (低保家庭 →
/// 低保 保家 家庭), followed by its last character alone. A query of two or more
/// characters is then the phrase of its pairs, one after the other: exactly
/// the texts that contain it. A one-character query is a prefix: every
/// character of a run begins a pair or is the run's last.
public enum SearchGrams {
    /// The tokens of `text`, in order: a pair for each two characters next
    /// to each other in a run, then the run's last character.
    public static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        for run in runs(text) {
            for index in run.indices.dropLast() { tokens.append(String(run[index]) + String(run[index + 1])) }
            tokens.append(String(run[run.count - 1]))
        }
        return tokens
    }

    /// What one run of a query asks for.
    public enum Term: Equatable, Sendable {
        /// These pairs, one after the other.
        case phrase([String])
        /// A token beginning with this character.
        case prefix(String)
    }

    /// The terms of a query, all of which must be found; empty when it has
    /// no letter or digit (`%`), and the index cannot help.
    public static func terms(_ query: String) -> [Term] {
        runs(query).map { run in
            run.count == 1 ? .prefix(String(run[0])) : .phrase(run.indices.dropLast().map { String(run[$0]) + String(run[$0 + 1]) })
        }
    }

    /// Whether the terms find exactly the texts that contain `query`: one
    /// run, nothing around it. Otherwise the index narrows and the text decides.
    public static func isExact(_ query: String) -> Bool {
        let characters = Array(query)
        return runs(query).count == 1 && characters.allSatisfy(isWordCharacter)
    }

    private static func runs(_ text: String) -> [[Character]] {
        var runs: [[Character]] = []
        var current: [Character] = []
        for character in text.lowercased() {
            if isWordCharacter(character) {
                current.append(character)
            } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    private static func isWordCharacter(_ character: Character) -> Bool { character.isLetter || character.isNumber }
}
