#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads text files as people in China save them: UTF-8 (with or without
/// Excel's byte-order mark) or GB18030, the encoding Excel uses for “CSV”
/// on a Chinese Windows. Conversion is the C library's iconv.
public enum TextEncoding: String, Sendable {
    case utf8 = "UTF-8"
    case gb18030 = "GB18030"

    public var chinese: String { self == .utf8 ? "UTF-8" : "GB18030（Excel 中文版默认）" }

    /// The text and the encoding it was in, or `nil` when it is in neither.
    public static func decode(_ bytes: [UInt8]) -> (text: String, encoding: TextEncoding)? {
        var bytes = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8) }
        guard let converted = convert(Array(bytes), from: gb18030.rawValue, to: utf8.rawValue),
            let text = String(validating: converted, as: UTF8.self)
        else { return nil }
        return (text, .gb18030)
    }

    /// The text in GB18030, as Excel in China would save it.
    public static func gb18030Bytes(_ text: String) -> [UInt8]? {
        convert(Array(text.utf8), from: utf8.rawValue, to: gb18030.rawValue)
    }

    private static func convert(_ bytes: [UInt8], from: String, to: String) -> [UInt8]? {
        let converter = iconv_open(to, from)
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = bytes.map { CChar(bitPattern: $0) }
        // GB18030 takes at most 4 bytes per character and UTF-8 at most 4.
        var output = [CChar](repeating: 0, count: bytes.count * 2 + 16)
        var inputLeft = input.count
        var outputLeft = output.count
        let result = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                var inputPointer = inputBuffer.baseAddress
                var outputPointer = outputBuffer.baseAddress
                return iconv(converter, &inputPointer, &inputLeft, &outputPointer, &outputLeft)
            }
        }
        guard result != -1, inputLeft == 0 else { return nil }
        return output.prefix(output.count - outputLeft).map { UInt8(bitPattern: $0) }
    }
}
