import NIOCore
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

    @Test("Control characters leave every kind of form: URL-encoded, and multipart text and file names")
    func controlCharacters() throws {
        #expect(FormFields(urlEncoded: "text=a%00b%1Bc%09d")["text"] == "abc\td")
        let boundary = "XyZ"
        let body = [
            "--XyZ", "Content-Disposition: form-data; name=\"text\"", "", "居民\u{0}意见\u{1B}[31m\u{7F}\n第二行",
            "--XyZ", "Content-Disposition: form-data; name=\"files\"; filename=\"收\u{1}据.png\"", "Content-Type: image/png", "",
            "\u{0}bytes",
            "--XyZ--", "",
        ].joined(separator: "\r\n")
        let (fields, files) = try MultipartForm.parse(ByteBuffer(string: body), boundary: boundary)
        #expect(fields["text"] == "居民意见[31m\n第二行")
        #expect(files.first?.filename == "收据.png")
        // The file's own bytes are not text: they are kept exactly.
        #expect(files.first?.bytes == Array("\u{0}bytes".utf8))
    }

    @Test("Repeated fields keep every value")
    func repeated() {
        let form = FormFields(urlEncoded: "role=clerk&role=director")
        #expect(form.all("role") == ["clerk", "director"])
        #expect(form["role"] == "clerk")
    }
}
