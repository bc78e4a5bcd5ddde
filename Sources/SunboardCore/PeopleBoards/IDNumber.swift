/// A resident identity number (公民身份号码, GB 11643): 17 digits and a check
/// character (ISO 7064 MOD 11-2). Only the masked form is ever kept or shown,
/// so neither a page nor an error message can repeat a full number.
public struct IDNumber: Sendable, Hashable {
    /// `610802********1234`: the region and the last four, the birth date hidden.
    public let masked: String

    /// A valid number, or `nil`. Spaces and a lower-case `x` are accepted.
    public init?(_ text: String) {
        let cleaned = NumberText.normalize(text).replacing(" ", with: "").uppercased()
        let characters = Array(cleaned)
        guard characters.count == 18, characters.prefix(17).allSatisfy(\.isASCIIDigit),
            characters[17].isASCIIDigit || characters[17] == "X"
        else { return nil }
        guard Self.checkCharacter(characters.prefix(17).map { Int(String($0))! }) == characters[17] else { return nil }
        masked = String(characters.prefix(6)) + String(repeating: "*", count: 8) + String(characters.suffix(4))
    }

    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

    /// The 18th character for the first 17 digits.
    public static func checkCharacter(_ digits: [Int]) -> Character {
        let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return Array("10X98765432")[sum % 11]
    }

    /// What an error may say about a number that was typed: never all of it.
    public static func hint(_ text: String) -> String {
        let cleaned = text.replacing(" ", with: "")
        guard cleaned.count > 8 else { return String(repeating: "*", count: cleaned.count) }
        return String(cleaned.prefix(4)) + String(repeating: "*", count: cleaned.count - 6) + String(cleaned.suffix(2))
    }
}
