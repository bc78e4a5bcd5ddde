/// Comma-separated values as RFC 4180 and Excel write them: quoted fields
/// may hold commas, quotes (doubled) and line breaks; lines end in CRLF or LF.
public enum CSV {
    /// The rows of `text`, each with its line number in the file (1-based,
    /// the number Excel shows), blank lines left out.
    public static func rows(_ text: String) -> [(line: Int, fields: [String])] {
        var rows: [(Int, [String])] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var line = 1
        var rowStart = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func endRow() {
            fields.append(field)
            field = ""
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append((rowStart, fields)) }
            fields = []
        }
        while let scalar = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        field.unicodeScalars.append("\"")
                    } else {
                        quoted = false
                        pending = next
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty: quoted = true
            case ",":
                fields.append(field)
                field = ""
            case "\r":
                let next = iterator.next()
                if next != "\n" { pending = next }
                endRow()
                line += 1
                rowStart = line
            case "\n":
                endRow()
                line += 1
                rowStart = line
            default: field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !fields.isEmpty { endRow() }
        return rows
    }

    /// One row, quoted where needed, ending in CRLF as Excel expects.
    public static func line(_ fields: [String]) -> String {
        fields.map(quote).joined(separator: ",") + "\r\n"
    }

    /// Quotes a field that needs it. A field that a spreadsheet would run
    /// as a formula (`=`, `+`, `-`, `@` first) gets a leading apostrophe,
    /// which `unprotect` takes off again on import.
    static func quote(_ field: String) -> String {
        var field = field
        if let first = field.unicodeScalars.first, "=+-@".unicodeScalars.contains(first) { field = "'" + field }
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacing("\"", with: "\"\"") + "\""
    }

    /// Undoes the formula guard of `quote`.
    public static func unprotect(_ field: String) -> String {
        let scalars = field.unicodeScalars
        guard scalars.count >= 2, scalars.first == "'", "=+-@".unicodeScalars.contains(scalars[scalars.index(after: scalars.startIndex)])
        else { return field }
        return String(field.dropFirst())
    }
}
