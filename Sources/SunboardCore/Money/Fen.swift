/// An amount of money in fen (分), the smallest unit of the yuan. Money is
/// never a floating-point number: ¥12,345.67 is 1,234,567 fen, exactly.
public struct Fen: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let value: Int

    public init(_ value: Int) { self.value = value }

    public static let zero = Fen(0)

    /// Reads yuan as people write them: `12345.67`, `12,345.6`, `¥ 12345`,
    /// `１２３４５．６７`, `-50`; at most two decimals. `nil` otherwise.
    public init?(yuan text: String) {
        var cleaned = NumberText.normalize(text)
        for symbol in ["¥", "￥", "元"] { cleaned = cleaned.replacing(symbol, with: "") }
        var negative = false
        if cleaned.hasPrefix("-") {
            negative = true
            cleaned.removeFirst()
        }
        let parts = cleaned.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty, whole.count <= 13,
            whole.allSatisfy(\.isASCIIDigit), let yuan = Int(whole)
        else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard fraction.count <= 2, fraction.allSatisfy(\.isASCIIDigit), parts.count == 1 || !fraction.isEmpty else { return nil }
        let cents = (Int(fraction) ?? 0) * (fraction.count == 1 ? 10 : 1)
        self.value = (yuan * 100 + cents) * (negative ? -1 : 1)
    }

    public var description: String { String(value) }

    /// “¥12,345.67”
    public var yuan: String {
        let magnitude = abs(value)
        let whole = String(magnitude / 100)
        var grouped = ""
        for (index, digit) in whole.enumerated() {
            if index > 0 && (whole.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        let cents = magnitude % 100
        return "\(value < 0 ? "-" : "")¥\(grouped).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// “+¥1,585.10” or “−¥1,585.10”: what a line does to a balance.
    public var signedYuan: String { (value < 0 ? "−" : "+") + Fen(abs(value)).yuan }

    /// “12345.67”, as a form shows it again.
    public var plainYuan: String {
        let magnitude = abs(value)
        let cents = magnitude % 100
        return "\(value < 0 ? "-" : "")\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    public static func < (lhs: Fen, rhs: Fen) -> Bool { lhs.value < rhs.value }
    public static func + (lhs: Fen, rhs: Fen) -> Fen { Fen(lhs.value + rhs.value) }
    public static func - (lhs: Fen, rhs: Fen) -> Fen { Fen(lhs.value - rhs.value) }

    public init(from decoder: any Decoder) throws {
        value = try decoder.singleValueContainer().decode(Int.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
