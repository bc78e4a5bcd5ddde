import Foundation

/// Addresses a webhook must not reach unless the operator allows it: the
/// machine itself and the private networks behind it. Otherwise a director
/// could make the server post to an internal service and read its answer
/// in the delivery log.
public enum PrivateAddress {
    /// IPv4 (4 bytes) or IPv6 (16 bytes), in network order.
    public static func isPrivate(_ bytes: [UInt8]) -> Bool {
        switch bytes.count {
        case 4:
            let (a, b) = (bytes[0], bytes[1])
            return a == 0 || a == 10 || a == 127 || (a == 169 && b == 254) || (a == 172 && (16...31).contains(b))
                || (a == 192 && b == 168) || (a == 100 && (64...127).contains(b)) || a >= 224
        case 16:
            if bytes.prefix(10).allSatisfy({ $0 == 0 }) && bytes[10] == 0xff && bytes[11] == 0xff {
                return isPrivate(Array(bytes.suffix(4)))  // an IPv4 address written as IPv6
            }
            let unspecifiedOrLoopback = bytes.prefix(15).allSatisfy { $0 == 0 } && bytes[15] <= 1
            return unspecifiedOrLoopback || bytes[0] & 0xfe == 0xfc || (bytes[0] == 0xfe && bytes[1] & 0xc0 == 0x80) || bytes[0] == 0xff
        default:
            return true
        }
    }

    /// Whether a URL's host, as typed, names this machine or a private
    /// network: `localhost`, or an IPv4 or IPv6 literal in one. Names are
    /// checked again after they are looked up, when a message is sent.
    public static func isPrivateHost(_ host: String) -> Bool {
        let host = host.lowercased().trimmingCharacters(in: ["[", "]", "."])
        if host == "localhost" || host.hasSuffix(".localhost") { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 4, let bytes = Optional(parts.compactMap { UInt8($0) }), bytes.count == 4 { return isPrivate(bytes) }
        if host.contains(":") {
            return host == "::" || host == "::1" || host.hasPrefix("fc") || host.hasPrefix("fd") || host.hasPrefix("fe8")
                || host.hasPrefix("::ffff:")
        }
        return false
    }
}
