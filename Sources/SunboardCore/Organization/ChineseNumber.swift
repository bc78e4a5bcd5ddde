/// Numbers written the way Chinese readers expect them.
public enum ChineseNumber {
    /// 69000 → “6.9万”, 21400 → “2.14万”, 9800 → “9800”.
    public static func wan(_ value: Int) -> String {
        guard value >= 10_000 else { return String(value) }
        let hundredths = (value + 50) / 100
        let whole = hundredths / 100
        let fraction = hundredths % 100
        if fraction == 0 { return "\(whole)万" }
        if fraction % 10 == 0 { return "\(whole).\(fraction / 10)万" }
        return "\(whole).\(fraction < 10 ? "0" : "")\(fraction)万"
    }
}
