import Foundation
import SunboardApp
import SunboardCore

/// Plausible, generated rosters for the demo boards: names, valid (made-up)
/// ID numbers, households, benefits and situations, the same on every run.
struct DemoRoster {
    let slug: String
    let lanes: [String]
    /// The year the roster is kept in: ages are counted to it.
    let year: Int

    private static let surnames = Array("王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯史陶贺顾毛郝龚邵万严武")
    private static let givenNames = [
        "秀英", "桂英", "玉兰", "建国", "建华", "志强", "海燕", "德明", "永福", "春梅", "淑珍", "凤英", "国强", "文华", "金凤", "秀兰", "桂芳", "玉珍",
        "树林", "长顺", "宝山", "兰英", "振华", "玉梅", "卫东", "红霞", "保国", "翠兰", "福生", "月娥", "新民", "小红", "占魁", "彩霞", "银花", "守仁",
    ]
    private static let hardships = [
        "家中有人长期需要护理，无劳动能力。", "独居老人，无子女，仅有少量养老金。", "下岗后无固定工作，靠打零工维持生活。", "一家三口，孩子上学，丈夫不能工作。",
        "单亲家庭，独自抚养孩子。", "老两口年老体弱，儿子常年在外无音讯。", "本人不能工作，由老母亲照顾。", "家中两位老人需要长期照料。",
    ]
    private static let works = ["每月参加巷道清扫 2 次", "参加“红袖章”巡逻", "协助看护社区文化广场", "身体原因免于参加", "年老体弱，免于参加"]
    private static let illnesses = ["高血压、糖尿病", "脑梗后遗症", "慢性阻塞性肺病", "类风湿关节炎", "无重大疾病"]
    private static let origins = ["陕西省榆林市", "陕西省延安市", "山西省吕梁市", "甘肃省庆阳市", "内蒙古鄂尔多斯市", "宁夏吴忠市"]
    private static let reasons = ["务工", "经商", "就学", "投靠亲属"]

    /// A stable pseudo-random number for (community, n, salt).
    private func pick(_ n: Int, _ salt: Int, _ count: Int) -> Int {
        var x = UInt64(n &* 2_654_435_761 &+ salt &* 40_503) &+ UInt64(slug.unicodeScalars.reduce(0) { $0 &* 31 &+ Int($1.value) })
        x ^= x >> 13
        x = x &* 0x5bd1_e995
        x ^= x >> 15
        return Int(x % UInt64(count))
    }

    func name(_ n: Int) -> String {
        String(Self.surnames[pick(n, 1, Self.surnames.count)]) + Self.givenNames[pick(n, 2, Self.givenNames.count)]
    }

    /// A made-up ID number with a correct check digit, born in `year`.
    func idNumber(_ n: Int, born year: Int) -> String {
        let digits =
            "612722" + String(year) + String(format: "%02d%02d", 1 + pick(n, 3, 12), 1 + pick(n, 4, 28))
            + String(format: "%03d", pick(n, 5, 999))
        return digits + String(IDNumber.checkCharacter(digits.map { Int(String($0))! }))
    }

    func phone(_ n: Int) -> String { "13\(5 + pick(n, 6, 5))\(String(format: "%08d", pick(n, 7, 99_999_999)))" }

    func dibaoValues(_ n: Int) -> [String: String] {
        let age = 38 + pick(n, 8, 50)
        let size = 1 + pick(n, 9, 4)
        let benefit = Fen((size * 380 + pick(n, 10, 30) * 10) * 100)
        return [
            "name": name(n), "id_number": idNumber(n, born: year - age), "household_size": String(size),
            "monthly_benefit": benefit.plainYuan,
            "age": String(age), "hardship": Self.hardships[pick(n, 11, Self.hardships.count)],
            "public_work": Self.works[pick(n, 12, Self.works.count)], "lane": lanes[pick(n, 13, lanes.count)],
            "health": Self.illnesses[pick(n, 14, Self.illnesses.count)], "phone": phone(n),
        ]
    }

    private func csv(_ board: PeopleBoard, _ rows: [[String: String]]) -> [UInt8] {
        let fields = board.fields
        var text = CSV.line(fields.map(\.label))
        for row in rows { text += CSV.line(fields.map { row[$0.key] ?? "" }) }
        return Array(text.utf8)
    }

    /// The 低保 roster as the committee kept it in Excel, saved in GB18030.
    func dibaoCSV(count: Int) -> [UInt8] {
        let bytes = csv(.dibao, (0..<count).map(dibaoValues))
        return TextEncoding.gb18030Bytes(String(decoding: bytes, as: UTF8.self)) ?? bytes
    }

    func floatingCSV() -> [UInt8] {
        let count = slug == "yinxin" ? 24 : 9 + pick(0, 15, 6)
        return csv(
            .floating,
            (0..<count).map { n in
                let m = n + 2000
                let age = 20 + pick(m, 8, 35)
                return [
                    "name": name(m), "id_number": idNumber(m, born: year - age), "lane": lanes[pick(m, 13, lanes.count)],
                    "origin": Self.origins[pick(m, 16, Self.origins.count)], "reason": Self.reasons[pick(m, 17, Self.reasons.count)],
                    "phone": phone(m),
                ]
            })
    }

    func partyCSV() -> [UInt8] {
        let count = 14 + pick(0, 18, 8)
        let groups = ["第一党小组", "第二党小组", "第三党小组"]
        let duties = ["巷道卫生监督岗", "邻里纠纷调解岗", "帮扶孤寡老人", "“红袖章”巡逻", "居务公开监督岗"]
        return csv(
            .party,
            (0..<count).map { n in
                let m = n + 3000
                return [
                    "name": name(m), "group": groups[n % groups.count], "joined": String(1965 + pick(m, 19, 58)),
                    "duty": duties[pick(m, 20, duties.count)], "phone": phone(m),
                ]
            })
    }
}
