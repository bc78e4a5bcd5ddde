import SunboardCore

/// What can go wrong when editing the catalog.
public enum CatalogError: SunboardError, Equatable {
    case codeTaken(String)

    public var code: String { "catalog_code_taken" }
    public var message: String {
        switch self {
        case .codeTaken(let code): "目录中已经有代码为“\(code)”的事项，请换一个代码。"
        }
    }
    public var englishMessage: String {
        switch self {
        case .codeTaken(let code): "The catalog already has an item with code \(code)."
        }
    }
    public var kind: ErrorKind { .conflict }
}
