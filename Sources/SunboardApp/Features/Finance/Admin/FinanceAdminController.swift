import Foundation
import Hummingbird
import SunboardCore

/// `/admin/units/{slug}/finance`: reimbursements and their signatures,
/// income, imports, statements and the signature chain. Every step is
/// checked again by `FinanceWorkflow`; the buttons shown are a convenience.
struct FinanceAdminController {
    let services: AppServices

    func addRoutes(to group: RouterGroup<UnitAdminContext>) {
        group.get(SiteURL.finance(.admin(.key)).route(under: .units(.admin(.key))), use: overview)
        group.get(SiteURL.finance(.newReimbursement(.key)).route(under: .units(.admin(.key))), use: newRequest)
        group.post(SiteURL.finance(.reimbursements(.key)).route(under: .units(.admin(.key))), use: createRequest)
        group.get(SiteURL.finance(.reimbursement(.key, .key)).route(under: .units(.admin(.key))), use: show)
        group.post(SiteURL.finance(.reimbursementStep(.key, .key, .key)).route(under: .units(.admin(.key))), use: step)
        group.get(SiteURL.finance(.correction(.key, .key)).route(under: .units(.admin(.key))), use: correctionForm)
        group.post(SiteURL.finance(.correction(.key, .key)).route(under: .units(.admin(.key))), use: requestCorrection)
        group.get(SiteURL.finance(.income(.key)).route(under: .units(.admin(.key))), use: incomeForm)
        group.post(SiteURL.finance(.income(.key)).route(under: .units(.admin(.key))), use: recordIncome)
        group.get(SiteURL.finance(.importBook(.key)).route(under: .units(.admin(.key))), use: importForm)
        group.post(SiteURL.finance(.importBook(.key)).route(under: .units(.admin(.key))), use: importFile)
        group.post(SiteURL.finance(.statements(.key)).route(under: .units(.admin(.key))), use: generateStatement)
        group.get(SiteURL.finance(.chain(.key)).route(under: .units(.admin(.key))), use: chainPage)
        group.post(SiteURL.finance(.chain(.key)).route(under: .units(.admin(.key))), use: saveChain)
    }

    // MARK: Overview

    @Sendable func overview(_ request: Request, context: UnitAdminContext) async throws -> HTML {
        try await overviewPage(context, notice: Self.notices.message(for: request), error: nil, status: .ok)
    }

    static let notices = Flash([
        "filed": "报账单已提交，等待签字。", "sign": "已签字。", "reject": "已退回，理由已告知经办人。", "post": "已过账，这笔支出和原始单据已在财务公开栏公开。",
        "file": "已补齐单据并提交签字。", "income": "已登记。", "chain": "签字流程已保存，之后提交的报账单按新流程签字。",
        "correct": "冲销单已提交，按签字流程签字后由报账员过账；更正后的那一笔在冲销过账后才能过账。",
    ])

    private func overviewPage(_ context: UnitAdminContext, notice: String?, error: String?, status: HTTPResponse.Status) async throws
        -> HTML
    {
        let unit = context.unit
        let requests = try await services.finance.reimbursements(unitID: unit.id)
        let roles = context.scope.roles
        func row(_ request: Reimbursement) -> ReimbursementListRow {
            ReimbursementListRow(
                request, unit: unit,
                canSign: request.status == .signing && (try? request.sheet.slot(for: context.user.id, roles: roles)) != nil)
        }
        let groups: [(String, [ReimbursementStatus])] = [
            ("签字中", [.signing]), ("待过账", [.signed]), ("待提交（导入的支出，需经办人补单据）", [.draft]), ("已退回", [.rejected]), ("最近过账", [.posted]),
        ]
        let toSign = requests.filter { $0.status == .signing }.map(row).filter(\.mine)
        let recent = try await services.finance.recentEntries(unitID: unit.id, limit: 15).map { entry in
            RecentLine(
                line: FinanceBoard.Line(entry, unitSlug: unit.slug),
                correctURL: context.can(.keepAccounts) && entry.correction == nil && entry.reversedBy == nil
                    ? SiteURL.finance(.correction(unit.slug, entry.id)).path : nil)
        }
        let model = FinanceAdminPage(
            frame: frame(context, "财务", []), unitName: unit.name,
            chain: try await services.finance.chain(lineage: context.scope.lineage.map(\.id)).chain.chinese,
            chainURL: SiteURL.finance(.chain(unit.slug)).path,
            toSign: toSign, hasToSign: !toSign.isEmpty,
            groups: groups.compactMap { title, statuses in
                let rows = requests.filter { statuses.contains($0.status) }.prefix(30).map(row)
                return rows.isEmpty ? nil : .init(title: title, rows: Array(rows))
            },
            canFile: context.can(.fileReimbursements), canKeepAccounts: context.can(.keepAccounts),
            canDraft: context.can(.draftDisclosures),
            newURL: SiteURL.finance(.newReimbursement(unit.slug)).path, incomeURL: SiteURL.finance(.income(unit.slug)).path,
            importURL: SiteURL.finance(.importBook(unit.slug)).path, statementsURL: SiteURL.finance(.statements(unit.slug)).path,
            publicURL: SiteURL.finance(.board(unit.slug)).path,
            lastMonth: Period.containing(CalendarDate(services.clock.now), frequency: .monthly).previous.description,
            notice: notice, error: error, recent: recent, hasRecent: !recent.isEmpty)
        return HTML(try services.renderer.render("admin/finance", model), status: status)
    }

