import CDeflate
import Foundation
import Hummingbird
import Metrics
import Synchronization

/// Whole public answers kept in memory by address, as they went out, with
/// their gzip copy: a hit is a dictionary lookup and a check of versions
/// held in this process (``PublicVersions``), with no query and no handler.
///
/// Each answer is kept under the versions it was made from, taken before
/// the handler read anything: of the units it named, or, when it named none,
/// of everything public (the snapshot's epoch). It is served while those
/// versions stand and until the midnight after it was made (pages show what
/// is due or overdue "today"), or an earlier moment its handler named.
public final class ResponseCache: Sendable {
    /// One answer, ready to write out.
    struct Entry: Sendable {
        struct Variant: Sendable {
            var headers: HTTPFields
            var body: ByteBuffer
            var notModified: HTTPFields
            var etag: String
        }

        var plain: Variant
        var gzip: Variant?
        /// The units shown and their versions; empty: everything public, at `epoch`.
        var units: [(id: Int, version: Int)]
        var epoch: Int
        var expires: Date

        var size: Int { plain.body.readableBytes + (gzip?.body.readableBytes ?? 0) + 512 }

        func isCurrent(_ versions: PublicVersions.Snapshot, at now: Date) -> Bool {
            guard now < expires else { return false }
            if units.isEmpty { return epoch == versions.epoch }
            return units.allSatisfy { versions.units[$0.id] == $0.version }
        }

        func response(to request: Request) -> Response {
            let variant = gzip.flatMap { ResponseCache.acceptsGzip(request.headers[.acceptEncoding]) ? $0 : nil } ?? plain
            if ETag.matches(request.headers[.ifNoneMatch], variant.etag) {
                return Response(status: .notModified, headers: variant.notModified)
            }
            if request.method == .head { return Response(status: .ok, headers: variant.headers) }
            return Response(status: .ok, headers: variant.headers, body: .init(byteBuffer: variant.body))
        }
    }

    private struct Rooms {
        /// Plain addresses: one per page there is.
        var paths: LRUBytes<Entry>
        /// Addresses with a query or another host: a stranger can make
        /// endless ones, so they get a room of their own and cannot push the
        /// pages out.
        var queries: LRUBytes<Entry>

        /// A room, changed in place (a copy would copy its table).
        mutating func room<R>(plain: Bool, _ body: (inout LRUBytes<Entry>) -> R) -> R {
            plain ? body(&paths) : body(&queries)
        }
    }

    private let rooms: Mutex<Rooms>
    /// The largest answer kept.
    let maxEntryBytes: Int
    private let hits = Counter(label: "sunboard_response_cache_hits_total")
    private let misses = Counter(label: "sunboard_response_cache_misses_total")

    public init(pathBytes: Int = 64 << 20, queryBytes: Int = 16 << 20, maxEntryBytes: Int = 4 << 20) {
        rooms = Mutex(Rooms(paths: LRUBytes(capacity: pathBytes), queries: LRUBytes(capacity: queryBytes)))
        self.maxEntryBytes = maxEntryBytes
    }

    /// The answer kept for `key`, if it still shows what is current.
    func entry(for key: String, plain: Bool, versions: PublicVersions.Snapshot, at now: Date) -> Entry? {
        let found = rooms.withLock { $0.room(plain: plain) { $0.value(for: key) } }
        guard let found, found.isCurrent(versions, at: now) else {
            if found != nil { rooms.withLock { $0.room(plain: plain) { $0.removeValue(for: key) } } }
            misses.increment()
            return nil
        }
        hits.increment()
        return found
    }

    func keep(_ entry: Entry, for key: String, plain: Bool) {
        guard entry.size <= maxEntryBytes else { return }
        rooms.withLock { $0.room(plain: plain) { $0.set(entry, size: entry.size, for: key) } }
    }

    /// Answers kept, for tests and `/metrics`.
    var count: Int { rooms.withLock { $0.paths.count + $0.queries.count } }

    /// Whether `Accept-Encoding` takes gzip (`gzip`, `x-gzip` or `*`, not at `q=0`).
    static func acceptsGzip(_ header: String?) -> Bool {
        guard let header else { return false }
        return header.split(separator: ",").contains { part in
            let pieces = part.split(separator: ";")
            guard let coding = pieces.first?.trimmingCharacters(in: .whitespaces).lowercased(),
                coding == "gzip" || coding == "x-gzip" || coding == "*"
            else { return false }
            let quality = pieces.dropFirst().lazy.map { $0.trimmingCharacters(in: .whitespaces) }
                .first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) }
            return (quality ?? 1) > 0
        }
    }

    /// `bytes` gzipped, or nil when that saves nothing worth the header.
    static func gzip(_ bytes: ByteBuffer) -> ByteBuffer? {
        guard bytes.readableBytes >= 256 else { return nil }
        var output = [UInt8](repeating: 0, count: bytes.readableBytes + 64)
        let size = bytes.withUnsafeReadableBytes { input in
            output.withUnsafeMutableBufferPointer {
                sunboard_gzip(input.baseAddress?.assumingMemoryBound(to: UInt8.self), input.count, $0.baseAddress, $0.count)
            }
        }
        guard size > 0, size < bytes.readableBytes - 64 else { return nil }
        return ByteBuffer(bytes: output.prefix(size))
    }
}
