import Hummingbird

extension Request {
    /// The query as plain strings (already decoded); a repeated key keeps
    /// its first value. Cleaned like a form's fields: no control characters
    /// (PostgreSQL refuses a NUL in text), invalid UTF-8 as U+FFFD.
    var queryDictionary: [String: String] {
        var result: [String: String] = [:]
        for (key, value) in uri.queryParameters {
            let key = FormFields.text(Array(key.utf8))
            if result[key] == nil { result[key] = FormFields.text(Array(value.utf8)) }
        }
        return result
    }
}
