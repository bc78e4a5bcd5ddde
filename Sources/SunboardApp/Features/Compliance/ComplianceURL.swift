extension SiteURL {
    /// The office's matrix and assessment, and their API.
    enum Compliance: Sendable, Equatable {
        case matrix(_ slug: Param<String>)
        case matrixCSV(_ slug: Param<String>)
        case assessment(_ slug: Param<String>)
        case assessmentPrint(_ slug: Param<String>)
        case assessmentCSV(_ slug: Param<String>)
        case assessmentSettings(_ slug: Param<String>)
        case assessmentNotes(_ slug: Param<String>)
        case apiMatrix(_ slug: Param<String>)
        case apiAssessment(_ slug: Param<String>)

        var path: String {
            switch self {
            case .matrix(let slug): "/admin/units/\(slug.segment("slug"))/compliance"
            case .matrixCSV(let slug): "/admin/units/\(slug.segment("slug"))/compliance.csv"
            case .assessment(let slug): "/admin/units/\(slug.segment("slug"))/assessment"
            case .assessmentPrint(let slug): "/admin/units/\(slug.segment("slug"))/assessment/print"
            case .assessmentCSV(let slug): "/admin/units/\(slug.segment("slug"))/assessment.csv"
            case .assessmentSettings(let slug): "/admin/units/\(slug.segment("slug"))/assessment/settings"
            case .assessmentNotes(let slug): "/admin/units/\(slug.segment("slug"))/assessment/notes"
            case .apiMatrix(let slug): "/api/v1/units/\(slug.segment("slug"))/compliance"
            case .apiAssessment(let slug): "/api/v1/units/\(slug.segment("slug"))/assessment"
            }
        }

        /// Every route of the feature, as registered.
        static let patterns: [Self] = [
            .matrix(.key),
            .matrixCSV(.key),
            .assessment(.key),
            .assessmentPrint(.key),
            .assessmentCSV(.key),
            .assessmentSettings(.key),
            .assessmentNotes(.key),
            .apiMatrix(.key),
            .apiAssessment(.key),
        ]
    }
}