    // MARK: Filing

    @Sendable func newRequest(_ request: Request, context: UnitAdminContext) async throws -> HTML {
        try context.require(.fileReimbursements)
        return try await requestForm(context, input: ReimbursementInput(fund: Fund.office.rawValue), failure: nil)
    }

    @Sendable func createRequest(_ request: Request, context: UnitAdminContext) async throws -> Response {
        let input = ReimbursementInput(form: context.staff.form)
        do {
            let id = try await services.financeWorkflow.file(
                input, uploads: receipts(context), unit: context.unit, actor: context.actor, at: services.clock.now)
            return .redirect(to: SiteURL.finance(.reimbursement(context.unit.slug, id)).path + "?done=filed", type: .normal)
        } catch let error as ValidationFailure {
            return try await requestForm(context, input: input, failure: error).response(from: request, context: context)
        } catch let error as FinanceError where error.kind == .invalidInput {
            return try await requestForm(context, input: input, failure: error).response(from: request, context: context)
        }
    }

    private func requestForm(_ context: UnitAdminContext, input: ReimbursementInput, failure: (any SunboardError)?) async throws -> HTML {
        let unit = context.unit
        let model = ReimbursementForm(
            frame: frame(context, "填写报账单", [("填写报账单", SiteURL.finance(.newReimbursement(unit.slug)).path)]),
            action: SiteURL.finance(.reimbursements(unit.slug)).path, cancelURL: SiteURL.finance(.admin(unit.slug)).path, input: input,
            chain: try await services.finance.chain(lineage: context.scope.lineage.map(\.id)).chain, failure: failure)
        return HTML(try services.renderer.render("admin/reimbursement-form", model), status: failure == nil ? .ok : .badRequest)
    }

    // MARK: One request

    private func target(_ context: UnitAdminContext) async throws -> Reimbursement {
        guard let id = context.parameters.get("id", as: Int.self), let request = try await services.finance.reimbursement(id: id),
            request.unitID == context.unit.id
        else { throw CommonError.notFound }
        return request
    }

    @Sendable func show(_ request: Request, context: UnitAdminContext) async throws -> HTML {
        let reimbursement = try await target(context)
        return try await page(
            context, reimbursement, notice: Self.notices.message(for: request), error: nil, status: .ok)
    }

    /// `sign`, `reject`, `post` or `file` (an imported draft).
    @Sendable func step(_ request: Request, context: UnitAdminContext) async throws -> Response {
        let reimbursement = try await target(context)
        let unit = context.unit
        let now = services.clock.now
        let name = try context.parameters.require("step")
        do {
            switch name {
            case "sign":
                try await services.financeWorkflow.sign(
                    reimbursement, unit: unit, roles: context.scope.roles, actor: context.actor, at: now)
            case "reject":
                try await services.financeWorkflow.reject(
                    reimbursement, unit: unit, reason: context.staff.form["reason"], roles: context.scope.roles, actor: context.actor,
                    at: now)
            case "post":
                try await services.financeWorkflow.post(reimbursement, unit: unit, actor: context.actor, at: now)
            case "file":
                try await services.financeWorkflow.fileDraft(
                    reimbursement, uploads: receipts(context), unit: unit, actor: context.actor, at: now)
            default:
                throw CommonError.notFound
            }
        } catch let error as any SunboardError where !(error is CommonError) {
            // Shown on the request's own page, where the person can act on it.
            let current = try await services.finance.reimbursement(id: reimbursement.id) ?? reimbursement
            return try await page(context, current, notice: nil, error: error.message, status: error.kind.status)
                .response(from: request, context: context)
        }
        return .redirect(to: SiteURL.finance(.reimbursement(unit.slug, reimbursement.id)).path + "?done=\(name)", type: .normal)
    }

