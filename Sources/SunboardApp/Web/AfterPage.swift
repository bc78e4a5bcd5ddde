import Hummingbird
import SunboardCore

/// `?after=N&limit=100`: how the ledger and the records API are paged,
/// checked before anything is read (limit 1–1000).
struct AfterPage {
    let after: Int
    let limit: Int

    init(_ request: Request) throws {
        let parameters = request.queryDictionary
        guard let after = Int(parameters["after"] ?? "0"), after >= 0, let limit = Int(parameters["limit"] ?? "100"),
            (1...1000).contains(limit)
        else {
            throw ValidationFailure([
                .init(
                    field: "after", message: "“after”须为不小于 0 的整数，“limit”须在 1 到 1000 之间。",
                    englishMessage: "after must be a whole number ≥ 0 and limit 1 to 1000.")
            ])
        }
        self.after = after
        self.limit = limit
    }

    var pair: (after: Int, limit: Int) { (after, limit) }
}
