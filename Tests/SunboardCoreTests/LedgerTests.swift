import Testing

@testable import SunboardCore

@Suite("The hash-chained ledger")
struct LedgerTests {
    @Test("The canonical form quotes text so no value can move a field boundary")
    func canonical() {
        var form = CanonicalForm(kind: "version")
        form.add("title", "第一行\n第二行 \"引号\" \\")
        form.add("count", 3)
        form.add("missing", String?.none)
        #expect(form.text == "sunboard/version/1\ntitle: \"第一行\\n第二行 \\\"引号\\\" \\\\\"\ncount: 3\nmissing: null\n")
        #expect(form.sha256.count == 64)
        #expect(CanonicalForm.sha256("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    static func chain(_ count: Int) -> [LedgerEntry] {
        var entries: [LedgerEntry] = []
        var previous = LedgerEntry.genesis
        for sequence in 1...count {
            let entry = LedgerEntry(
                sequence: sequence, event: .publish, disclosureID: sequence, version: 1, recordedAt: 1_795_000_000 + sequence,
                payloadHash: CanonicalForm.sha256("record \(sequence)"), previousHash: previous)
            entries.append(entry)
            previous = entry.entryHash
        }
        return entries
    }

    static func verify(_ entries: [LedgerEntry], records: (Int) -> String? = { CanonicalForm.sha256("record \($0)") }) -> LedgerVerifier {
        var verifier = LedgerVerifier()
        for entry in entries { verifier.check(entry, recordHash: records(entry.recordID)) }
        return verifier
    }

    @Test("An intact chain verifies")
    func intact() {
        let verifier = Self.verify(Self.chain(5))
        #expect(verifier.problem == nil)
        #expect(verifier.checked == 5)
    }

    @Test("A changed record is caught at its entry")
    func changedRecord() {
        let verifier = Self.verify(Self.chain(5)) {
            $0 == 3 ? CanonicalForm.sha256("record 3, quietly changed") : CanonicalForm.sha256("record \($0)")
        }
        #expect(verifier.problem == .init(sequence: 3, kind: .recordChanged))
        #expect(verifier.checked == 2)
    }

    @Test("A changed, removed or missing entry is caught")
    func changedEntries() {
        var entries = Self.chain(5)
        entries[1].payloadHash = CanonicalForm.sha256("forged")
        #expect(Self.verify(entries).problem == .init(sequence: 2, kind: .entryChanged))

        var removed = Self.chain(5)
        removed.remove(at: 2)
        #expect(Self.verify(removed).problem == .init(sequence: 4, kind: .sequenceGap))

        var rechained = Self.chain(5)
        rechained[3] = LedgerEntry(
            sequence: 4, event: .publish, disclosureID: 4, version: 1, recordedAt: 1, payloadHash: CanonicalForm.sha256("record 4"),
            previousHash: LedgerEntry.genesis)
        #expect(Self.verify(rechained).problem == .init(sequence: 4, kind: .chainBroken))

        #expect(
            Self.verify(Self.chain(3)) { $0 == 2 ? nil : CanonicalForm.sha256("record \($0)") }.problem
                == .init(sequence: 2, kind: .recordMissing))
    }

    @Test("A version's record covers what the public sees and pins private values without revealing them")
    func versionRecord() {
        let specs = [FieldSpec(key: "a", label: "甲"), FieldSpec(key: "b", label: "申请人", visibility: .duringNotice)]
        let content = DisclosureContent(title: "标题", body: "正文", period: .month(year: 2026, month: 10), fields: ["b": "刘桂芳", "a": "1"])
        func record(_ content: DisclosureContent, salt: String = "salt-1", specs: [FieldSpec] = specs) -> CanonicalForm {
            PublishedRecord.version(
                disclosureID: 7, number: 2, unitSlug: "yincheng", itemCode: "dibao-applicants", content: content, fieldSpecs: specs,
                salt: salt, notice: (CalendarDate("2026-11-24")!, CalendarDate("2026-11-30")!), reason: "更正", publishedAt: 100,
                publishedBy: "王建国")
        }
        let text = record(content).text
        #expect(text.contains("visibility.a: \"public\"\nvisibility.b: \"during_notice\"\n"))
        #expect(text.contains("field.a: \"1\"\n"))
        #expect(text.contains("notice_ends: \"2026-11-30\"\n"))
        // The name is committed to, not written out: a guess cannot be checked against the public hash.
        #expect(!text.contains("刘桂芳"))
        #expect(text.contains("field.b: \"sha256:\(CanonicalForm.sha256("salt-1\n刘桂芳"))\""))
        var changed = content
        changed.fields["b"] = "刘桂兰"
        #expect(record(changed).sha256 != record(content).sha256)
        changed = content
        changed.body = "正文。"
        #expect(record(changed).sha256 != record(content).sha256)
        // Loosening a field's visibility behind the system's back changes the record too.
        #expect(record(content, specs: [specs[0], FieldSpec(key: "b", label: "申请人")]).sha256 != record(content).sha256)
    }
}
