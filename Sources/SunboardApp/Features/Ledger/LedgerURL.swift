extension SiteURL {
    /// The public ledger, a unit's records and the records API.
    enum Ledger: Sendable, Equatable {
        case page
        case check
        case unitRecord(_ slug: Param<String>)
        /// Every public record of a unit, as CSV and JSON in one ZIP file.
        case openData(_ slug: Param<String>)
        case apiHead
        case apiRecords
        case apiKind(_ kind: Param<String>)
        case apiRecord(_ kind: Param<String>, _ id: Param<Int>)
        case apiVersion(_ kind: Param<String>, _ id: Param<Int>, _ version: Param<Int>)

        var path: String {
            switch self {
            case .page: "/ledger"
            case .check: "/ledger/check"
            case .unitRecord(let slug): "/units/\(slug.segment("slug"))/record"
            case .openData(let slug): "/units/\(slug.segment("slug"))/open-data.zip"
            case .apiHead: "/api/v1/ledger/head"
            case .apiRecords: "/api/v1/records"
            case .apiKind(let kind): "/api/v1/records/\(kind.segment("kind"))"
            case .apiRecord(let kind, let id): "/api/v1/records/\(kind.segment("kind"))/\(id.segment("id"))"
            case .apiVersion(let kind, let id, let version):
                "/api/v1/records/\(kind.segment("kind"))/\(id.segment("id"))/versions/\(version.segment("version"))"
            }
        }

        /// One record's entries on the public ledger's page.
        static func record(_ kind: String, _ id: Int) -> String {
            Ledger.page.path + "?kind=\(kind)&id=\(id)"
        }

        /// An entry on the public ledger's page: the page that starts with it.
        static func entry(_ sequence: Int) -> String {
            Ledger.page.path + "?after=\(max(0, sequence - 1))#entry-\(sequence)"
        }

        /// Every route of the feature, as registered.
        static let patterns: [Self] = [
            .page,
            .check,
            .unitRecord(.key),
            .openData(.key),
            .apiHead,
            .apiRecords,
            .apiKind(.key),
            .apiRecord(.key, .key),
            .apiVersion(.key, .key, .key),
        ]
    }
}
