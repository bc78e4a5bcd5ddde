/// The signatures one reimbursement needs and has: the rules of signing,
/// applied. The slots are fixed when the request is filed, so changing a
/// unit's chain later never changes a request already on its way.
public struct SignatureSheet: Sendable, Hashable {
    /// A signature given.
    public struct Signature: Sendable, Hashable {
        public var slot: Int
        public var userID: Int
        public var name: String

        public init(slot: Int, userID: Int, name: String) {
            self.slot = slot
            self.userID = userID
            self.name = name
        }
    }

    public var slots: [SignatureChain.Signer]
    public var ordered: Bool
    public var signatures: [Signature]

    public init(slots: [SignatureChain.Signer], ordered: Bool, signatures: [Signature] = []) {
        self.slots = slots
        self.ordered = ordered
        self.signatures = signatures
    }

    public var isComplete: Bool { signatures.count == slots.count }

    public func signature(at slot: Int) -> Signature? { signatures.first { $0.slot == slot } }

    /// Unsigned slots, in order.
    public var missing: [Int] { slots.indices.filter { signature(at: $0) == nil } }

    /// The slot a person signs next, or why they may not sign.
    ///
    /// - `roles`: the roles the person holds for the request's community.
    public func slot(for userID: Int, roles: Set<Role>) throws(FinanceError) -> Int {
        guard !isComplete else { throw .alreadyComplete }
        if signatures.contains(where: { $0.userID == userID }) { throw .signedTwice }
        let open = missing.filter { slots[$0] != .handler }
        let theirs = open.filter { index in
            if case .role(let role) = slots[index] { return roles.contains(role) }
            return false
        }
        guard let first = theirs.first else {
            throw .notASigner(needed: open.map { slots[$0].chinese })
        }
        if ordered, let next = open.first, next != first {
            throw .outOfOrder(next: slots[next].chinese)
        }
        return first
    }

    /// Whether the person may reject the request: anyone who could sign
    /// one of the open slots, ignoring order.
    public func mayReject(userID: Int, roles: Set<Role>) -> Bool {
        guard !isComplete, !signatures.contains(where: { $0.userID == userID }) else { return false }
        return missing.contains { index in
            if case .role(let role) = slots[index] { return roles.contains(role) }
            return false
        }
    }

    /// The sheet with one more signature.
    public func signing(slot: Int, userID: Int, name: String) -> SignatureSheet {
        var sheet = self
        sheet.signatures.append(.init(slot: slot, userID: userID, name: name))
        sheet.signatures.sort { $0.slot < $1.slot }
        return sheet
    }
}
