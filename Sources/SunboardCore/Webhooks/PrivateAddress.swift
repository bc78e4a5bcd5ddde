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
            // An IPv4 address carried in IPv6 is as private as the address it
            // carries: mapped (::ffff:a.b.c.d), compatible (::a.b.c.d), NAT64's
            // well-known prefix (64:ff9b::a.b.c.d) and 6to4 (2002:aabb:ccdd::).
            let zeros = bytes.prefix(10).allSatisfy { $0 == 0 }
            if zeros && bytes[10] == 0xff && bytes[11] == 0xff { return isPrivate(Array(bytes.suffix(4))) }
            if bytes.prefix(12) == [0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0] { return isPrivate(Array(bytes.suffix(4))) }
            if bytes[0] == 0x20 && bytes[1] == 0x02 { return isPrivate(Array(bytes[2..<6])) }
            if zeros && bytes[10] == 0 && bytes[11] == 0 {
                return bytes.suffix(4).allSatisfy { $0 == 0 } || isPrivate(Array(bytes.suffix(4)))
            }
            // NAT64 for a local network (64:ff9b:1::/48), unique local (fc00::/7),
            // link-local (fe80::/10), multicast (ff00::/8).
            if bytes.prefix(6) == [0, 0x64, 0xff, 0x9b, 0, 0x01] { return true }
            return bytes[0] & 0xfe == 0xfc || (bytes[0] == 0xfe && bytes[1] & 0xc0 == 0x80) || bytes[0] == 0xff
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
        if let bytes = ipv4(host) { return isPrivate(bytes) }
        if host.contains(":") { return ipv6(host).map(isPrivate) ?? true }
        return false
    }

    /// `a.b.c.d` as four bytes.
    static func ipv4(_ text: some StringProtocol) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        let bytes = parts.compactMap { $0.count <= 3 ? UInt8($0) : nil }
        return bytes.count == 4 ? bytes : nil
    }

    /// An IPv6 literal as sixteen bytes: groups, one `::`, a dotted IPv4 tail,
    /// a zone (`%eth0`) ignored; `nil` when it is not one.
    static func ipv6(_ text: String) -> [UInt8]? {
        let address = text.split(separator: "%", maxSplits: 1).first.map(String.init) ?? ""
        let halves = address.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String) -> [UInt8]? {
            if part.isEmpty { return [] }
            var bytes: [UInt8] = []
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                if index == pieces.count - 1, piece.contains("."), let tail = ipv4(piece) {
                    bytes += tail
                } else {
                    guard (1...4).contains(piece.count), let value = UInt16(piece, radix: 16) else { return nil }
                    bytes += [UInt8(value >> 8), UInt8(value & 0xff)]
                }
            }
            return bytes
        }
        guard let head = groups(halves[0]), let tail = halves.count == 2 ? groups(halves[1]) : [] else { return nil }
        if halves.count == 1 { return head.count == 16 ? head : nil }
        guard head.count + tail.count <= 14 else { return nil }
        return head + Array(repeating: 0, count: 16 - head.count - tail.count) + tail
    }
}
