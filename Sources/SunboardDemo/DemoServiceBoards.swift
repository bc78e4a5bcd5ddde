import Foundation
import SunboardApp
import SunboardCore

/// The demo's 干部监督台 and 便民指示牌 (the same people and numbers as the
/// communities' standing notices) and the office's seven 办事指南 — the
/// seed's matters, with plausible content marked as sample text.
struct DemoServiceBoards {
    let services: AppServices
    let people: [String: [Role: DisclosureWorkflow.Actor]]
    let units: [String: Unit]
    let office: Unit
    let officeAdmin: DisclosureWorkflow.Actor
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

    private static let place = "所在社区服务中心一楼便民服务大厅"
    private static let hours = "周一至周五 8:30–12:00，14:30–18:00"
    private static let contact = "所在社区居委会电话，或银州镇办事处民政办 0912-3210020"

    static let guides: [GuideContent] = [
        GuideContent(
            title: "生育登记（原准生证）", applicants: "户籍或居住在本社区、生育子女的夫妻。",
            conditions: ["夫妻双方或一方户籍在本社区，或持本社区居住证", "一对夫妻生育第一、二、三个子女的，均可登记"],
            documents: ["夫妻双方身份证", "户口簿", "结婚证"],
            steps: [
                .init(title: "社区登记", detail: "带齐材料到社区服务大厅，填写《生育登记表》"),
                .init(title: "办事处审核", detail: "社区当天报办事处计生办，材料齐全的当场审核"),
                .init(title: "领取服务卡", detail: "领取生育服务登记卡，孕期检查和住院分娩时使用"),
            ],
            fees: "", timeLimit: "材料齐全当场办结", place: place, hours: hours, contact: contact,
            legalBasis: ["《中华人民共和国人口与计划生育法》", "《陕西省人口与计划生育条例》"], isSample: true),
        GuideContent(
            title: "独生子女父母光荣证", applicants: "只生育一个子女并自愿不再生育的夫妻（按政策继续办理的历史情形）。",
            conditions: ["夫妻只有一个子女", "子女未满 18 周岁"],
            documents: ["申请书", "夫妻双方身份证", "户口簿", "结婚证", "子女出生医学证明"],
            steps: [
                .init(title: "提出申请", detail: "到社区服务大厅提交申请书和材料"),
                .init(title: "社区核实并公示", detail: "社区核实后在居务公开栏公示 7 天"),
                .init(title: "办事处审核", detail: "公示无异议的报办事处审核"),
                .init(title: "县卫健局发证", detail: "审核通过后由县卫健局发证，社区通知领取"),
            ],
            fees: "", timeLimit: "20 个工作日", place: place, hours: hours, contact: contact,
            legalBasis: ["《陕西省人口与计划生育条例》"], isSample: true),
        GuideContent(
            title: "城市居民最低生活保障（低保）", applicants: "共同生活的家庭成员人均收入低于县城低保标准、家庭财产符合规定的城镇居民家庭。",
            conditions: ["家庭成员户籍在本县城", "家庭月人均收入低于当年县城低保标准", "家庭财产（住房、车辆、存款等）符合县民政局规定"],
            documents: ["书面申请书（可在本页下载样表）", "户口簿、身份证", "家庭收入和财产情况说明", "授权核对家庭经济状况的声明", "患病或残疾的，附医院诊断或残疾证"],
            steps: [
                .init(title: "提出申请", detail: "到社区提交申请书和材料，社区当场出具受理回执"),
                .init(title: "入户调查", detail: "社区干部会同居民代表 10 个工作日内入户核实"),
                .init(title: "民主评议", detail: "召开居民代表评议会"),
                .init(title: "社区公示 7 天", detail: "在居务公开栏和网上公示，居民可提出异议"),
                .init(title: "办事处审核", detail: "公示无异议的报办事处审核"),
                .init(title: "县民政局确认", detail: "确认后按月发放，每年复审一次"),
            ],
            fees: "", timeLimit: "30 个工作日", place: place, hours: hours, contact: contact,
            legalBasis: ["《社会救助暂行办法》", "《最低生活保障审核确认办法》（民发〔2021〕57号）"], isSample: true),
        GuideContent(
            title: "大病救助", applicants: "低保对象、特困人员、低收入家庭中患重大疾病、个人负担的医疗费用较高的居民。",
            conditions: ["已参加城乡居民医疗保险", "经医保报销后个人负担的合规医疗费用超过县里规定的起付线"],
            documents: ["申请书", "身份证、户口簿", "低保证或困难证明", "住院病历和诊断证明", "医疗费用发票和医保结算单"],
            steps: [
                .init(title: "社区受理核实", detail: "社区收齐材料，核实家庭情况"),
                .init(title: "办事处审核", detail: "报办事处民政办审核"),
                .init(title: "县民政局审批", detail: "县民政局按救助比例审批"),
                .init(title: "打卡发放", detail: "救助金直接打到申请人的社保卡"),
            ],
            fees: "", timeLimit: "20 个工作日", place: place, hours: hours, contact: contact,
            legalBasis: ["《社会救助暂行办法》第二十八条至第三十一条"], isSample: true),
        GuideContent(
            title: "廉租房（公租房）及租金补贴", applicants: "县城户籍、住房困难的低收入家庭。",
            conditions: ["家庭人均收入低于县里公布的标准", "本人及家庭成员在县城无房或人均住房面积低于标准"],
            documents: ["申请表", "户口簿、身份证", "家庭收入证明", "现住房情况证明（租房合同或房产证明）"],
            steps: [
                .init(title: "社区受理", detail: "填写申请表，提交材料"),
                .init(title: "入户核查并公示", detail: "社区入户核查，在居务公开栏公示"),
                .init(title: "办事处审核", detail: "报办事处审核"),
                .init(title: "县住建局复核公示", detail: "县住建局复核后再次公示"),
                .init(title: "轮候配租或发放补贴", detail: "按顺序配租，或按月发放租金补贴"),
            ],
            fees: "", timeLimit: "按县住建局受理批次", place: place, hours: hours, contact: contact,
            legalBasis: ["住房城乡建设部等《关于公共租赁住房和廉租住房并轨运行的通知》"], isSample: true),
        GuideContent(
            title: "城乡居民医疗保险参保登记", applicants: "未参加职工医保的城乡居民，包括学生、儿童和新生儿。",
            conditions: ["户籍在本县或持本县居住证"],
            documents: ["身份证或户口簿", "新生儿附出生医学证明"],
            steps: [
                .init(title: "社区登记", detail: "到社区登记参保信息"),
                .init(title: "按年度缴费", detail: "通过银行或手机按当年标准缴费，社区不代收现金"),
                .init(title: "享受待遇", detail: "次年 1 月 1 日起享受住院和门诊报销"),
            ],
            fees: "个人缴费按县医保局当年公布的标准，社区不收费", timeLimit: "当场登记", place: place, hours: hours, contact: contact,
            legalBasis: ["《中华人民共和国社会保险法》第二十五条"], isSample: true),
        GuideContent(
            title: "城乡居民养老保险", applicants: "年满 16 周岁（不含在校学生）、未参加职工养老保险的城乡居民。",
            conditions: ["户籍在本县", "未参加城镇职工基本养老保险"],
            documents: ["身份证", "户口簿"],
            steps: [
                .init(title: "社区登记参保", detail: "到社区填写参保登记表"),
                .init(title: "自选档次缴费", detail: "按县人社局公布的档次自选，每年缴费"),
                .init(title: "申请领取", detail: "年满 60 周岁到社区申请，次月起按月领取"),
            ],
            fees: "按县人社局公布的缴费档次自选，社区不收费", timeLimit: "当场登记", place: place, hours: hours, contact: contact,
            legalBasis: ["《中华人民共和国社会保险法》", "《国务院关于建立统一的城乡居民基本养老保险制度的意见》"], isSample: true),
    ]
}
