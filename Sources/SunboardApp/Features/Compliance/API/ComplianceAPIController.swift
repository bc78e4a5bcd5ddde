import Foundation
import Hummingbird
import SunboardCore

/// `GET /api/v1/units/{slug}/compliance?period=2026-10` and
/// `GET /api/v1/units/{slug}/assessment?year=2026`: a community's own, or,
/// for the office's slug, all its communities.
struct ComplianceAPIController {
    let services: AppServices
    /// Communities a page of the office's matrix carries.
    static let perPage = 500

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get(SiteURL.compliance(.apiMatrix(.key)).route, use: compliance)
        router.get(SiteURL.compliance(.apiAssessment(.key)).route, use: assessment)
    }

    struct Obligation: Encodable, Sendable {
        var item: String
        var title: String
        var period: String
        var due: String
        /// `on_time`, `late`, `missing` or `upcoming`.
        var status: String
        var statusName: String
        /// Days late, overdue or left.
        var days: Int
        var disclosureId: Nullable<Int>
        var publishedOn: Nullable<String>
    }

    struct Counts: Encodable, Sendable {
        var due: Int
        var onTime: Int
        var late: Int
        var missing: Int
        var upcoming: Int

        init(_ record: OnTimeRecord) {
            due = record.due
            onTime = record.onTime
            late = record.late
            missing = record.missing
            upcoming = record.upcoming
        }
    }

    struct Item: Encodable, Sendable {
        var item: String
        var title: String
        var period: String
        var due: String
        var community: Nullable<String>
        var counts: Counts
    }

    struct Community: Encodable, Sendable {
        var unit: String
        var name: String
        var counts: Counts
        var obligations: [Obligation]
    }

    struct ComplianceJSON: Encodable, Sendable {
        var unit: String
        var name: String
        var period: String
        var today: String
        var items: [Item]
        var communities: [Community]
        var page: Int
        var pages: Int
        var totalCommunities: Int
    }

    /// An answer kept under the versions of the office and of every community
    /// in it, and today's date (what is late changes with the day): at 20,000
    /// communities the assessment takes seconds, so it is built once per
    /// change, and people asking while it is built wait for that one.
    private func cached(_ name: String, unit: Unit, _ build: @escaping @Sendable () async throws -> HTML) async throws -> HTML {
        var office = unit
        if unit.kind != .office {
            guard let parentID = unit.parentID, let parent = try await services.units.find(id: parentID) else { throw CommonError.notFound }
            office = parent
        }
        let communities = try await services.compliance.communityVersions(officeID: office.id)
        let today = CalendarDate(services.clock.now)
        let key = "api:\(name):\(unit.slug):\(office.id).\(office.boardVersion).\(communities.count)-\(communities.sum):\(today)"
        if let hit = services.pages.cached(key) { return hit }
        let pages = services.pages
        return try await services.reports.run(key) {
            if let hit = pages.cached(key) { return hit }
            let answer = try await build()
            return pages.page(for: key) { answer }
        }
    }

    @Sendable func compliance(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let unit = try await unit(context)
        guard let text = request.queryDictionary["period"], let period = Period(text) else {
            throw ComplianceError.badPeriod(request.queryDictionary["period"] ?? "")
        }
        // What is owed can be looked at a year ahead; records, ten years back.
        let range = PeriodRange(today: CalendarDate(services.clock.now), aheadYears: 1)
        guard range.contains(period) else { throw range.refusal(text) }
        // A page past the last is refused before it is built or kept.
        let pageText = request.queryDictionary["page"] ?? "1"
        guard let page = Int(pageText), page >= 1 else { throw ComplianceError.badPage(pageText) }
        if unit.kind == .office, page > 1 {
            let communities = try await services.compliance.communityVersions(officeID: unit.id).count
            guard page <= max(1, (communities + Self.perPage - 1) / Self.perPage) else { throw CommonError.notFound }
        } else if page > 1 {
            throw CommonError.notFound
        }
        return try await cached("compliance:\(period):\(page)", unit: unit) {
            try HTML.json(try await compliance(unit: unit, period: period, page: page))
        }
    }

    private func compliance(unit: Unit, period: Period, page: Int) async throws -> ComplianceJSON {
        let today = CalendarDate(services.clock.now)
        let matrix: ComplianceReport.Matrix
        if unit.kind == .office {
            matrix = try await services.complianceReport.matrix(
                officeID: unit.id, period: period, today: today, page: page, perPage: Self.perPage)
        } else {
            guard let office = unit.parentID, let obligated = try await services.compliance.community(id: unit.id) else {
                throw CommonError.notFound
            }
            matrix = try await services.complianceReport.matrix(officeID: office, period: period, today: today, only: obligated)
        }
        return ComplianceJSON(
            unit: unit.slug, name: unit.name, period: period.description, today: today.description,
            items: matrix.columns.map { column in
                Item(
                    item: column.item.code, title: column.item.title, period: column.period.description, due: column.due.description,
                    community: Nullable(column.owner?.slug), counts: Counts(column.summary))
            },
            communities: matrix.lines.map { line in
                Community(
                    unit: line.unit.slug, name: line.unit.name, counts: Counts(line.record),
                    obligations: zip(matrix.columns, line.cells).compactMap { column, cell in
                        cell.map {
                            Obligation(
                                item: column.item.code, title: column.item.title, period: column.period.description,
                                due: column.due.description,
                                status: $0.status.code, statusName: $0.status.chinese, days: $0.status.days,
                                disclosureId: Nullable($0.disclosureID),
                                publishedOn: Nullable($0.publishedOn?.description))
                        }
                    })
            }, page: matrix.page, pages: matrix.pages, totalCommunities: matrix.communities)
    }

    struct Part: Encodable, Sendable {
        var key: String
        var name: String
        var weight: Int
        var share: Double
        var points: Double
        var basis: String
    }

    struct Note: Encodable, Sendable {
        var kind: String
        var kindName: String
        var text: String
    }

    struct Scored: Encodable, Sendable {
        var unit: String
        var name: String
        var rank: Int
        var score: Double
        var parts: [Part]
        var counts: Counts
        var notes: [Note]
    }

    struct Weights: Encodable, Sendable {
        var onTime: Int
        var completeness: Int
        var feedback: Int
        var objections: Int
    }

    struct AssessmentJSON: Encodable, Sendable {
        var unit: String
        var name: String
        var year: Int
        var today: String
        var weights: Weights
        var communities: [Scored]
    }

    @Sendable func assessment(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let unit = try await unit(context)
        let text = request.queryDictionary["year"] ?? ""
        guard text.count == 4, let year = Int(text), (2000...2100).contains(year) else { throw ComplianceError.badYear(text) }
        let range = PeriodRange(today: CalendarDate(services.clock.now))
        guard range.contains(year: year) else { throw range.refusal(text) }
        return try await cached("assessment:\(year)", unit: unit) { try HTML.json(try await assessment(unit: unit, year: year)) }
    }

    private func assessment(unit: Unit, year: Int) async throws -> AssessmentJSON {
        guard let office = unit.kind == .office ? unit.id : unit.parentID else { throw CommonError.notFound }
        let today = CalendarDate(services.clock.now)
        let (settings, ranking) = try await services.complianceReport.assessment(officeID: office, year: year, today: today)
        let weights = settings.weights
        return AssessmentJSON(
            unit: unit.slug, name: unit.name, year: year, today: today.description,
            weights: Weights(
                onTime: weights.onTime, completeness: weights.completeness, feedback: weights.feedback, objections: weights.objections),
            communities: ranking.filter { unit.kind == .office || $0.unit.id == unit.id }.map { row in
                Scored(
                    unit: row.unit.slug, name: row.unit.name, rank: row.rank, score: row.score.total,
                    parts: row.score.parts.map {
                        Part(
                            key: $0.key, name: $0.name, weight: $0.weight, share: ($0.share * 1000).rounded() / 1000, points: $0.points,
                            basis: $0.basis)
                    },
                    counts: Counts(row.facts.record),
                    notes: row.notes.map { Note(kind: $0.kind.rawValue, kindName: $0.kind.chinese, text: $0.text) })
            })
    }

    private func unit(_ context: AppRequestContext) async throws -> Unit {
        guard let unit = try await services.units.find(slug: try context.parameters.require("slug")) else { throw CommonError.notFound }
        return unit
    }
}