    private func page(
        _ context: UnitAdminContext, _ request: Reimbursement, notice: String?, error: String?, status: HTTPResponse.Status
    ) async throws -> HTML {
        let unit = context.unit
        let user = context.user.id
        let roles = context.scope.roles
        let sheet = request.sheet
        let signAs = request.status == .signing ? (try? sheet.slot(for: user, roles: roles)).map { sheet.slots[$0].chinese } : nil
        let history = try await services.audit.recent(limit: 100, filter: .init(object: ("reimbursement", request.id))).reversed()
        let step = { (name: String) in SiteURL.finance(.reimbursementStep(unit.slug, request.id, name)).path }
        let model = ReimbursementPage(
            frame: frame(context, request.summary, [(request.summary, SiteURL.finance(.reimbursement(unit.slug, request.id)).path)]),
            summary: request.summary, amount: request.amount.yuan, status: request.status.chinese, statusCode: request.status.rawValue,
            fund: request.fund.chinese, category: request.category, spentOn: request.spentOn.chinese, payee: request.payee,
            handler: request.handlerName, ordered: sheet.ordered,
            slots: sheet.slots.enumerated().map { index, signer in
                let signature = sheet.signature(at: index)
                return .init(
                    role: signer.chinese, name: signature?.name ?? "", at: request.signedAt[index].map(ShanghaiTime.dateTime) ?? "",
                    signed: signature != nil)
            },
            receipts: request.receipts.map {
                .init(name: $0.name, url: SiteURL.disclosures(.adminFile(unit.slug, $0.sha256)).path, isImage: $0.kind.isImage)
            },
            hasReceipts: !request.receipts.isEmpty, rejectReason: request.rejectReason, rejectedBy: request.rejectedBy,
            postedBy: request.postedBy, entryURL: request.entryID.map { SiteURL.finance(.entry(unit.slug, $0)).path },
            history: history.map {
                .init(at: ShanghaiTime.dateTime(Date(unixSeconds: $0.occurredAt)), who: $0.actorName, detail: $0.detail)
            },
            canSign: signAs != nil, signAs: signAs,
            canReject: request.status == .signing && sheet.mayReject(userID: user, roles: roles),
            canPost: request.status == .signed && context.can(.keepAccounts),
            canFileDraft: request.status == .draft && context.can(.fileReimbursements),
            signURL: step("sign"), rejectURL: step("reject"), postURL: step("post"), fileURL: step("file"), notice: notice, error: error,
            correction: request.correction?.chinese, correctionReason: request.correction?.reason,
            correctsURL: request.correction.map { SiteURL.finance(.entry(unit.slug, $0.lineID)).path },
            correctURL: request.status == .posted && request.correction == nil && context.can(.keepAccounts)
                ? request.entryID.map { SiteURL.finance(.correction(unit.slug, $0)).path } : nil)
        return HTML(try services.renderer.render("admin/reimbursement", model), status: status)
    }

    // MARK: Income

    @Sendable func incomeForm(_ request: Request, context: UnitAdminContext) async throws -> HTML {
        try context.require(.keepAccounts)
        return try incomePage(
            context,
            input: FinanceLineInput(
                kind: EntryKind.income.rawValue, fund: Fund.office.rawValue, date: CalendarDate(services.clock.now).description),
            failure: nil)
    }

