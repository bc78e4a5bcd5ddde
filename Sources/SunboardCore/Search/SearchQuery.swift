import Foundation

/// What a resident typed into the search box, checked: trimmed, 1 to 50
/// characters. Chinese has no spaces between words, so the text is matched
/// as written — two characters (低保, 经费) or a longer phrase — and `%`, `_`
/// and quotes are ordinary characters, never patterns.
public struct SearchQuery: Sendable, Equatable {
    public let text: String

    public static let maxLength = 50

    public init(_ raw: String) throws(ValidationFailure) {
        let text = raw.trimmed
        guard !text.isEmpty else {
            throw ValidationFailure([.init(field: "q", message: "请输入要找的词，例如“低保”或“办公经费”。", englishMessage: "q is required.")])
        }
        guard text.count <= Self.maxLength else {
            throw ValidationFailure([
                .init(field: "q", message: "要找的词最多 \(Self.maxLength) 个字。", englishMessage: "q is longer than \(Self.maxLength) characters.")
            ])
        }
        self.text = text
    }

    /// A LIKE pattern that finds the text anywhere, with `\` escaping the
    /// pattern characters (used with `ESCAPE '\'`).
    public var likePattern: String {
        var escaped = ""
        for character in text {
            if character == "\\" || character == "%" || character == "_" { escaped.append("\\") }
            escaped.append(character)
        }
        return "%" + escaped + "%"
    }

    /// A short piece of `source` around the first match, as HTML with the
    /// match in `<mark>`; everything else escaped.
    public func highlight(_ source: String, around width: Int = 40) -> (html: String, plain: String) {
        let flat = source.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard let range = flat.range(of: text, options: .caseInsensitive) else {
            let plain = String(flat.prefix(width * 2))
            return (HTMLText.escape(plain) + (flat.count > plain.count ? "…" : ""), plain)
        }
        let start = flat.index(range.lowerBound, offsetBy: -width, limitedBy: flat.startIndex) ?? flat.startIndex
        let end = flat.index(range.upperBound, offsetBy: width, limitedBy: flat.endIndex) ?? flat.endIndex
        let before = String(flat[start..<range.lowerBound])
        let after = String(flat[range.upperBound..<end])
        let html =
            (start > flat.startIndex ? "…" : "") + HTMLText.escape(before) + "<mark>" + HTMLText.escape(String(flat[range])) + "</mark>"
            + HTMLText.escape(after) + (end < flat.endIndex ? "…" : "")
        return (html, String(flat[start..<end]))
    }
}
