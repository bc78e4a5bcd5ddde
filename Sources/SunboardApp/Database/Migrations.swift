/// The schema's history, gathered from every feature (``Feature/migrations``)
/// and run in the order of the numbers that begin the steps' names, wherever
/// a feature declares them: a new step takes the next free number. Append
/// only: a released step is never edited, renumbered or removed.
public enum Migrations {
    public static let all: [any Migration] = Features.all.flatMap(\.migrations).sorted { $0.name < $1.name }
}
