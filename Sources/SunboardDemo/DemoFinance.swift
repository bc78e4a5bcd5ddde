import Foundation
import SunboardApp
import SunboardCore

/// Turns the demo's money into dated steps through the real workflow:
/// the 报账员 records income; each expense is filed by its 经办人 with a
/// receipt scan, signed by every signer its chain needs, and posted.
struct DemoFinance {
    /// The services, each community's people by role and its 专职工作者, the office's accounts, the calendar.
    let demo: DemoContext

    /// The office's rule for the demo: the seed's five, and above ¥2,000 an
    /// office leader signs too.
    static let chain = SignatureChain(
        rules: SignatureChain.standard.rules + [.init(.role(.officeLeader), above: Fen(200_000))])

    func steps(_ written: [DemoMoney]) throws -> [DemoStep] {
        // The office funds' books move by months, so each line stays in its
        // month's statement; requests still on their way move by days.
        let money = written.map { $0.moved(by: $0.isInTheBooks && $0.fund == .office ? demo.calendar.monthly : demo.calendar.daily) }
        let first = money.compactMap { CalendarDate($0.date) }.min() ?? demo.calendar.today
        let start = first.adding(days: -1).startInstant.addingTimeInterval(9 * 3600)
        var steps = [
            DemoStep(at: start, order: 0) {
                try await demo.services.financeWorkflow.setChain(Self.chain, unit: demo.office, actor: demo.officeAdmin, at: start)
            }
        ]
        for (index, item) in money.enumerated() {
            guard let unit = demo.units[item.community], let roles = demo.people[item.community], let clerk = roles[.clerk],
                let day = CalendarDate(item.date)
            else { throw DemoError.bad("money \(index): unknown community or date (\(item.community) \(item.date))") }
            // Several lines of one day keep their order.
            let at = { (hour: Double) in day.startInstant.addingTimeInterval(hour * 3600 + Double(index)) }
            switch item.kind {
            case .opening, .income:
                let input = FinanceLineInput(
                    kind: item.kind.rawValue, fund: item.fund.rawValue, date: item.date, amount: item.amount, category: item.category,
                    summary: item.summary, counterparty: item.counterparty)
                steps.append(
                    DemoStep(at: at(8.5), order: 0) {
                        try await demo.services.financeWorkflow.record(input, unit: unit, actor: clerk, at: at(8.5))
                    })
            case .expense:
                // Filed and signed in the day, posted in the evening: a step of its own, so the ledger runs in time order.
                let filed = Filed()
                steps.append(
                    DemoStep(at: at(9), order: 0, until: at(17)) {
                        filed.id = try await expense(item, unit: unit, roles: roles, clerk: clerk, at: at)
                    })
                if case .posted = item.stage {
                    steps.append(
                        DemoStep(at: at(17), order: 0) {
                            guard let id = filed.id, let request = try await demo.services.finance.reimbursement(id: id) else {
                                throw DemoError.bad("money \(index): the request to post was not filed")
                            }
                            try await demo.services.financeWorkflow.post(request, unit: unit, actor: clerk, at: at(17))
                        })
                }
                if let mistake = item.mistake {
                    steps += try correction(of: item, mistake, filed: filed, unit: unit, roles: roles, clerk: clerk)
                }
            }
        }
        return steps
    }

    /// The request a step filed, for the step that posts it.
    private final class Filed: @unchecked Sendable { var id: Int? }

    /// A line posted with the wrong amount, found out and corrected: the
    /// 报账员 files its reversal and the line it should have been, the
    /// chain signs both in the day, and they are posted in the evening.
    private func correction(
        of item: DemoMoney, _ mistake: DemoMoney.Mistake, filed: Filed, unit: Unit, roles: [Role: StaffActor],
        clerk: StaffActor
    ) throws -> [DemoStep] {
        guard let day = CalendarDate(mistake.found) else { throw DemoError.bad("money: the mistake in \(item.summary) has no day") }
        let at = { (hour: Double) in day.startInstant.addingTimeInterval(hour * 3600) }
        let requests = Filed()
        let replacement = Filed()
        return [
            DemoStep(at: at(9), order: 0, until: at(16)) {
                guard let id = filed.id, let line = try await demo.services.finance.reimbursement(id: id)?.entryID else {
                    throw DemoError.bad("money: \(item.summary) was not posted before its correction")
                }
                let input = ReimbursementInput(
                    fund: item.fund.rawValue, spentOn: item.date, amount: item.amount, category: item.category, summary: item.summary,
                    payee: item.counterparty)
                let filed = try await demo.services.financeWorkflow.requestCorrection(
                    of: line, reason: mistake.reason, replacement: input, uploads: [], unit: unit, actor: clerk, at: at(9))
                for (offset, id) in [filed.reversal, filed.replacement!].enumerated() {
                    try await signAll(id, unit: unit, roles: roles, at: { at(10 + $0 + Double(offset) / 2) })
                }
                requests.id = filed.reversal
                replacement.id = filed.replacement
            },
            DemoStep(at: at(17), order: 0) {
                // The reversal first, then the line it should have been.
                for (offset, id) in [requests.id, replacement.id].enumerated() {
                    guard let id, let request = try await demo.services.finance.reimbursement(id: id) else { continue }
                    try await demo.services.financeWorkflow.post(
                        request, unit: unit, actor: clerk, at: at(17).addingTimeInterval(Double(offset)))
                }
            },
        ]
    }

