/// The civic forms as typed, checked into posts. Lists are typed one line
/// per entry with the parts split by “｜” (or “|”), the way a clerk copies
/// a table from a meeting's minutes; every problem is reported at once with
/// its line number.
public enum CivicInput {
    public static let maxText = 5_000
    public static let maxLines = 100

    /// The lines of `text` split into `columns` parts (the last ones may be
    /// missing when `optional` allows it).
    static func rows(
        _ text: String, field: String, columns: Int, optional: Int = 0, example: String, issues: inout [ValidationFailure.Issue]
    )
        -> [(line: Int, cells: [String])]
    {
        var rows: [(Int, [String])] = []
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { String($0).trimmed }
        for (index, line) in lines.enumerated() where !line.isEmpty {
            let cells = line.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "｜" || $0 == "|" }).map { String($0).trimmed }
            guard (columns - optional...columns).contains(cells.count), cells.prefix(columns - optional).allSatisfy({ !$0.isEmpty }) else {
                issues.append(
                    .init(
                        field: field, message: "第 \(index + 1) 行应写成“\(example)”。",
                        englishMessage: "\(field) line \(index + 1) must look like \(example)."))
                continue
            }
            rows.append((index + 1, cells + Array(repeating: "", count: columns - cells.count)))
        }
        if rows.count > maxLines {
            issues.append(.init(field: field, message: "最多 \(maxLines) 行。", englishMessage: "\(field) is limited to \(maxLines) lines."))
        }
        return rows
    }

    /// A vote count as typed: a whole number of at most 7 digits, so sums cannot overflow.
    static func votes(_ text: String) -> Int? {
        let digits = NumberText.normalize(text)
        guard !digits.isEmpty, digits.count <= 7, digits.allSatisfy(\.isASCIIDigit) else { return nil }
        return Int(digits)
    }

    static func count(_ text: String, field: String, label: String, issues: inout [ValidationFailure.Issue]) -> Int? {
        guard !NumberText.normalize(text).isEmpty else { return nil }
        guard let value = votes(text) else {
            issues.append(.init(field: field, message: "“\(label)”请填写整数。", englishMessage: "\(field) must be a whole number."))
            return nil
        }
        return value
    }

    /// A year as typed on a form, 2000–2100.
    public static func year(_ text: String) throws(ValidationFailure) -> Int {
        guard let year = Int(NumberText.normalize(text)), (2000...2100).contains(year) else {
            throw ValidationFailure([.init(field: "year", message: "请填写年度，例如 2026。", englishMessage: "year must be like 2026.")])
        }
        return year
    }

    public static func required(_ text: String, field: String, label: String, limit: Int = maxText, issues: inout [ValidationFailure.Issue])
        -> String
    {
        let text = text.trimmed
        if text.isEmpty {
            issues.append(.init(field: field, message: "请填写“\(label)”。", englishMessage: "\(field) is required."))
        } else if text.count > limit {
            issues.append(
                .init(field: field, message: "“\(label)”最多 \(limit) 个字。", englishMessage: "\(field) is limited to \(limit) characters."))
        }
        return text
    }

    public static func date(_ text: String, field: String, label: String, issues: inout [ValidationFailure.Issue]) -> CalendarDate? {
        let text = NumberText.normalize(text)
        guard !text.isEmpty else { return nil }
        guard let date = CalendarDate(text) else {
            issues.append(
                .init(field: field, message: "“\(label)”请写成 2026-03-05 这样的日期。", englishMessage: "\(field) must be a date like 2026-03-05."))
            return nil
        }
        return date
    }

    // MARK: Forms

    /// An election stage: what to announce, a count, names one per line.
    public static func stage(_ stage: ElectionStage, details: String, count: String, names: String) throws(ValidationFailure) -> StagePost {
        var issues: [ValidationFailure.Issue] = []
        let details = required(details, field: "details", label: "公告内容", issues: &issues)
        let number = Self.count(count, field: "count", label: "人数", issues: &issues)
        let names = names.split(whereSeparator: \.isNewline).map { String($0).trimmed }.filter { !$0.isEmpty }
        if (stage == .candidates || stage == .results) && names.isEmpty {
            issues.append(
                .init(
                    field: "names", message: stage == .candidates ? "请逐行填写正式候选人。" : "请逐行填写当选人及得票。",
                    englishMessage: "names are required for this stage."))
        }
        try ValidationFailure.check(issues)
        return StagePost(stage: stage, details: details, count: number, names: Array(names.prefix(maxLines)))
    }

    public static func agenda(_ text: String) throws(ValidationFailure) -> AgendaPost {
        let items = text.split(whereSeparator: \.isNewline).map { String($0).trimmed }.filter { !$0.isEmpty }
        guard !items.isEmpty, items.count <= maxLines, items.allSatisfy({ $0.count <= 500 }) else {
            throw ValidationFailure([
                .init(field: "agenda", message: "请逐行填写会议议程（每行一项，每项 500 字以内）。", englishMessage: "agenda needs one item per line.")
            ])
        }
        return AgendaPost(items: items)
    }

    /// Decisions typed “决议内容｜赞成｜反对｜弃权”.
    public static func decisions(members: String, present: String, lines: String) throws(ValidationFailure) -> DecisionsPost {
        var issues: [ValidationFailure.Issue] = []
        let members = count(members, field: "members", label: "应到代表", issues: &issues)
        let present = count(present, field: "present", label: "实到代表", issues: &issues)
        if members == nil || present == nil {
            issues.append(.init(field: "present", message: "请填写应到和实到代表人数。", englishMessage: "members and present are required."))
        }
        if let members, let present, present > members {
            issues.append(
                .init(field: "present", message: "实到代表（\(present)）不能多于应到代表（\(members)）。", englishMessage: "present exceeds members."))
        }
        var decisions: [DecisionsPost.Decision] = []
        for (line, cells) in rows(lines, field: "decisions", columns: 4, example: "决议内容｜赞成｜反对｜弃权", issues: &issues) {
            let votes = cells[1...3].map(Self.votes)
            guard let votesFor = votes[0], let against = votes[1], let abstentions = votes[2] else {
                issues.append(
                    .init(
                        field: "decisions", message: "第 \(line) 行的票数请填写整数。",
                        englishMessage: "decisions line \(line): votes must be numbers."))
                continue
            }
            if let present, votesFor + against + abstentions > present {
                issues.append(
                    .init(
                        field: "decisions", message: "第 \(line) 行的票数合计（\(votesFor + against + abstentions)）多于实到代表（\(present)）。",
                        englishMessage: "decisions line \(line): more votes than representatives present."))
            }
            decisions.append(.init(text: cells[0], votesFor: votesFor, votesAgainst: against, abstentions: abstentions))
        }
        if decisions.isEmpty && !issues.contains(where: { $0.field == "decisions" }) {
            issues.append(.init(field: "decisions", message: "请至少填写一项决议。", englishMessage: "at least one decision is required."))
        }
        try ValidationFailure.check(issues)
        return DecisionsPost(members: members!, present: present!, decisions: decisions)
    }

    /// Follow-up actions typed “事项｜责任人｜期限｜状态｜办结日期”.
    public static func actions(_ text: String, issues: inout [ValidationFailure.Issue]) -> [HearingPost.Action] {
        var actions: [HearingPost.Action] = []
        let example = "事项｜责任人｜2026-12-31｜未开始/办理中/已办结｜办结日期"
        for (line, cells) in rows(text, field: "actions", columns: 5, optional: 2, example: example, issues: &issues) {
            guard let deadline = CalendarDate(NumberText.normalize(cells[2])) else {
                issues.append(
                    .init(
                        field: "actions", message: "第 \(line) 行的期限请写成 2026-12-31 这样的日期。",
                        englishMessage: "actions line \(line): deadline must be a date."))
                continue
            }
            let status =
                cells[3].isEmpty ? .open : FollowUpAction.Status.allCases.first { $0.chinese == cells[3] || $0.rawValue == cells[3] }
            guard let status else {
                issues.append(
                    .init(
                        field: "actions", message: "第 \(line) 行的状态请写“未开始”“办理中”或“已办结”。",
                        englishMessage: "actions line \(line): status must be open, in_progress or done."))
                continue
            }
            let doneOn = CalendarDate(NumberText.normalize(cells[4]))
            if status == .done && doneOn == nil {
                issues.append(
                    .init(
                        field: "actions", message: "第 \(line) 行已办结，请写上办结日期。",
                        englishMessage: "actions line \(line): a done action needs its date."))
                continue
            }
            actions.append(
                .init(action: cells[0], owner: cells[1], deadline: deadline, status: status, doneOn: status == .done ? doneOn : nil))
        }
        return actions
    }

    public static func hearing(participants: String, decision: String, actions text: String, note: String = "") throws(ValidationFailure)
        -> HearingPost
    {
        var issues: [ValidationFailure.Issue] = []
        let participants = required(participants, field: "participants", label: "参加人员", limit: 1000, issues: &issues)
        let decision = required(decision, field: "decision", label: "听证决定", issues: &issues)
        let actions = actions(text, issues: &issues)
        try ValidationFailure.check(issues)
        return HearingPost(participants: participants, decision: decision, actions: actions, note: String(note.trimmed.prefix(maxText)))
    }

    /// Honors typed “姓名｜类别｜事迹”.
    public static func honors(year: Int, lines: String) throws(ValidationFailure) -> HonorsPost {
        var issues: [ValidationFailure.Issue] = []
        let entries = rows(lines, field: "entries", columns: 3, example: "姓名｜类别｜事迹", issues: &issues).map {
            HonorsPost.Entry(name: $0.cells[0], category: $0.cells[1], deed: $0.cells[2])
        }
        if entries.isEmpty && issues.isEmpty {
            issues.append(.init(field: "entries", message: "请至少填写一位上榜的人。", englishMessage: "at least one entry is required."))
        }
        try ValidationFailure.check(issues)
        return HonorsPost(year: year, entries: entries)
    }

    /// Results typed “姓名｜职务｜满意｜基本满意｜不满意”.
    public static func appraisal(year: Int, voters: String, lines: String) throws(ValidationFailure) -> AppraisalPost {
        var issues: [ValidationFailure.Issue] = []
        let voters = count(voters, field: "voters", label: "参加评议的居民代表人数", issues: &issues)
        if voters == nil && !issues.contains(where: { $0.field == "voters" }) {
            issues.append(.init(field: "voters", message: "请填写参加评议的居民代表人数。", englishMessage: "voters is required."))
        }
        var results: [AppraisalPost.Result] = []
        for (line, cells) in rows(lines, field: "results", columns: 5, example: "姓名｜职务｜满意｜基本满意｜不满意", issues: &issues) {
            let votes = cells[2...4].compactMap(Self.votes)
            guard votes.count == 3 else {
                issues.append(
                    .init(field: "results", message: "第 \(line) 行的票数请填写整数。", englishMessage: "results line \(line): votes must be numbers.")
                )
                continue
            }
            if let voters, votes.reduce(0, +) > voters {
                issues.append(
                    .init(
                        field: "results", message: "第 \(line) 行的票数合计（\(votes.reduce(0, +))）多于参加评议的人数（\(voters)）。",
                        englishMessage: "results line \(line): more votes than voters."))
            }
            results.append(.init(name: cells[0], post: cells[1], satisfied: votes[0], basicallySatisfied: votes[1], unsatisfied: votes[2]))
        }
        if results.isEmpty && !issues.contains(where: { $0.field == "results" }) {
            issues.append(.init(field: "results", message: "请至少填写一位被评议人。", englishMessage: "at least one result is required."))
        }
        try ValidationFailure.check(issues)
        return AppraisalPost(year: year, voters: voters!, results: results)
    }

    /// A milestone as typed in the project form's row `index`.
    public static func milestone(
        name: String, plannedStart: String, plannedEnd: String, actualStart: String, actualEnd: String, weight: String, status: String,
        percent: String
    ) throws(ValidationFailure) -> Milestone {
        var issues: [ValidationFailure.Issue] = []
        let start = date(plannedStart, field: "planned_start", label: "计划开始", issues: &issues)
        let end = date(plannedEnd, field: "planned_end", label: "计划完成", issues: &issues)
        if start == nil || end == nil, !issues.contains(where: { $0.field.hasPrefix("planned") }) {
            issues.append(.init(field: "planned_end", message: "请填写计划开始和完成日期。", englishMessage: "planned dates are required."))
        }
        let actualStart = date(actualStart, field: "actual_start", label: "实际开始", issues: &issues)
        let actualEnd = date(actualEnd, field: "actual_end", label: "实际完成", issues: &issues)
        let weightText = NumberText.normalize(weight)
        let percentText = NumberText.normalize(percent)
        guard let parsedStatus = Milestone.Status(rawValue: status.isEmpty ? "not_started" : status) else {
            throw ValidationFailure(issues + [.init(field: "status", message: "请选择状态。", englishMessage: "status is unknown.")])
        }
        let weight = weightText.isEmpty ? 1 : Int(weightText) ?? -1
        let percent = percentText.isEmpty ? 0 : Int(percentText.hasSuffix("%") ? String(percentText.dropLast()) : percentText) ?? -1
        try ValidationFailure.check(issues)
        return try Milestone(
            name: name, plannedStart: start!, plannedEnd: end!, actualStart: actualStart, actualEnd: actualEnd, weight: weight,
            status: parsedStatus, percent: percent
        ).validated()
    }
}
