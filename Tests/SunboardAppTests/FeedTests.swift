import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import SunboardCore
import Testing

@testable import SunboardApp

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads an Atom document with a real XML parser: the elements RFC 4287
/// requires, by their path.
final class AtomReader: NSObject, XMLParserDelegate {
    var path: [String] = []
    var text = ""
    var feed: [String: String] = [:]
    var entries: [[String: String]] = []
    var namespace: String?
    var failed: (any Error)?

    init(_ data: Data) {
        super.init()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.delegate = self
        if !parser.parse() { failed = parser.parserError ?? TestFailure("not XML") }
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        if path.isEmpty { namespace = namespaceURI }
        path.append(name)
        text = ""
        if name == "entry" { entries.append([:]) }
        if name == "link", let rel = attributes["rel"], let href = attributes["href"] {
            if path.count == 2 { feed["link:\(rel)"] = href } else if !entries.isEmpty { entries[entries.count - 1]["link:\(rel)"] = href }
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if path.count == 2 { feed[name] = text }
        if path.count == 3, path[1] == "entry", !entries.isEmpty { entries[entries.count - 1][name] = text }
        if path.count == 3, path[1] == "author", name == "name" { feed["author"] = text }
        path.removeLast()
    }
}

@Suite("Atom feeds")
struct FeedTests {
    @Test("A community's feed is valid Atom: every required element, absolute links, newest first, filtered by class")
    func communityFeed() async throws {
        try await TestApp.run { app in
            try await app.publishDirectly(in: "yincheng", item: "major-matter", title: "冬季清雪责任区划分", body: "## 议题\n- 审议巷道硬化方案")
            try await app.publishDirectly(in: "yincheng", item: "duties", title: "银城社区居委会工作职责")
            let response = try await app.browser().get("/units/yincheng/feed.atom")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/atom+xml; charset=utf-8")
            let atom = AtomReader(Data(response.text.utf8))
            #expect(atom.failed == nil)
            #expect(atom.namespace == "http://www.w3.org/2005/Atom")
            for element in ["id", "title", "updated", "author"] { #expect(atom.feed[element]?.isEmpty == false, "feed \(element)") }
            #expect(atom.feed["link:self"]?.hasPrefix("http://") == true)
            #expect(atom.entries.count == 2)
            for entry in atom.entries {
                for element in ["id", "title", "updated", "summary", "link:alternate"] {
                    #expect(entry[element]?.isEmpty == false, "entry \(element)")
                }
                #expect(entry["link:alternate"]?.contains("/disclosures/") == true)
                #expect(ISO8601DateFormatter().date(from: entry["updated"] ?? "") != nil)
            }
            #expect(atom.entries.first?["title"] == "银城社区居委会工作职责")
            #expect(atom.entries.last?["summary"] == "议题 审议巷道硬化方案")

            let immediate = AtomReader(Data(try await app.browser().get("/units/yincheng/feed.atom?class=immediate").text.utf8))
            #expect(immediate.entries.map { $0["title"] } == ["冬季清雪责任区划分"])
            #expect(immediate.feed["title"] == "银城社区居务公开：即时公开")
            // The board links to its feeds.
            let home = try await app.browser().get("/units/yincheng").text
            #expect(home.contains("type=\"application/atom+xml\"") && home.contains("/units/yincheng/feed.atom?class=periodic"))
            // Bad input: a clear message in both languages.
            let bad = try await app.browser().get("/units/yincheng/feed.atom?class=weekly")
            #expect(bad.status == .badRequest)
            #expect(try await app.browser().get("/units/nosuch/feed.atom").status == .notFound)
        }
    }

    @Test("A notice's personal details never reach the feed")
    func privacy() async throws {
        try await TestApp.run { app in
            let clerk = try await app.signedIn("yincheng-clerk")
            let id = try await app.draft(
                clerk, in: "yincheng", item: "dibao-applicants", title: "新申请低保家庭公示",
                fields: ["applicant": "马兰花", "household_size": "2", "monthly_benefit": "650", "hardship": "独自照顾儿子"])
            try await app.publishThroughReview(id, in: "yincheng")
            let feed = try await app.browser().get("/units/yincheng/feed.atom").text
            #expect(feed.contains("新申请低保家庭公示"))
            #expect(!feed.contains("马兰花") && !feed.contains("独自照顾儿子"))
        }
    }

    @Test("Absolute links never take a stranger's Host: only this machine's, a private network's or the configured address")
    func hostHeader() async throws {
        try await TestApp.run { app in
            func origin(_ authority: String?) -> String {
                let head = HTTPRequest(method: .get, scheme: "http", authority: authority, path: "/units/yincheng/feed.atom")
                return app.services.origin(of: Request(head: head, body: .init(buffer: ByteBuffer())))
            }
            let own = app.services.configuration.origin
            for hostile in [
                "evil.example", "evil.example:8080", "gongkai.example.gov.cn", "8.8.8.8", "[2001:db8::1]:80", "a/b", "x:y:z", nil,
            ] {
                #expect(origin(hostile) == own, "\(hostile ?? "no host")")
            }
            for local in ["localhost:8080", "127.0.0.1:8080", "192.168.1.10:8080", "[::1]:8080", "10.0.0.5"] {
                #expect(origin(local) == "http://" + local)
            }
            var configuration = app.services.configuration
            configuration.publicURL = "https://gongkai.example.gov.cn"
            let configured = try AppServices(
                configuration: configuration, database: app.database, clock: app.clock.wallClock, logger: TestDatabase.logger)
            let head = HTTPRequest(method: .get, scheme: "http", authority: "192.168.1.10", path: "/")
            #expect(configured.origin(of: Request(head: head, body: .init(buffer: ByteBuffer()))) == "https://gongkai.example.gov.cn")
        }
    }
}
