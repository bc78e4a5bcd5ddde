import PropertyBased
import Testing

@testable import SunboardCore

@Suite("People boards: ID numbers, card input, what each board may publish, roster files")
struct PeopleBoardRulesTests {
    static func id(_ first17: String) -> String {
        first17 + String(IDNumber.checkCharacter(first17.map { Int(String($0))! }))
    }

    @Test("Valid ID numbers pass and are kept masked; any changed digit is caught")
    func idNumbers() async {
        // GB 11643's published example.
        #expect(IDNumber("11010519491231002X")?.masked == "110105********002X")
        #expect(IDNumber("11010519491231002x") != nil)
        #expect(IDNumber("110105194912310021") == nil)
        #expect(IDNumber("1101051949123100") == nil)
        #expect(IDNumber("11010519491231002Y") == nil)
        await propertyCheck(count: 300, input: Gen.int(in: 0...99_999_999_999), Gen.int(in: 0...16), Gen.int(in: 1...9)) {
            n, position, delta in
            let text = String(n)
            let number = Self.id("612722" + String(repeating: "0", count: 11 - text.count) + text)
            #expect(IDNumber(number) != nil)
            var digits = Array(number)
            digits[position] = Character(String((Int(String(digits[position]))! + delta) % 10))
            #expect(IDNumber(String(digits)) == nil)
        }
        #expect(IDNumber.hint("612722195803120024") == "6127************24")
    }

    @Test("Card input: required fields, whole numbers, money in fen, masked IDs, nothing unstored kept")
    func cardInput() throws {
        let board = PeopleBoard.dibao
        let visibilities = board.visibilities([:])
        let values = try CardInput(values: [
            "name": " 马兰花 ", "id_number": Self.id("61272219580312002"), "household_size": "２", "monthly_benefit": "650.5", "health": "高血压",
        ]).validated(for: board, visibilities: visibilities)
        #expect(values["name"] == "马兰花")
        #expect(values["household_size"] == "2")
        #expect(values["monthly_benefit"] == "65050")
        #expect(values["id_number"]?.contains("********") == true)
        #expect(values["health"] == "高血压")
        var noHealth = visibilities
        noHealth["health"] = .notStored
        #expect(
            try CardInput(values: ["name": "甲", "household_size": "1", "monthly_benefit": "1", "health": "x"])
                .validated(for: board, visibilities: noHealth)["health"] == nil)
        #expect(throws: ValidationFailure.self) {
            try CardInput(values: ["name": "", "household_size": "-1", "monthly_benefit": "1.234"]).validated(
                for: board, visibilities: visibilities)
        }
        do {
            _ = try CardInput(values: ["name": "甲", "household_size": "0", "monthly_benefit": "abc", "id_number": "612722195803120024"])
                .validated(for: board, visibilities: visibilities)
            Issue.record("accepted bad input")
        } catch {
            #expect(Set(error.issues.map(\.field)) == ["household_size", "monthly_benefit", "id_number"])
            #expect(!error.message.contains("612722195803120024"))
        }
    }

    @Test("A community may publish optional fields, never an ID number, health details or a phone")
    func visibilityRules() throws {
        let board = PeopleBoard.dibao
        #expect(board.visibilities(["age": .public])["age"] == .public)
        #expect(board.visibilities(["health": .public])["health"] == .internal)  // ignored where not allowed…
        #expect(throws: ValidationFailure.self) { try board.check(["health": .public]) }  // …and refused when asked
        for key in ["id_number", "phone", "health"] {
            #expect(board.field(key)?.mayBePublic == false, "\(key)")
        }
        #expect(throws: ValidationFailure.self) { try board.check(["name": .notStored]) }
        // What is optional may be not kept at all; the floating-population board keeps no ID number by default.
        try board.check(["phone": .notStored, "health": .notStored])
        #expect(board.visibilities(["phone": .notStored])["phone"] == .notStored)
        #expect(PeopleBoard.floating.visibilities([:])["id_number"] == .notStored)
        #expect(throws: ValidationFailure.self) { try board.check(["household_size": .internal]) }
        try board.check(["age": .public, "hardship": .public, "public_work": .public, "lane": .public])
        // The defaults follow the 2021 rules: name, household size, benefit.
        #expect(board.fields.filter { $0.visibility == .public }.map(\.key) == ["name", "household_size", "monthly_benefit"])
        #expect(!PeopleBoard.floating.showsCards(PeopleBoard.floating.visibilities([:])))
        #expect(PeopleBoard.party.showsCards(PeopleBoard.party.visibilities(["name": .public])))
    }

    @Test("Roster files in GB18030 and UTF-8 read the same; one bad row fails the file with its line")
    func rosterFiles() throws {
        let board = PeopleBoard.dibao
        let visibilities = board.visibilities([:])
        let text = "户主姓名,家庭人口,月保障金（元）,身份证号\r\n张三,2,500,\(Self.id("61272219600101001"))\r\n李四,1,380.50,\r\n"
        let utf8 = RosterCSV.read(Array(text.utf8), board: board, visibilities: visibilities)
        let gb = RosterCSV.read(try #require(TextEncoding.gb18030Bytes(text)), board: board, visibilities: visibilities)
        #expect(utf8.isClean && gb.isClean)
        #expect(gb.encoding == .gb18030)
        #expect(utf8.cards.map(\.values) == gb.cards.map(\.values))
        #expect(gb.cards.map(\.line) == [2, 3])
        let broken = RosterCSV.read(Array((text + "王五,-1,500,\r\n").utf8), board: board, visibilities: visibilities)
        #expect(!broken.isClean)
        #expect(broken.problems.map(\.line) == [4])
        let missing = RosterCSV.read(Array("姓名,电话\r\n张三,1\r\n".utf8), board: board, visibilities: visibilities)
        #expect(missing.fileProblem?.contains("户主姓名") == true)
    }

    @Test("Guides: steps one per line with an optional note, free when no fee, at least two steps")
    func guides() throws {
        var input = GuideInput()
        input.title = "低保"
        input.applicants = "困难家庭"
        input.place = "社区"
        input.documents = "身份证\n\n户口簿"
        input.steps = "申请：交材料\n调查:入户\n公示"
        input.fees = "免费"
        let guide = try input.validated()
        #expect(guide.steps == [.init(title: "申请", detail: "交材料"), .init(title: "调查", detail: "入户"), .init(title: "公示")])
        #expect(guide.documents == ["身份证", "户口簿"])
        #expect(guide.fees.isEmpty && guide.feesText == "不收费")
        #expect(
            GuideInput(guide)
                == {
                    var again = input; again.fees = ""; again.documents = "身份证\n户口簿"; again.steps = "申请：交材料\n调查：入户\n公示"; return again
                }())
        input.steps = "只有一步"
        #expect(throws: ValidationFailure.self) { try input.validated() }
    }

    @Test("The directory knows the seed's categories and the four emergency numbers")
    func directory() throws {
        #expect(DirectoryCategory.allCases.filter { $0.emergencyNumber != nil }.map(\.emergencyNumber) == ["119", "110", "120", "122"])
        #expect(DirectoryCategory(chinese: "事故") == .traffic)
        #expect(DirectoryCategory(chinese: "掏厕所") == .toilets)
        #expect(throws: ValidationFailure.self) { try DirectoryEntryInput(category: "fire", name: "消防", phone: "一一九").validated() }
        #expect(try DirectoryEntryInput(category: "fire", name: "消防", phone: "１１９").validated().phone == "119")
    }
}
