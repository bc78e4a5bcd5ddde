import Foundation
import SunboardApp
import SunboardCore

/// The office's assessment notes for the year so far, written by the 包社区
/// 领导 after the third-quarter check, as the seed asks: disclosure counted
/// in the 考核, with rewards and penalties.
struct DemoAssessment {
    let services: AppServices
    let office: Unit
    let officeLeader: StaffActor
    let units: [String: Unit]
    let calendar: DemoCalendar

    static let notes: [(String, AssessmentNote.Kind, String)] = [
        ("yincheng", .reward, "定期公开事项全部按时公开，财务逐笔公开附单据，评为办事处居务公开示范社区。"),
        ("yinnan", .note, "多项定期公开迟报，已在 10 月例会上提醒，要求 11 月起按目录规定的日期公开。"),
        ("yinbei", .penalty, "办公经费和党小组会议情况有缺报，扣减年度考核分，由包社区领导督促补报。"),
        ("yinxin", .note, "4 月新设社区，考核从 4 月起算。"),
    ]

    func steps() throws -> [DemoStep] {
        let written = CalendarDate(year: 2026, month: 10, day: 28)!
        let shift = calendar.daily
        let at = shift(written).startInstant.addingTimeInterval(15 * 3600)
        return [
            DemoStep(at: at, order: 0) {
                for (slug, kind, text) in Self.notes {
                    guard let unit = units[slug], let obligated = try await services.compliance.community(id: unit.id) else {
                        throw DemoError.bad("assessment: no community \(slug)")
                    }
                    try await services.compliance.addNote(
                        unit: obligated, officeID: office.id, year: CalendarDate(at).year, kind: kind,
                        text: shift.text(text, anchor: written), actor: officeLeader,
                        audit: services.audit, at: at)
                }
            }
        ]
    }
}
