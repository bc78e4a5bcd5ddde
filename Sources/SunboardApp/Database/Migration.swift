import SQLKit

/// One named step of the schema's history.
///
/// Steps are written with SQLKit's dialect-neutral builders so one step
/// serves SQLite and PostgreSQL. A step that has been released never
/// changes: a later change is a new step.
public protocol Migration: Sendable {
    /// Recorded in `schema_migrations` once applied; never rename it.
    var name: String { get }
    func prepare(on database: any SQLDatabase, kind: DatabaseKind) async throws
}
