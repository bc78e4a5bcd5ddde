/// One or more problems with submitted data, reported together so a clerk
/// fixes everything in one pass instead of meeting the errors one by one.
public struct ValidationFailure: SunboardError, Equatable {
    /// One problem with one field.
    public struct Issue: Error, Sendable, Equatable {
        /// The form field or JSON key the problem belongs to.
        public let field: String
        public let message: String
        public let englishMessage: String

        public init(field: String, message: String, englishMessage: String) {
            self.field = field
            self.message = message
            self.englishMessage = englishMessage
        }
    }

    public let issues: [Issue]

    public init(_ issues: [Issue]) {
        self.issues = issues
    }

    public var code: String { "invalid_input" }
    public var kind: ErrorKind { .invalidInput }
    public var message: String { issues.map(\.message).joined(separator: "；") }
    public var englishMessage: String { issues.map(\.englishMessage).joined(separator: "; ") }

    /// The message for one field, if that field has a problem.
    public func message(for field: String) -> String? {
        issues.first { $0.field == field }?.message
    }

    /// Throws when any issue was collected.
    public static func check(_ issues: [Issue]) throws(ValidationFailure) {
        if !issues.isEmpty { throw ValidationFailure(issues) }
    }
}
