extension SiteURL {
    /// A community's books: the public board and its lines, the staff's pages, the API.
    enum Finance: Sendable, Equatable {
        case board(_ slug: Param<String>)
        case entry(_ slug: Param<String>, _ id: Param<Int>)
        case csv(_ slug: Param<String>)
        case admin(_ slug: Param<String>)
        case reimbursements(_ slug: Param<String>)
        case newReimbursement(_ slug: Param<String>)
        case reimbursement(_ slug: Param<String>, _ id: Param<Int>)
        case reimbursementStep(_ slug: Param<String>, _ id: Param<Int>, _ step: Param<String>)
        case income(_ slug: Param<String>)
        case correction(_ slug: Param<String>, _ id: Param<Int>)
        case importBook(_ slug: Param<String>)
        case statements(_ slug: Param<String>)
        case chain(_ slug: Param<String>)
        case apiEntries(_ slug: Param<String>)
        case apiStatements(_ slug: Param<String>)

        var path: String {
            switch self {
            case .board(let slug): "/units/\(slug.segment("slug"))/finance"
            case .entry(let slug, let id): "/units/\(slug.segment("slug"))/finance/entries/\(id.segment("id"))"
            case .csv(let slug): "/units/\(slug.segment("slug"))/finance/ledger.csv"
            case .admin(let slug): "/admin/units/\(slug.segment("slug"))/finance"
            case .reimbursements(let slug): "/admin/units/\(slug.segment("slug"))/finance/reimbursements"
            case .newReimbursement(let slug): "/admin/units/\(slug.segment("slug"))/finance/reimbursements/new"
            case .reimbursement(let slug, let id): "/admin/units/\(slug.segment("slug"))/finance/reimbursements/\(id.segment("id"))"
            case .reimbursementStep(let slug, let id, let step):
                "/admin/units/\(slug.segment("slug"))/finance/reimbursements/\(id.segment("id"))/\(step.segment("step"))"
            case .income(let slug): "/admin/units/\(slug.segment("slug"))/finance/income"
            case .correction(let slug, let id): "/admin/units/\(slug.segment("slug"))/finance/entries/\(id.segment("id"))/correct"
            case .importBook(let slug): "/admin/units/\(slug.segment("slug"))/finance/import"
            case .statements(let slug): "/admin/units/\(slug.segment("slug"))/finance/statements"
            case .chain(let slug): "/admin/units/\(slug.segment("slug"))/finance/chain"
            case .apiEntries(let slug): "/api/v1/units/\(slug.segment("slug"))/finance/entries"
            case .apiStatements(let slug): "/api/v1/units/\(slug.segment("slug"))/finance/statements"
            }
        }

        /// Every route of the feature, as registered.
        static let patterns: [Self] = [
            .board(.key),
            .entry(.key, .key),
            .csv(.key),
            .admin(.key),
            .reimbursements(.key),
            .newReimbursement(.key),
            .reimbursement(.key, .key),
            .reimbursementStep(.key, .key, .key),
            .income(.key),
            .correction(.key, .key),
            .importBook(.key),
            .statements(.key),
            .chain(.key),
            .apiEntries(.key),
            .apiStatements(.key),
        ]
    }
}
