import Hummingbird
import SunboardCore

extension AppServices {
    /// Where absolute links point (QR codes, feeds, CSV): the configured
    /// public address. Unset, the request's host, but only when it names
    /// this machine or a private network (`localhost`, `192.168.1.10:8080`)
    /// or the host the server was told to listen on; any other `Host` a
    /// stranger sends is ignored for the server's own address, so a page
    /// cached for everyone never links to a site the stranger chose.
    func origin(of request: Request) -> String {
        if let publicURL = configuration.publicURL { return publicURL }
        guard let authority = request.head.authority, Self.isOwnHost(authority, listening: configuration.hostname) else {
            return configuration.origin
        }
        return (configuration.secureCookies ? "https://" : "http://") + authority
    }

    /// `host` or `host:port`, `[v6]` or `[v6]:port`.
    static func isOwnHost(_ authority: String, listening: String) -> Bool {
        let host: Substring
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            host = authority[authority.index(after: authority.startIndex)..<close]
            let rest = authority[authority.index(after: close)...]
            guard rest.isEmpty || (rest.hasPrefix(":") && UInt16(rest.dropFirst()) != nil) else { return false }
        } else {
            let parts = authority.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count <= 2, parts.count == 1 || UInt16(parts[1]) != nil else { return false }
            host = parts[0]
        }
        guard !host.isEmpty, host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || ".-:".contains($0)) }) else { return false }
        return host.lowercased() == listening.lowercased() || PrivateAddress.isPrivateHost(String(host))
    }
}
