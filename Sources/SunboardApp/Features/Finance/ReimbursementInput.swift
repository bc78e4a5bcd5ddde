import SunboardCore

/// A reimbursement as typed by its 经办人, before receipts are checked.
public struct ReimbursementInput: Sendable {
    public var fund: String
    public var spentOn: String
    public var amount: String
    public var category: String
    public var summary: String
    public var payee: String

    public init(
        fund: String = "", spentOn: String = "", amount: String = "", category: String = "", summary: String = "", payee: String = ""
    ) {
        self.fund = fund
        self.spentOn = spentOn
        self.amount = amount
        self.category = category
        self.summary = summary
        self.payee = payee
    }

    init(form: FormFields) {
        self.init(
            fund: form["fund"], spentOn: form["spent_on"], amount: form["amount"], category: form["category"], summary: form["summary"],
            payee: form["payee"])
    }

    /// The expense line it would become (or, correcting an income line,
    /// that kind), checked by the same rules as any line.
    func validated(handler: String, today: CalendarDate, kind: EntryKind = .expense) throws(ValidationFailure) -> FinanceLine {
        let input = FinanceLineInput(
            kind: kind.rawValue, fund: fund, date: spentOn, amount: amount, category: category, summary: summary,
            counterparty: payee, handler: handler)
        do {
            return try input.validated(today: today)
        } catch {
            // The form names its fields differently from a CSV file.
            throw ValidationFailure(
                error.issues.map {
                    .init(
                        field: $0.field == "date" ? "spent_on" : $0.field == "counterparty" ? "payee" : $0.field, message: $0.message,
                        englishMessage: $0.englishMessage)
                })
        }
    }
}
