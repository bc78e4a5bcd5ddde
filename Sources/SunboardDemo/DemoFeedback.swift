import Foundation
import SunboardApp
import SunboardCore

/// Residents' messages of the demo year and the replies: 银城 answers in
/// days, 银南 sometimes late, 银北 has one overdue, 银新's newest is still open.
struct DemoFeedback {
    let services: AppServices
    let people: [String: [Role: StaffActor]]
    let units: [String: Unit]
    let calendar: DemoCalendar

    /// (community, kind, sent, text, name, reply, replied on)
    static let messages: [(String, FeedbackKind, String, String, String, String?, String?)] = [
        (
            "yincheng", .suggestion, "2026-09-08", "文化广场晚上九点以后路灯就关了，跳广场舞散场时很黑，建议延长到十点。", "",
            "已与施工单位和县路灯所商定，9 月 15 日起广场路灯延长到 22:00 关闭。谢谢您的建议。", "2026-09-11"
        ),
        (
            "yincheng", .complaint, "2026-10-20", "东大街 14 号门前的垃圾桶两天没有清运，气味很大。", "东大街居民",
            "已联系县环卫所，10 月 23 日起东大街改为每天早晚各清运一次，监委会将抽查落实情况。", "2026-10-26"
        ),
        (
            "yinnan", .suggestion, "2026-08-03", "南关三巷硬化后排水口太少，下大雨时巷子中间积水，建议再加两个雨水口。", "",
            "经施工单位复核，将在三巷中段和巷口各增设一个雨水口，费用在工程预备费中列支，10 月底前完成。", "2026-08-15"
        ),
        (
            "yinbei", .complaint, "2026-11-09", "北环路西段停水三天，事先的通知只贴在巷口，很多老人不知道。", "",
            nil, nil
        ),
        (
            "yinxin", .suggestion, "2026-11-23", "阳光城小区地面停车位不够，建议把小区北门外的空地划成临时停车位。", "阳光城业主", nil, nil
        ),
    ]

    func steps() throws -> [DemoStep] {
        let shift = calendar.daily
        return try Self.messages.enumerated().flatMap { index, message -> [DemoStep] in
            let (slug, kind, sent, text, name, writtenReply, replied) = message
            guard let unit = units[slug], let director = people[slug]?[.director], let written = CalendarDate(sent) else {
                throw DemoError.bad("feedback \(index): unknown community or date")
            }
            let sentDay = shift(written)
            let reply = writtenReply.map { shift.text($0, anchor: written) }
            let at = sentDay.startInstant.addingTimeInterval(Double(19 * 3600 + index))
            var steps = [
                DemoStep(at: at, order: 0) {
                    try await services.feedback.add(
                        unitID: unit.id, input: (kind, text, name, ""), address: "demo", at: at)
                }
            ]
            if let reply, let repliedDay = CalendarDate(replied ?? "").map(shift.callAsFunction) {
                let when = repliedDay.startInstant.addingTimeInterval(Double(10 * 3600 + index))
                steps.append(
                    DemoStep(at: when, order: 0) {
                        guard let item = try await services.feedback.items(unitID: unit.id, now: when).first(where: { $0.text == text })
                        else {
                            return
                        }
                        try await services.feedback.reply(
                            kind: kind, id: item.id, unit: unit, text: reply, showsText: true, actor: director, at: when)
                    })
            }
            return steps
        }
    }
}
