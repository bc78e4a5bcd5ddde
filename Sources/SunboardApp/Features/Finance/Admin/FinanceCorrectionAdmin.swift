import Foundation
import Hummingbird
import SunboardCore

/// Correcting a line of the books (红字冲销): the 报账员 names the wrong
/// line, says why, and says what it should have been; the reversal and the
/// replacement then go through the signature chain like any expense.
extension FinanceAdminController {
    private func line(_ context: UnitAdminContext) async throws -> FinanceEntry {
        try context.require(.keepAccounts)
        guard let id = context.parameters.get("id", as: Int.self), let entry = try await services.finance.entry(id: id),
            entry.unitID == context.unit.id
        else { throw CommonError.notFound }
        return entry
    }

    @Sendable func correctionForm(_ request: Request, context: UnitAdminContext) async throws -> HTML {
        let entry = try await line(context)
        let line = entry.line
        let input = ReimbursementInput(
            fund: line.fund.rawValue, spentOn: line.date.description, amount: line.amount.plainYuan, category: line.category,
            summary: line.summary, payee: line.counterparty)
        return try await correctionPage(context, entry: entry, reason: "", replace: true, input: input, failure: nil)
    }

    @Sendable func requestCorrection(_ request: Request, context: UnitAdminContext) async throws -> Response {
        let entry = try await line(context)
        let form = context.staff.form
        let replace = form["mode"] != "reverse"
        let input = ReimbursementInput(form: form)
        do {
            let requests = try await services.financeWorkflow.requestCorrection(
                of: entry.id, reason: form["reason"], replacement: replace ? input : nil, uploads: receipts(context), unit: context.unit,
                actor: context.actor, at: services.clock.now)
            return .redirect(
                to: SiteURL.finance(.reimbursement(context.unit.slug, requests.reversal)).path + "?done=correct", type: .normal)
        } catch let error as any SunboardError where !(error is CommonError) {
            return try await correctionPage(context, entry: entry, reason: form["reason"], replace: replace, input: input, failure: error)
                .response(from: request, context: context)
        }
    }

    private func correctionPage(
        _ context: UnitAdminContext, entry: FinanceEntry, reason: String, replace: Bool, input: ReimbursementInput,
        failure: (any SunboardError)?
    ) async throws -> HTML {
        let unit = context.unit
        let url = SiteURL.finance(.correction(unit.slug, entry.id)).path
        let model = CorrectionForm(
            frame: frame(context, "冲销更正第 \(entry.id) 笔", [("冲销更正第 \(entry.id) 笔", url)]), action: url,
            cancelURL: SiteURL.finance(.admin(unit.slug)).path, entry: entry,
            publicURL: SiteURL.finance(.entry(unit.slug, entry.id)).path,
            reason: reason, replace: replace, input: input,
            chain: try await services.finance.chain(lineage: context.scope.lineage.map(\.id)).chain, failure: failure)
        return HTML(try services.renderer.render("admin/finance-correct", model), status: failure.map { $0.kind.status } ?? .ok)
    }
}

/// The correction form: the wrong line as it stands, the reason, and the line it should have been.
struct CorrectionForm: Sendable {
    var frame: Frame
    var action: String
    var cancelURL: String
    var line: FinanceBoard.Line
    var publicURL: String
    var alreadyCorrected: Bool
    var reason: String
    var replace: Bool
    var form: ReimbursementForm
    var failure: String?
    var reasonError: String?

    init(
        frame: Frame, action: String, cancelURL: String, entry: FinanceEntry, publicURL: String, reason: String, replace: Bool,
        input: ReimbursementInput, chain: SignatureChain, failure: (any SunboardError)?
    ) {
        self.frame = frame
        self.action = action
        self.cancelURL = cancelURL
        self.line = FinanceBoard.Line(entry, unitSlug: "")
        self.publicURL = publicURL
        self.alreadyCorrected = entry.reversedBy != nil || entry.correction != nil
        self.reason = reason
        self.replace = replace
        var form = ReimbursementForm(frame: frame, action: action, cancelURL: cancelURL, input: input, chain: chain, failure: failure)
        if entry.line.kind != .expense {
            form.categories = FinanceCategory.allowed(for: entry.line.kind).map {
                .init(value: $0, label: $0, selected: $0 == input.category)
            }
        }
        self.form = form
        self.failure = failure?.message
        self.reasonError = failure.flatMap { ($0 as? ValidationFailure)?.message(for: "reason") }
    }
}
