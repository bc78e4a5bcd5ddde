/// An error a person can act on: a stable code for the API, a plain Chinese
/// message for the page, an English message for API clients.
///
/// Each capability declares its own enum conforming to this protocol, so the
/// web layer can turn any of them into a page or a JSON error without knowing
/// the capability.
public protocol SunboardError: Error, Sendable, CustomStringConvertible {
    /// Stable, machine-readable code, e.g. `invalid_username`. Never change it.
    var code: String { get }
    /// What went wrong, in plain Chinese.
    var message: String { get }
    /// The same in English, for API clients.
    var englishMessage: String { get }
    var kind: ErrorKind { get }
}

extension SunboardError {
    /// Both languages, for logs and the command line.
    public var description: String { "\(message) / \(englishMessage)" }
}

/// What kind of failure an error is; the web layer maps it to an HTTP status.
public enum ErrorKind: Sendable, Equatable {
    case invalidInput
    case unauthenticated
    case forbidden
    case notFound
    case conflict
    case tooManyRequests
}