    @Sendable func recordIncome(_ request: Request, context: UnitAdminContext) async throws -> Response {
        let form = context.staff.form
        let input = FinanceLineInput(
            kind: form["kind"], fund: form["fund"], date: form["date"], amount: form["amount"], category: form["category"],
            summary: form["summary"], counterparty: form["counterparty"])
        do {
            try await services.financeWorkflow.record(input, unit: context.unit, actor: context.actor, at: services.clock.now)
            return .redirect(to: SiteURL.finance(.admin(context.unit.slug)).path + "?done=income", type: .normal)
        } catch let error as ValidationFailure {
            return try incomePage(context, input: input, failure: error).response(from: request, context: context)
        } catch let error as FinanceError where error.kind != .forbidden {
            return try incomePage(context, input: input, failure: error).response(from: request, context: context)
        }
    }

    private func incomePage(_ context: UnitAdminContext, input: FinanceLineInput, failure: (any SunboardError)?) throws -> HTML {
        let unit = context.unit
        let errors = fieldErrors(failure)
        let model = IncomeForm(
            frame: frame(context, "登记收入", [("登记收入", SiteURL.finance(.income(unit.slug)).path)]),
            action: SiteURL.finance(.income(unit.slug)).path,
            cancelURL: SiteURL.finance(.admin(unit.slug)).path,
            kinds: [EntryKind.income, .opening].map { .init(value: $0.rawValue, label: $0.chinese, selected: $0.rawValue == input.kind) },
            funds: Fund.allCases.map { .init(value: $0.rawValue, label: $0.chinese, selected: $0.rawValue == input.fund) },
            categories: FinanceCategory.income.map { .init(value: $0, label: $0, selected: $0 == input.category) }, input: input,
            failure: failure?.message, errors: errors)
        return HTML(try services.renderer.render("admin/income-form", model), status: failure == nil ? .ok : .badRequest)
    }

    // MARK: Import

    @Sendable func importForm(_ request: Request, context: UnitAdminContext) async throws -> HTML {
        try context.require(.keepAccounts)
        return try importPage(context, reading: nil, problems: [], imported: nil, status: .ok)
    }

    @Sendable func importFile(_ request: Request, context: UnitAdminContext) async throws -> Response {
        try context.require(.keepAccounts)
        guard let file = context.staff.files.first(where: { $0.field == "file" }), !file.bytes.isEmpty else {
            let reading = LedgerCSV.Reading(encoding: nil, lines: [], problems: [], fileProblem: "请选择要导入的 CSV 文件。")
            return try importPage(context, reading: reading, problems: [], imported: nil, status: .badRequest)
                .response(from: request, context: context)
        }
        let reading = LedgerCSV.read(file.bytes, today: CalendarDate(services.clock.now))
        var problems = reading.problems
        if reading.isClean {
            problems = try await services.financeWorkflow.importLines(
                reading, unit: context.unit, actor: context.actor, at: services.clock.now)
        }
        if reading.fileProblem == nil && reading.lines.isEmpty && problems.isEmpty {
            let empty = LedgerCSV.Reading(encoding: reading.encoding, lines: [], problems: [], fileProblem: "文件里只有标题行，没有账目。")
            return try importPage(context, reading: empty, problems: [], imported: nil, status: .badRequest).response(
                from: request, context: context)
        }
        let failed = reading.fileProblem != nil || !problems.isEmpty
        let imported = failed ? nil : "已导入 \(reading.lines.count) 行。收入已入账；支出已生成“待提交”的报账单，须由经办人上传原始单据并签字，签字齐全后才能过账。"
        return try importPage(context, reading: reading, problems: problems, imported: imported, status: failed ? .badRequest : .ok)
            .response(from: request, context: context)
    }

    private func importPage(
        _ context: UnitAdminContext, reading: LedgerCSV.Reading?, problems: [LedgerCSV.RowProblem], imported: String?,
        status: HTTPResponse.Status
    ) throws -> HTML {
        let unit = context.unit
        let model = ImportPage(
            frame: frame(context, "导入账目", [("导入账目", SiteURL.finance(.importBook(unit.slug)).path)]),
            action: SiteURL.finance(.importBook(unit.slug)).path, cancelURL: SiteURL.finance(.admin(unit.slug)).path,
            columns: LedgerCSV.Column.allCases.prefix(8).map(\.rawValue).joined(separator: "、"),
            templateURL: SiteURL.finance(.csv(unit.slug)).path, fileProblem: reading?.fileProblem,
            problems: problems.map { .init(line: $0.line, messages: $0.messages.joined(separator: "；")) }, hasProblems: !problems.isEmpty,
            encoding: reading?.encoding?.chinese, imported: imported)
        return HTML(try services.renderer.render("admin/finance-import", model), status: status)
    }

