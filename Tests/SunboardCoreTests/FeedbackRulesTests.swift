import Testing

@testable import SunboardCore

@Suite("Feedback: the 10-day reply promise and response times")
struct FeedbackRulesTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate(text)! }

    @Test("Due ten calendar days after sending, across a month end and a leap day")
    func due() {
        #expect(ReplyDeadline.due(sentOn: Self.day("2026-11-27")) == Self.day("2026-12-07"))
        #expect(ReplyDeadline.due(sentOn: Self.day("2028-02-25")) == Self.day("2028-03-06"))
    }

    @Test("Response times count on-time and late replies, average days, and what is overdue today")
    func times() {
        let record = ResponseTimes(
            [
                .init(sent: Self.day("2026-11-01"), replied: Self.day("2026-11-04")),
                .init(sent: Self.day("2026-11-01"), replied: Self.day("2026-11-13")),
                .init(sent: Self.day("2026-11-10"), replied: nil),
                .init(sent: Self.day("2026-11-20"), replied: nil),
            ], today: Self.day("2026-11-27"))
        #expect(record.received == 4 && record.replied == 2 && record.onTime == 1 && record.overdue == 1)
        #expect(record.averageDays == 7.5)
        #expect(record.chinese == "收到 4 条，已答复 2 条，其中按时（10 天内）1 条，平均 7.5 天答复；逾期未答复 1 条。")
        #expect(ResponseTimes([], today: Self.day("2026-11-27")).chinese == "还没有收到居民意见。")
    }

    @Test("Input: a kind residents may choose, 5 to 2000 characters, short name and contact")
    func input() throws {
        let valid = try FeedbackInput(kind: "complaint", text: "  垃圾没人清运  ", name: "", contact: "").validated()
        #expect(valid.kind == .complaint && valid.text == "垃圾没人清运")
        #expect(throws: ValidationFailure.self) { try FeedbackInput(kind: "objection", text: "垃圾没人清运").validated() }
        #expect(throws: ValidationFailure.self) {
            try FeedbackInput(kind: "suggestion", text: String(repeating: "字", count: 2001)).validated()
        }
        #expect(throws: ValidationFailure.self) { try FeedbackInput(kind: "suggestion", text: "短").validated() }
    }
}
