extension SiteURL {
    /// Notices: public pages, versions, objections, feeds, print, files, staff pages and the API.
    enum Disclosures: Sendable, Equatable {
        case catalog(_ slug: Param<String>)
        case list(_ slug: Param<String>)
        case page(_ id: Param<Int>)
        case version(_ id: Param<Int>, _ number: Param<Int>)
        case objection(_ id: Param<Int>)
        case file(_ sha256: Param<String>)
        case feed(_ slug: Param<String>)
        case print(_ id: Param<Int>)
        case leaflet(_ slug: Param<String>)
        case adminList(_ slug: Param<String>)
        case adminNew(_ slug: Param<String>)
        case admin(_ slug: Param<String>, _ id: Param<Int>)
        case adminEdit(_ slug: Param<String>, _ id: Param<Int>)
        case adminStep(_ slug: Param<String>, _ id: Param<Int>, _ step: Param<String>)
        case adminFile(_ slug: Param<String>, _ sha256: Param<String>)
        case apiCatalog(_ slug: Param<String>)
        case apiList(_ slug: Param<String>)
        case api(_ id: Param<Int>)
        case apiLedger

        var path: String {
            switch self {
            case .catalog(let slug): "/units/\(slug.segment("slug"))/catalog"
            case .list(let slug): "/units/\(slug.segment("slug"))/disclosures"
            case .page(let id): "/disclosures/\(id.segment("id"))"
            case .version(let id, let number): "/disclosures/\(id.segment("id"))/versions/\(number.segment("number"))"
            case .objection(let id): "/disclosures/\(id.segment("id"))/objection"
            case .file(let sha256): "/files/\(sha256.segment("sha256"))"
            case .feed(let slug): "/units/\(slug.segment("slug"))/feed.atom"
            case .print(let id): "/disclosures/\(id.segment("id"))/print"
            case .leaflet(let slug): "/units/\(slug.segment("slug"))/leaflet"
            case .adminList(let slug): "/admin/units/\(slug.segment("slug"))/disclosures"
            case .adminNew(let slug): "/admin/units/\(slug.segment("slug"))/disclosures/new"
            case .admin(let slug, let id): "/admin/units/\(slug.segment("slug"))/disclosures/\(id.segment("id"))"
            case .adminEdit(let slug, let id): "/admin/units/\(slug.segment("slug"))/disclosures/\(id.segment("id"))/edit"
            case .adminStep(let slug, let id, let step):
                "/admin/units/\(slug.segment("slug"))/disclosures/\(id.segment("id"))/\(step.segment("step"))"
            case .adminFile(let slug, let sha256): "/admin/units/\(slug.segment("slug"))/files/\(sha256.segment("sha256"))"
            case .apiCatalog(let slug): "/api/v1/units/\(slug.segment("slug"))/catalog"
            case .apiList(let slug): "/api/v1/units/\(slug.segment("slug"))/disclosures"
            case .api(let id): "/api/v1/disclosures/\(id.segment("id"))"
            case .apiLedger: "/api/v1/ledger"
            }
        }

        /// Every route of the feature, as registered.
        static let patterns: [Self] = [
            .catalog(.key),
            .list(.key),
            .page(.key),
            .version(.key, .key),
            .objection(.key),
            .file(.key),
            .feed(.key),
            .print(.key),
            .leaflet(.key),
            .adminList(.key),
            .adminNew(.key),
            .admin(.key, .key),
            .adminEdit(.key, .key),
            .adminStep(.key, .key, .key),
            .adminFile(.key, .key),
            .apiCatalog(.key),
            .apiList(.key),
            .api(.key),
            .apiLedger,
        ]
    }
}
