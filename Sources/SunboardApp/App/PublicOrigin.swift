import Hummingbird

extension AppServices {
    /// Where absolute links point (QR codes, feeds, CSV): the configured
    /// public address, else the request's host.
    func origin(of request: Request) -> String {
        if let publicURL = configuration.publicURL { return publicURL }
        guard let authority = request.head.authority else { return "" }
        return (configuration.secureCookies ? "https://" : "http://") + authority
    }
}
