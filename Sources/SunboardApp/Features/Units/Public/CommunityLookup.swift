import Hummingbird
import SunboardCore

extension AppServices {
    /// The community a public route's `slug` names, with its lineage; `404`
    /// for an office, which keeps no books and no boards of its own.
    func community(_ context: AppRequestContext) async throws -> (Unit, [Unit]) {
        let slug = try context.parameters.require("slug")
        guard let unit = try await units.find(slug: slug), unit.kind == .community else { throw CommonError.notFound }
        return (unit, try await units.lineage(of: unit.id))
    }
}
