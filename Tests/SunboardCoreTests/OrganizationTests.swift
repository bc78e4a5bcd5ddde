import Testing

@testable import SunboardCore

@Suite("The unit tree")
struct UnitTreeTests {
    static let tree = UnitTree([
        Unit(id: 1, slug: "yinzhou", name: "银州镇办事处", kind: .office, parentID: nil),
        Unit(id: 2, slug: "yincheng", name: "银城社区", kind: .community, parentID: 1),
        Unit(id: 3, slug: "yinnan", name: "银南社区", kind: .community, parentID: 1),
        Unit(id: 4, slug: "yinnan-1", name: "银南一组", kind: .community, parentID: 3),
    ])

    @Test func lineage() {
        #expect(Self.tree.lineage(of: 4).map(\.id) == [4, 3, 1])
        #expect(Self.tree.lineage(of: 1).map(\.id) == [1])
        #expect(Self.tree.lineage(of: 99).isEmpty)
    }

    @Test func subtree() {
        #expect(Self.tree.subtree(of: 1).map(\.id) == [1, 2, 3, 4])
        #expect(Self.tree.subtree(of: 3).map(\.id) == [3, 4])
        #expect(Self.tree.children(of: 1).map(\.slug) == ["yincheng", "yinnan"])
        #expect(Self.tree.roots.map(\.slug) == ["yinzhou"])
    }

    @Test("A cycle in parent links cannot hang a lookup")
    func cycle() {
        let broken = UnitTree([
            Unit(id: 1, slug: "a", name: "A", kind: .office, parentID: 2),
            Unit(id: 2, slug: "b", name: "B", kind: .community, parentID: 1),
        ])
        #expect(broken.lineage(of: 1).map(\.id) == [1, 2])
        #expect(broken.subtree(of: 1).map(\.id) == [1, 2])
    }
}

@Suite("Slugs")
struct SlugTests {
    @Test(arguments: ["yincheng", "yinnan-1", "a2", "office-of-yinzhou"])
    func valid(_ slug: String) { #expect(Slug.isValid(slug)) }

    @Test(arguments: ["", "a", "Yincheng", "1abc", "yin--nan", "yinnan-", "银城", "yin cheng", "yin/nan", String(repeating: "a", count: 41)])
    func invalid(_ slug: String) { #expect(!Slug.isValid(slug)) }
}

@Suite("The 基本概况 form")
struct UnitProfileInputTests {
    @Test("Area is square kilometres with at most two decimals, kept exactly in square metres")
    func area() throws {
        #expect(try UnitProfileInput(area: "11").validated().areaSquareMetres == 11_000_000)
        #expect(try UnitProfileInput(area: "2.6").validated().areaSquareMetres == 2_600_000)
        #expect(try UnitProfileInput(area: "0.05").validated().areaSquareMetres == 50_000)
        #expect(try UnitProfileInput(area: "２．６５").validated().areaSquareMetres == 2_650_000)
        #expect(try UnitProfileInput(area: "").validated().areaSquareMetres == nil)
        for bad in ["2.655", "-1", "1e3", "两平方公里", ".5", "1.2.3"] {
            #expect(throws: ValidationFailure.self, "\(bad)") { try UnitProfileInput(area: bad).validated() }
        }
    }

    @Test("Figures round-trip through the form")
    func roundTrip() throws {
        let profile = UnitProfile(areaSquareMetres: 2_650_000, population: 21_400, households: 7_130, address: "解放路 26 号")
        #expect(try UnitProfileInput(profile).validated() == profile)
        #expect(UnitProfileInput.formatSquareKilometres(11_000_000) == "11")
        #expect(UnitProfileInput.formatSquareKilometres(2_600_000) == "2.6")
        #expect(UnitProfileInput.formatSquareKilometres(50_000) == "0.05")
    }

    @Test("Counts accept separators and full-width digits typed by Chinese input methods")
    func counts() throws {
        let profile = try UnitProfileInput(population: "21,400", households: "７１３０", institutions: " 142 ").validated()
        #expect(profile.population == 21_400)
        #expect(profile.households == 7_130)
        #expect(profile.institutions == 142)
    }

    @Test("Every problem is reported at once, in Chinese, per field")
    func allProblems() {
        let input = UnitProfileInput(area: "很大", population: "1.5", businesses: "-3", address: String(repeating: "路", count: 201))
        #expect(throws: ValidationFailure.self) { try input.validated() }
        do {
            _ = try input.validated()
        } catch {
            #expect(error.issues.map(\.field) == ["area", "population", "businesses", "address"])
            #expect(error.message(for: "population") == "“人口”请填写不带小数的整数，例如 17800。")
            #expect(error.message(for: "address")?.contains("最多 200 个字") == true)
        }
    }

    @Test("Text is trimmed")
    func trimming() throws {
        #expect(try UnitProfileInput(phone: "  0912-3210101\n").validated().phone == "0912-3210101")
    }
}

@Suite("Chinese numbers")
struct ChineseNumberTests {
    @Test func wan() {
        #expect(ChineseNumber.wan(69_000) == "6.9万")
        #expect(ChineseNumber.wan(21_400) == "2.14万")
        #expect(ChineseNumber.wan(10_000) == "1万")
        #expect(ChineseNumber.wan(9_800) == "9800")
        #expect(ChineseNumber.wan(10_049) == "1万")
        #expect(ChineseNumber.wan(10_500) == "1.05万")
    }
}