    // MARK: Statements

    @Sendable func generateStatement(_ request: Request, context: UnitAdminContext) async throws -> Response {
        guard let period = Period(context.staff.form["period"]) else {
            return try await overviewPage(context, notice: nil, error: "“期间”请写成 2026-10（月）、2026-Q3（季度）或 2026（年）。", status: .badRequest)
                .response(from: request, context: context)
        }
        do {
            let id = try await services.statements.generate(
                unit: context.unit, period: period, lineage: context.scope.lineage, actor: context.actor, at: services.clock.now)
            return .redirect(to: SiteURL.disclosures(.admin(context.unit.slug, id)).path + "?done=saved", type: .normal)
        } catch let error as any SunboardError where !(error is CommonError) {
            return try await overviewPage(context, notice: nil, error: error.message, status: error.kind.status)
                .response(from: request, context: context)
        }
    }

    // MARK: Signature chain

    @Sendable func chainPage(_ request: Request, context: UnitAdminContext) async throws -> HTML {
        let (chain, owner) = try await services.finance.chain(lineage: context.scope.lineage.map(\.id))
        return try chainView(
            context, chain: chain, inherited: owner != context.unit.id, failure: nil,
            notice: Self.notices.message(for: request))
    }

    @Sendable func saveChain(_ request: Request, context: UnitAdminContext) async throws -> Response {
        let form = context.staff.form
        var rules: [SignatureChain.Rule] = []
        var issues: [ValidationFailure.Issue] = []
        for role in SignatureChain.signingRoles {
            switch form["role_\(role.rawValue)"] {
            case "always": rules.append(.init(.role(role)))
            case "above":
                do {
                    rules.append(
                        .init(
                            .role(role),
                            above: try FinanceLineInput.amount(
                                form["above_\(role.rawValue)"], field: "above", label: "\(role.chineseName)的金额门槛")))
                } catch { issues.append(error) }
            default: break
            }
        }
        rules.append(.init(.handler))
        let chain = SignatureChain(ordered: form["ordered"] == "on", rules: rules)
        do {
            try ValidationFailure.check(issues)
            try await services.financeWorkflow.setChain(chain, unit: context.unit, actor: context.actor, at: services.clock.now)
        } catch let error as ValidationFailure {
            return try chainView(context, chain: chain, inherited: false, failure: error.message, notice: nil)
                .response(from: request, context: context)
        }
        return .redirect(to: SiteURL.finance(.chain(context.unit.slug)).path + "?done=chain", type: .normal)
    }

    private func chainView(_ context: UnitAdminContext, chain: SignatureChain, inherited: Bool, failure: String?, notice: String?) throws
        -> HTML
    {
        let rows = SignatureChain.signingRoles.map { role in
            let rule = chain.rules.first { $0.signer == .role(role) }
            return ChainPage.Row(
                role: role.rawValue, name: role.chineseName, never: rule == nil, always: rule != nil && rule?.above == nil,
                above: rule?.above != nil, threshold: rule?.above?.plainYuan ?? "")
        }
        let model = ChainPage(
            frame: frame(context, "报账签字流程", [("报账签字流程", SiteURL.finance(.chain(context.unit.slug)).path)]), current: chain.chinese,
            inherited: inherited, canEdit: context.can(.manageSignatureChains), action: SiteURL.finance(.chain(context.unit.slug)).path,
            rows: rows,
            ordered: chain.ordered, failure: failure, notice: notice)
        return HTML(try services.renderer.render("admin/finance-chain", model), status: failure == nil ? .ok : .badRequest)
    }

    // MARK: Helpers

    func receipts(_ context: UnitAdminContext) -> [FinanceWorkflow.Upload] {
        context.staff.files.filter { $0.field == "receipts" && !$0.bytes.isEmpty }.map { .init(name: $0.filename, bytes: $0.bytes) }
    }

    func frame(_ context: UnitAdminContext, _ title: String, _ crumbs: [(String, String)]) -> Frame {
        context.frame(
            title, section: .init(title: "财务", url: SiteURL.finance(.admin(context.unit.slug)).path), crumbs: crumbs,
            assets: services.renderer.assets)
    }
}
