import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import SunboardCore

/// The server's small HTTP client: it posts webhooks and `sunboard verify
/// --remote` reads another server's ledger with it. A new connection per
/// request, HTTP/1.1, TLS with the system's trust roots for https, no
/// redirects followed, a deadline for the whole exchange and a bound on the
/// answer read. The host is looked up first and, unless allowed, a private
/// address refused; the connection goes to the address checked, so a name
/// cannot change between.
///
/// A request a second or so does not need a pooled client; this small
/// piece of SwiftNIO keeps the stack to what the server already uses.
public struct OutboundHTTPClient: Sendable {
    public struct Answer: Sendable {
        public var status: Int
        public var body: [UInt8]
    }

    enum Failure: Error, CustomStringConvertible {
        case badURL
        case privateAddress(String)
        case timedOut(Duration)
        case closedEarly

        var description: String {
            switch self {
            case .badURL: "地址无法使用"
            case .privateAddress(let address): "\(address) 是本机或内网地址，已拒绝（见 SUNBOARD_WEBHOOK_ALLOW_PRIVATE）"
            case .timedOut(let limit): "对方 \(limit.components.seconds) 秒内没有回应"
            case .closedEarly: "对方未答完就断开了连接"
            }
        }
    }

    let timeout: Duration
    let allowsPrivate: Bool
    private let tls: NIOSSLContext?
    static let maxAnswer = 64 * 1024

    public init(timeout: Duration, allowsPrivate: Bool = false) {
        self.timeout = timeout
        self.allowsPrivate = allowsPrivate
        // Built once: loading the trust roots is slow. Without it only http works.
        self.tls = try? NIOSSLContext(configuration: .makeClientConfiguration())
    }

    /// The longest a post can take: connecting (bounded by the timeout too)
    /// cannot be cancelled, so up to twice the timeout.
    var longest: Duration { timeout * 2 }

    func post(_ request: WebhookRequest) async throws -> Answer {
        try await bounded {
            try await exchange(.POST, url: request.url, headers: request.headers, body: request.body, maxAnswer: Self.maxAnswer)
        }
    }

    /// Reads `url`, at most `maxAnswer` bytes of it.
    public func get(_ url: String, maxAnswer: Int) async throws -> Answer {
        try await bounded { try await exchange(.GET, url: url, headers: [("Accept", "application/json")], body: [], maxAnswer: maxAnswer) }
    }

    private func bounded(_ work: @escaping @Sendable () async throws -> Answer) async throws -> Answer {
        try await withThrowingTaskGroup(of: Answer.self) { group in
            group.addTask { try await work() }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw Failure.timedOut(timeout)
            }
            defer { group.cancelAll() }
            return try await group.next()!
        }
    }

    private func exchange(
        _ method: HTTPMethod, url: String, headers extra: [(name: String, value: String)], body: [UInt8], maxAnswer: Int
    ) async throws -> Answer {
        guard let components = URLComponents(string: url), let host = components.host, !host.isEmpty,
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https"
        else { throw Failure.badURL }
        let secure = scheme == "https"
        guard !secure || tls != nil else { throw Failure.badURL }
        let port = components.port ?? (secure ? 443 : 80)
        let bareHost = host.trimmingCharacters(in: ["[", "]"])
        // getaddrinfo blocks: off the cooperative pool.
        let address = try await NIOThreadPool.singleton.runIfActive {
            try SocketAddress.makeAddressResolvingHost(bareHost, port: port)
        }
        if !allowsPrivate, Self.isPrivate(address) { throw Failure.privateAddress(address.ipAddress ?? bareHost) }
        let tls = self.tls
        // SNI takes names only, never an IP address. Without a name NIOSSL's full
        // verification checks the certificate's IP addresses against the peer
        // it connected to, so an IP host is verified too.
        let serverName = bareHost.first(where: \.isLetter) != nil && !bareHost.contains(":") ? bareHost : nil
        let connectLimit = min(timeout, .seconds(10))
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.milliseconds(Int64(connectLimit.components.seconds * 1000)))
            .connect(to: address) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if secure, let tls {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tls, serverHostname: serverName))
                    }
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(wrappingChannelSynchronously: channel)
                }
            }
        var target = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        if let query = components.percentEncodedQuery { target += "?" + query }
        let hostHeader = bareHost.contains(":") ? "[\(bareHost)]" : bareHost
        var headers = HTTPHeaders()
        headers.add(name: "Host", value: components.port.map { "\(hostHeader):\($0)" } ?? hostHeader)
        for header in extra { headers.add(name: header.name, value: header.value) }
        if method == .POST { headers.add(name: "Content-Length", value: String(body.count)) }
        headers.add(name: "Connection", value: "close")
        let head = HTTPRequestHead(version: .http1_1, method: method, uri: target, headers: headers)
        return try await channel.executeThenClose { inbound, outbound in
            try await outbound.write(.head(head))
            if method == .POST { try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: body)))) }
            try await outbound.write(.end(nil))
            var status: Int?
            var answer: [UInt8] = []
            for try await part in inbound {
                switch part {
                case .head(let head): status = Int(head.status.code)
                case .body(let buffer):
                    if answer.count < maxAnswer { answer += buffer.readableBytesView.prefix(maxAnswer - answer.count) }
                case .end:
                    guard let status else { throw Failure.closedEarly }
                    return Answer(status: status, body: answer)
                }
            }
            throw Failure.closedEarly
        }
    }

    static func isPrivate(_ address: SocketAddress) -> Bool {
        switch address {
        case .v4(let v4): PrivateAddress.isPrivate(withUnsafeBytes(of: v4.address.sin_addr) { Array($0) })
        case .v6(let v6): PrivateAddress.isPrivate(withUnsafeBytes(of: v6.address.sin6_addr) { Array($0) })
        case .unixDomainSocket: true
        }
    }
}
