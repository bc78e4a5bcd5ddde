import Testing

@testable import SunboardCore

@Suite("Reimbursement signature chains")
struct SignatureChainTests {
    static let withLeader = SignatureChain(rules: SignatureChain.standard.rules + [.init(.role(.officeLeader), above: Fen(200_000))])

    /// A sheet for `amount` with the 经办人 (user 1) signed, as filing leaves it.
    static func filed(_ chain: SignatureChain, amount: Fen) -> SignatureSheet {
        let slots = chain.signers(for: amount)
        return SignatureSheet(slots: slots, ordered: chain.ordered).signing(slot: slots.firstIndex(of: .handler)!, userID: 1, name: "经办人")
    }

    @Test("The default chain is the seed's five, and a threshold adds a signer only above it")
    func thresholds() {
        #expect(SignatureChain.standard.signers(for: Fen(999_999_99)).count == 5)
        #expect(Self.withLeader.signers(for: Fen(200_000)).count == 5)  // exactly ¥2,000: not above
        #expect(Self.withLeader.signers(for: Fen(200_001)).last == .role(.officeLeader))
        #expect(Self.withLeader.chinese.contains("超过 ¥2,000.00 加办事处领导"))
    }

    @Test("Five different people, each holding the role, complete the sheet in any order")
    func anyOrder() throws {
        var sheet = Self.filed(.standard, amount: Fen(50_000))
        let signers: [(Int, Role)] = [(5, .liaison), (2, .secretary), (4, .supervisionChair), (3, .director)]
        for (user, role) in signers {
            #expect(!sheet.isComplete)
            let slot = try sheet.slot(for: user, roles: [role])
            #expect(sheet.slots[slot] == .role(role))
            sheet = sheet.signing(slot: slot, userID: user, name: "\(user)")
        }
        #expect(sheet.isComplete)
        #expect(Set(sheet.signatures.map(\.userID)).count == 5)
        #expect(throws: FinanceError.alreadyComplete) { try sheet.slot(for: 9, roles: [.director]) }
    }

    @Test("Nobody signs twice, not even holding two of the roles; the handler cannot sign again")
    func distinctPeople() throws {
        var sheet = Self.filed(.standard, amount: Fen(50_000))
        // The secretary is also the director (一肩挑): one signature only.
        let slot = try sheet.slot(for: 2, roles: [.secretary, .director])
        sheet = sheet.signing(slot: slot, userID: 2, name: "书记兼主任")
        #expect(throws: FinanceError.signedTwice) { try sheet.slot(for: 2, roles: [.secretary, .director]) }
        // The 经办人 holds the liaison role too; still one person, one signature.
        #expect(throws: FinanceError.signedTwice) { try sheet.slot(for: 1, roles: [.liaison]) }
        #expect(!sheet.mayReject(userID: 2, roles: [.director]))
    }

    @Test("A person without a role the sheet still needs may neither sign nor reject")
    func roleRequired() {
        let sheet = Self.filed(.standard, amount: Fen(50_000))
        #expect(throws: FinanceError.notASigner(needed: ["党支部书记", "居委会主任", "监委会主任", "包社区领导"])) {
            try sheet.slot(for: 7, roles: [.clerk, .supervisor])
        }
        #expect(!sheet.mayReject(userID: 7, roles: [.clerk]))
        #expect(sheet.mayReject(userID: 8, roles: [.liaison]))
        // Above the threshold, only the office leader fills the extra slot.
        let large = Self.filed(Self.withLeader, amount: Fen(300_000))
        #expect((try? large.slot(for: 9, roles: [.officeLeader])).map { large.slots[$0] } == .role(.officeLeader))
    }

    @Test("An ordered chain takes signatures only in its order")
    func ordered() throws {
        let chain = SignatureChain(ordered: true, rules: SignatureChain.standard.rules)
        var sheet = Self.filed(chain, amount: Fen(10_000))
        #expect(throws: FinanceError.outOfOrder(next: "党支部书记")) { try sheet.slot(for: 3, roles: [.director]) }
        sheet = sheet.signing(slot: try sheet.slot(for: 2, roles: [.secretary]), userID: 2, name: "书记")
        #expect(sheet.slots[try sheet.slot(for: 3, roles: [.director])] == .role(.director))
    }

    @Test("A chain without its 经办人, with fewer than two other signers, or listing a role twice is refused")
    func validation() throws {
        _ = try SignatureChain.standard.validated()
        _ = try Self.withLeader.validated()
        #expect(throws: ValidationFailure.self) {
            try SignatureChain(rules: [.init(.role(.director)), .init(.role(.secretary))]).validated()
        }
        #expect(throws: ValidationFailure.self) { try SignatureChain(rules: [.init(.handler), .init(.role(.director))]).validated() }
        #expect(throws: ValidationFailure.self) {
            try SignatureChain(rules: [.init(.handler), .init(.role(.director)), .init(.role(.director)), .init(.role(.secretary))])
                .validated()
        }
        #expect(throws: ValidationFailure.self) {
            try SignatureChain(rules: [.init(.handler), .init(.role(.director)), .init(.role(.officeAdmin)), .init(.role(.secretary))])
                .validated()
        }
        #expect(throws: ValidationFailure.self) {
            try SignatureChain(rules: [.init(.handler, above: Fen(100)), .init(.role(.director)), .init(.role(.secretary))]).validated()
        }
    }
}
