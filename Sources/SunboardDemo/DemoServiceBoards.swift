import Foundation
import SunboardApp
import SunboardCore

/// The demo's 干部监督台 and 便民指示牌 (the same people and numbers as the
/// communities' standing notices) and the office's seven 办事指南 — the
/// seed's matters, with plausible content marked as sample text.
struct DemoServiceBoards {
    let services: AppServices
    let people: [String: [Role: StaffActor]]
    let units: [String: Unit]
    let office: Unit
    let officeAdmin: StaffActor
    let calendar: DemoCalendar

    func steps() throws -> [DemoStep] {
        var steps: [DemoStep] = []
        for profile in DemoData.standingProfiles {
            guard let unit = units[profile.slug], let clerk = people[profile.slug]?[.clerk] else {
                throw DemoError.bad("service boards: \(profile.slug) is missing")
            }
            let at = calendar.daily(CalendarDate("2026-01-08")!).startInstant.addingTimeInterval(14 * 3600)
            steps.append(
                DemoStep(at: at, order: 0) {
                    let repository = services.serviceBoards
                    for (position, cadre) in profile.cadres.enumerated() {
                        let input = CadreInput(
                            name: cadre.name, post: cadre.post, duties: cadre.work, lanes: cadre.lanes == "—" ? "" : cadre.lanes,
                            phone: cadre.phone,
                            position: String(position + 1))
                        try await repository.saveCadre(id: nil, input, photo: nil, unit: unit, actor: clerk, at: at)
                    }
                    for line in profile.directory {
                        let category = DirectoryCategory(chinese: line.kind) ?? .other
                        let input = DirectoryEntryInput(
                            category: category.rawValue, name: category == .other ? "\(line.kind)：\(line.name)" : line.name,
                            address: line.address == "—" ? "" : line.address, phone: line.phone, hours: Self.hours(category))
                        try await repository.saveDirectoryEntry(id: nil, input, unit: unit, actor: clerk, at: at)
                    }
                })
        }
        let at = calendar.daily(CalendarDate("2026-01-06")!).startInstant.addingTimeInterval(10 * 3600)
        steps.append(
            DemoStep(at: at, order: 0) {
                let form = DemoFiles.upload("dibao-application.pdf", name: "城市居民最低生活保障申请书（样表）.pdf")
                for guide in Self.guides {
                    var forms: [AttachmentRef] = []
                    if guide.title == "城市居民最低生活保障（低保）", let form {
                        forms.append(try await services.files.save(form.bytes, name: form.name, kind: .pdf, at: at))
                    }
                    try await services.serviceBoards.saveGuide(
                        id: nil, GuideInput(guide), addingForms: forms, removingForms: [], unit: office, actor: officeAdmin, at: at)
                }
            })
        return steps
    }

    static func hours(_ category: DirectoryCategory) -> String {
        switch category {
        case .fire, .police, .ambulance, .traffic, .hospital, .gas: "24 小时"
        case .water, .grain: "每天 7:30–20:00"
        case .coal: "每天 8:00–18:00，冬季送货上门"
        case .toilets: "工作日 8:00–17:00，提前一天预约"
        default: "每天 8:00–21:00"
        }
    }

    /// The office's 办事指南, from `Content/guides.json`.
    static let guides: [GuideContent] = DemoContent.load { try DemoContent.json("guides") }
}
