/// The rules for a unit's URL name.
public enum Slug {
    /// Lowercase ASCII letters, digits and single hyphens, 2 to 40 characters,
    /// starting with a letter: safe in every URL, file name and log line.
    public static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard (2...40).contains(bytes.count), let first = bytes.first, isLetter(first) else { return false }
        guard bytes.last != UInt8(ascii: "-") else { return false }
        var previous: UInt8 = 0
        for byte in bytes {
            let allowed = isLetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
            if !allowed || (byte == UInt8(ascii: "-") && previous == byte) { return false }
            previous = byte
        }
        return true
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
    }
}
