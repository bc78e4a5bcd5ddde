/// One fund's movement over a period: what it held before, what came in
/// and went out, what it holds after. An opening line inside the period
/// adds to the opening balance, not to income.
public struct FundTotals: Sendable, Hashable {
    public var opening: Fen
    public var income: Fen
    public var expense: Fen

    public var closing: Fen { opening + income - expense }

    /// `before`: the fund's balance from every line before the period;
    /// `lines`: the period's lines of this fund.
    public init(before: Fen, lines: [FinanceLine]) {
        func sum(_ kind: EntryKind) -> Fen { lines.filter { $0.kind == kind }.reduce(.zero) { $0 + $1.amount } }
        opening = before + sum(.opening)
        income = sum(.income)
        expense = sum(.expense)
    }
}