    /// Signs a request by everyone still to sign, the hour of each given by `at(offset)`.
    private func signAll(_ id: Int, unit: Unit, roles: [Role: StaffActor], count: Int? = nil, at: (Double) -> Date)
        async throws
    {
        var request = try await demo.services.finance.reimbursement(id: id)!
        let open = request.sheet.missing.map { request.sheet.slots[$0] }
        for (offset, signer) in open.prefix(count ?? open.count).enumerated() {
            guard case .role(let role) = signer else { continue }
            let actor = role == .officeLeader ? demo.officeLeader : role == .supervisionChair ? roles[.supervisor]! : roles[role]!
            try await demo.services.financeWorkflow.sign(request, unit: unit, roles: [role], actor: actor, at: at(Double(offset)))
            // As signed, without reading it back: the next signature sees this one.
            request.sheet = request.sheet.signing(
                slot: try request.sheet.slot(for: actor.id, roles: [role]), userID: actor.id, name: actor.name)
            if request.sheet.isComplete { request.status = .signed }
        }
    }

    /// One expense from filing to where its stage leaves it short of
    /// posting; the request's id, or `nil` when it went in by import.
    private func expense(
        _ item: DemoMoney, unit: Unit, roles: [Role: StaffActor], clerk: StaffActor, at: (Double) -> Date
    ) async throws -> Int? {
        let workflow = demo.services.financeWorkflow
        let input = ReimbursementInput(
            fund: item.fund.rawValue, spentOn: item.date, amount: item.mistake?.amount ?? item.amount, category: item.category,
            summary: item.summary, payee: item.counterparty)
        if case .draft = item.stage {
            let line = FinanceLineInput(
                kind: EntryKind.expense.chinese, fund: item.fund.chinese, date: item.date, amount: item.amount, category: item.category,
                summary: item.summary, counterparty: item.counterparty, handler: item.handler)
            let csv = LedgerCSV.export([.init(line: try line.validated(today: CalendarDate(at(9))))])
            _ = try await workflow.importLines(LedgerCSV.read(csv, today: CalendarDate(at(9))), unit: unit, actor: clerk, at: at(9))
            return nil
        }
        let handler =
            demo.workers[item.community]?.first { $0.name == item.handler } ?? (roles[.clerk]?.name == item.handler ? roles[.clerk] : nil)
            ?? demo.workers[item.community]![0]
        let id = try await workflow.file(input, uploads: [receipt(item)], unit: unit, actor: handler, at: at(9))
        let count: Int? =
            switch item.stage {
            case .signing(let count): count
            case .rejected: 1
            default: nil
            }
        try await signAll(id, unit: unit, roles: roles, count: count, at: { at(10 + $0) })
        if case .rejected(let reason) = item.stage, let request = try await demo.services.finance.reimbursement(id: id) {
            try await workflow.reject(
                request, unit: unit, reason: reason, roles: [.supervisionChair], actor: roles[.supervisor]!, at: at(15))
        }
        return id
    }

    /// The scan of a receipt: the works' budget sheet, the Red Cross's
    /// receipt, or one of three shop receipts.
    private func receipt(_ item: DemoMoney) -> FinanceWorkflow.Upload {
        let (file, name): (String, String) =
            switch item.fund {
            case .project: ("plaza-budget.pdf", "工程款结算单.pdf")
            case .donation: ("donation-receipt.png", "县红十字会接收捐款收据.png")
            case .office: ("receipt-\(item.summary.unicodeScalars.reduce(0) { $0 + Int($1.value) } % 3 + 1).png", "发票.png")
            }
        return DemoFiles.upload(file, name: name)!
    }
}
