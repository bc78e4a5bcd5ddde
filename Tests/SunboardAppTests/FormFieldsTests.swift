import Testing

@testable import SunboardApp

@Suite("Reading submitted forms")
struct FormFieldsTests {
    @Test("Percent escapes, plus signs and Chinese are decoded")
    func decoding() {
        let form = FormFields(urlEncoded: "name=%E7%8E%8B%E5%BB%BA%E5%9B%BD&note=a+b%2Bc&empty=&flag")
        #expect(form["name"] == "王建国")
        #expect(form["note"] == "a b+c")
        #expect(form["empty"] == "")
        #expect(form.contains("flag"))
        #expect(form["missing"] == "")
    }

    @Test("Malformed input is kept as typed, never a crash")
    func malformed() {
        let form = FormFields(urlEncoded: "a=%&b=%zz&c=%e4%bd&&=x&d=1=2")
        #expect(form["a"] == "%")
        #expect(form["b"] == "%zz")
        #expect(form["c"] == "\u{FFFD}")
        #expect(form["d"] == "1=2")
    }

    @Test("Repeated fields keep every value")
    func repeated() {
        let form = FormFields(urlEncoded: "role=clerk&role=director")
        #expect(form.all("role") == ["clerk", "director"])
        #expect(form["role"] == "clerk")
    }
}
