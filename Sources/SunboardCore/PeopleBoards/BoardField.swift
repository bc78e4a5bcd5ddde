/// Who may see one field of a people board's cards.
public enum BoardVisibility: String, Sendable, Codable, CaseIterable {
    /// On the public board, its API and every print of it.
    case `public`
    /// Kept for the staff of the card's own community; never shown outside.
    case `internal`
    /// Not kept at all: the form does not even ask for it.
    case notStored = "not_stored"

    public var chinese: String {
        switch self {
        case .public: "公开"
        case .internal: "仅本社区工作人员可见"
        case .notStored: "不保存"
        }
    }
}

/// One field of a board's cards, with its default visibility and whether a
/// community's rules may make it public.
public struct BoardField: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case text
        case longText = "long_text"
        case number
        case money
        /// A resident ID number: checked, then kept masked (前6位和后4位).
        case idNumber = "id_number"
        case phone
    }

    public let key: String
    public let label: String
    public let kind: Kind
    public let visibility: BoardVisibility
    /// Whether a community may publish it. ID numbers, health details,
    /// phone numbers and addresses finer than an alley never may.
    public let mayBePublic: Bool
    public let required: Bool
    public let hint: String

    public init(
        key: String, label: String, kind: Kind = .text, visibility: BoardVisibility, mayBePublic: Bool = false,
        required: Bool = false, hint: String = ""
    ) {
        self.key = key
        self.label = label
        self.kind = kind
        self.visibility = visibility
        // A field that starts public may of course stay public.
        self.mayBePublic = mayBePublic || visibility == .public
        self.required = required
        self.hint = hint
    }

    /// What a community may choose for it: its default; public where the
    /// rules allow; and for an optional field, internal or not kept at all.
    public var allowed: [BoardVisibility] {
        var options = [visibility]
        if mayBePublic && visibility != .public { options.append(.public) }
        if !required {
            for option in [BoardVisibility.internal, .notStored] where !options.contains(option) { options.append(option) }
        }
        return options
    }

    /// Whether a community may choose its visibility at all.
    public var isChoosable: Bool { allowed.count > 1 }
}
