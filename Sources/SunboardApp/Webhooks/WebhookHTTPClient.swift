import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import SunboardCore

/// Posts one webhook: a new connection per message, HTTP/1.1, TLS with the
/// system's trust roots for https, no redirects followed, a deadline for
/// the whole exchange and at most 64 KB of the answer read. The host is
/// looked up first and, unless allowed, a private address refused; the
/// connection goes to the address checked, so a name cannot change between.
///
/// A message a minute or so does not need a pooled client; this small
/// piece of SwiftNIO keeps the stack to what the server already uses.
struct WebhookHTTPClient: Sendable {
    struct Answer: Sendable {
        var status: Int
        var body: [UInt8]
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

    init(timeout: Duration, allowsPrivate: Bool = false) {
        self.timeout = timeout
        self.allowsPrivate = allowsPrivate
        // Built once: loading the trust roots is slow. Without it only http works.
        self.tls = try? NIOSSLContext(configuration: .makeClientConfiguration())
    }

    /// The longest a post can take: connecting (bounded by the timeout too)
    /// cannot be cancelled, so up to twice the timeout.
    var longest: Duration { timeout * 2 }

    func post(_ request: WebhookRequest) async throws -> Answer {
        try await withThrowingTaskGroup(of: Answer.self) { group in
            group.addTask { try await exchange(request) }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw Failure.timedOut(timeout)
            }
            defer { group.cancelAll() }
            return try await group.next()!
        }
    }

    private func exchange(_ request: WebhookRequest) async throws -> Answer {
        guard let components = URLComponents(string: request.url), let host = components.host, !host.isEmpty,
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
        // SNI takes names only, never an IP address.
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
        for header in request.headers { headers.add(name: header.name, value: header.value) }
        headers.add(name: "Content-Length", value: String(request.body.count))
        headers.add(name: "Connection", value: "close")
        let head = HTTPRequestHead(version: .http1_1, method: .POST, uri: target, headers: headers)
        return try await channel.executeThenClose { inbound, outbound in
            try await outbound.write(.head(head))
            try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: request.body))))
            try await outbound.write(.end(nil))
            var status: Int?
            var body: [UInt8] = []
            for try await part in inbound {
                switch part {
                case .head(let head): status = Int(head.status.code)
                case .body(let buffer):
                    if body.count < Self.maxAnswer { body += buffer.readableBytesView.prefix(Self.maxAnswer - body.count) }
                case .end:
                    guard let status else { throw Failure.closedEarly }
                    return Answer(status: status, body: body)
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
