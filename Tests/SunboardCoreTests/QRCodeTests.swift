import Testing

@testable import SunboardCore

@Suite("QR codes for printed notices")
struct QRCodeTests {
    @Test("Reed–Solomon matches the standard's worked example (1-M “HELLO WORLD”)")
    func reedSolomon() {
        let data: [UInt8] = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17]
        #expect(ReedSolomon.remainder(data, degree: 10) == [196, 35, 39, 119, 235, 215, 231, 226, 93, 23])
    }
}

extension QRCodeTests {
    @Test(
        "Every version from 1 to 10 has its finders, timing and a format that reads back",
        arguments: [1, 20, 40, 60, 80, 100, 120, 150, 180, 210])
    func structure(length: Int) throws {
        let text = "http://example.org/" + String(repeating: "a", count: max(0, length - 19))
        let code = try #require(QRCode(text))
        #expect(code.size == 17 + 4 * code.version)
        #expect(QRCode.dataCapacity(code.version) * 8 >= 12 + 8 * text.utf8.count)
        let m = code.modules
        // Finder centres are dark, their light ring is light; the timing row alternates.
        for (row, column) in [(3, 3), (3, code.size - 4), (code.size - 4, 3)] {
            #expect(m[row][column] && !m[row - 2][column] && m[row - 3][column])
        }
        for index in 8..<(code.size - 8) { #expect(m[6][index] == (index % 2 == 0)) }
        // The format bits: level M and the mask chosen, in both copies.
        let first = (0..<6).map { m[$0][8] } + [m[7][8], m[8][8], m[8][7]] + (9..<15).map { m[8][14 - $0] }
        let second = (0..<8).map { m[8][code.size - 1 - $0] } + (8..<15).map { m[code.size - 15 + $0][8] }
        #expect(first == second)
        let value = first.enumerated().reduce(0) { $0 | ($1.element ? 1 << $1.offset : 0) } ^ 0x5412
        #expect(value >> 13 == 0)  // level M
        #expect(value >> 10 & 7 == code.mask)
    }

    @Test("Text longer than version 10 holds is refused, not cut")
    func tooLong() {
        #expect(QRCode(String(repeating: "x", count: 214)) == nil)
        #expect(QRCode(String(repeating: "x", count: 213)) != nil)
    }

    @Test("The SVG keeps a quiet zone and labels the code")
    func svg() throws {
        let code = try #require(QRCode("http://example.org/"))
        let svg = code.svg(pixels: 120, label: "扫码 <看>")
        #expect(code.version == 2)
        #expect(svg.contains("viewBox=\"0 0 33 33\"") && svg.contains("aria-label=\"扫码 &lt;看&gt;\""))
    }
}
