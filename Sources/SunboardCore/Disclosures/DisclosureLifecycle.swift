/// The rules of a disclosure's life: who may take which step from where.
///
/// draft → submitted → approved (or returned with a comment) → published →
/// corrected as a new version, or withdrawn with a reason. Every rule is
/// here, so the server checks the same thing whatever page or API asks.
public enum DisclosureLifecycle {
    /// The state a step is judged against.
    public struct State: Sendable, Equatable {
        public var status: DisclosureStatus
        /// Whether any version has been published.
        public var hasPublishedVersion: Bool
        /// Who wrote, changed or submitted the working copy.
        public var authors: Set<Int>

        public init(status: DisclosureStatus, hasPublishedVersion: Bool, authors: Set<Int> = []) {
            self.status = status
            self.hasPublishedVersion = hasPublishedVersion
            self.authors = authors
        }
    }

    /// The status after `action`, or the reason it may not be taken.
    public static func next(
        after action: DisclosureAction, from state: State, permissions: Set<Permission>, actor: Int
    ) throws(DisclosureError) -> DisclosureStatus {
        switch action {
        case .edit, .submit:
            try require(.draftDisclosures, permissions, action)
            guard state.status == .draft || state.status == .returned else { throw .wrongState(action, state.status) }
            return action == .edit ? state.status : .submitted
        case .approve:
            try require(.reviewDisclosures, permissions, action)
            guard state.status == .submitted else { throw .wrongState(action, state.status) }
            // Review is a second pair of eyes: never the writer's own.
            guard !state.authors.contains(actor) else { throw .ownSubmission }
            return .approved
        case .returnForChanges:
            switch state.status {
            case .submitted: try require(.reviewDisclosures, permissions, action)
            case .approved: try require(.publishDisclosures, permissions, action)
            default: throw .wrongState(action, state.status)
            }
            return .returned
        case .publish:
            try require(.publishDisclosures, permissions, action)
            guard state.status == .approved else { throw .wrongState(action, state.status) }
            return .published
        case .startCorrection:
            guard permissions.contains(.draftDisclosures) || permissions.contains(.publishDisclosures) else {
                throw .notAllowed(action)
            }
            guard state.status == .published else { throw .wrongState(action, state.status) }
            return .draft
        case .withdraw:
            try require(.publishDisclosures, permissions, action)
            guard state.hasPublishedVersion, state.status != .withdrawn else { throw .wrongState(action, state.status) }
            return .withdrawn
        }
    }

    /// Every step the person could take now, for showing the right buttons.
    public static func available(from state: State, permissions: Set<Permission>, actor: Int) -> [DisclosureAction] {
        DisclosureAction.allCases.filter { (try? next(after: $0, from: state, permissions: permissions, actor: actor)) != nil }
    }

    private static func require(_ permission: Permission, _ permissions: Set<Permission>, _ action: DisclosureAction)
        throws(DisclosureError)
    {
        guard permissions.contains(permission) else { throw .notAllowed(action) }
    }
}
