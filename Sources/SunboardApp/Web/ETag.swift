import Foundation

/// `If-None-Match` against an entity tag, by the weak comparison RFC 9110
/// asks of it: a proxy that compresses (nginx's gzip) hands our tag back as
/// `W/"…"`, and that still means the client holds this version.
extension ETag {
    static func matches(_ ifNoneMatch: String?, _ etag: String) -> Bool {
        guard let ifNoneMatch else { return false }
        return ifNoneMatch.split(separator: ",").contains { candidate in
            let tag = candidate.trimmingCharacters(in: .whitespaces)
            return tag == "*" || (tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag) == etag
        }
    }
}
