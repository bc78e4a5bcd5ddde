import SunboardApp
import SunboardCore

/// The demo's year of disclosures and books, December 2025 to 26 November
/// 2026 as written (`DemoCalendar` moves them to the year before the day the
/// demo is seeded), read from the files in `Content/` (`DemoContent`). The
/// four communities keep their records differently, so the on-time
/// statistics have something to show: 银城 publishes every periodic item on
/// time, 银南 is often late, 银北 leaves some months and quarters out, and
/// 银新 only starts in April 2026.
extension DemoData {
    /// Every disclosure of the year, in the order written; a month's office-funds
    /// statement is generated from the books on the day it says.
    static let disclosures: [DemoDisclosure] = DemoContent.load(DemoContent.disclosures)

    /// The books of the year: opening balances, income, and every expense
    /// as a reimbursement that goes through the signature chain.
    static let money: [DemoMoney] = DemoContent.load {
        let books = try DemoContent.books(communities: communities.map(\.slug))
        return (books + projectMoney + pendingMoney).map { line in
            var line = line
            line.mistake = mistakes.first { $0.community == line.community && $0.date == line.date && $0.summary == line.summary }?.mistake
            return line
        }
    }

    /// A line the supervisory committee found wrong against its receipt, corrected by reversal.
    static let mistakes: [(community: String, date: String, summary: String, mistake: DemoMoney.Mistake)] = [
        (
            "yincheng", "2026-10-19", "冬季供暖前锅炉检修",
            .init(
                amount: "646.80", found: "2026-10-23",
                reason: "报账单金额填错：发票金额为 664.80 元，报账单写成了 646.80 元，监委会核对原始单据时发现。")
        )
    ]
}

// MARK: - Each community's 干部监督台 and 便民指示牌

/// The people and phone lines a community's standing boards show; its
/// standing notices, written from the office's model texts as the report
/// describes, are files in `Content/disclosures`.
struct StandingProfile: Sendable {
    /// A committee member on the 干部监督台.
    struct Cadre: Sendable {
        var name: String
        var post: String
        var work: String
        var lanes: String
        var phone: String
    }

    /// A line of the 便民指示牌.
    struct Listing: Sendable {
        var kind: String
        var name: String
        var address: String
        var phone: String
    }

    var slug: String
    var name: String
    var address: String
    var phone: String
    var secretary: String
    var director: String
    var supervisor: String
    var liaison: String
    var clerk: String
    /// Everyone on the 干部监督台, 书记 first; 委员 after the 主任 and 副主任.
    var cadres: [Cadre]
    var directory: [Listing]
}

extension DemoData {
    static let standingProfiles: [StandingProfile] = [
        StandingProfile(
            slug: "yincheng", name: "银城社区", address: "解放路 26 号银城社区服务中心", phone: "0912-3210101",
            secretary: "李秀英", director: "王建国", supervisor: "张桂兰",
            liaison: "刘志强", clerk: "陈晓燕",
            cadres: [
                .init(name: "李秀英", post: "党支部书记", work: "党支部全面工作、党员QQ群、居务公开领导小组", lanes: "解放路东段", phone: "13991234101"),
                .init(name: "王建国", post: "居委会主任", work: "居委会全面工作、民生工程、财务", lanes: "东大街、钟楼巷", phone: "13991234102"),
                .init(name: "周海涛", post: "居委会副主任", work: "综治维稳、人民调解、“红袖章”巡逻", lanes: "西大街、城隍庙巷", phone: "13991234103"),
                .init(name: "陈晓燕", post: "居委会委员（报账员、录入员）", work: "民政、低保、残疾人、居务公开录入", lanes: "文化巷", phone: "13991234104"),
                .init(name: "赵丽萍", post: "居委会委员", work: "计划生育、流动人口、妇女儿童", lanes: "书院巷、南门口", phone: "13991234105"),
                .init(name: "张桂兰", post: "监委会主任", work: "监督居务公开和财务收支，受理居民意见", lanes: "—", phone: "13991234106"),
            ],
            directory: [
                .init(kind: "火警", name: "县消防救援大队", address: "—", phone: "119"),
                .init(kind: "匪警", name: "县公安局指挥中心", address: "—", phone: "110"),
                .init(kind: "急救", name: "县急救中心", address: "—", phone: "120"),
                .init(kind: "交通事故", name: "县公安局交警大队", address: "—", phone: "122"),
                .init(kind: "社区民警", name: "城关派出所银城警务室", address: "解放路 26 号社区服务中心一楼", phone: "0912-3215110"),
                .init(kind: "医院", name: "县人民医院急诊科", address: "解放路 61 号", phone: "0912-3212120"),
                .init(kind: "送水", name: "清泉桶装水配送部", address: "东大街 14 号", phone: "0912-3216633"),
                .init(kind: "送炭", name: "兴隆煤炭经销部", address: "城隍庙巷口", phone: "13891226735"),
                .init(kind: "送粮油", name: "丰年粮油店", address: "西大街 37 号", phone: "0912-3218502"),
                .init(kind: "修电", name: "顺达水电维修部", address: "文化巷 9 号", phone: "13709128246"),
                .init(kind: "修水", name: "顺达水电维修部", address: "文化巷 9 号", phone: "13709128246"),
                .init(kind: "捅下水", name: "畅通管道疏通", address: "钟楼巷 3 号", phone: "15891207713"),
                .init(kind: "掏厕所", name: "县环卫所吸污车", address: "北环路县环卫所院内", phone: "0912-3213941"),
                .init(kind: "开锁", name: "安心开锁（已在公安机关备案）", address: "东大街 52 号", phone: "13572947120"),
                .init(kind: "电视维修", name: "华新家电维修部", address: "西大街 8 号", phone: "0912-3217256"),
                .init(kind: "天然气维修", name: "县天然气公司抢修中心", address: "银州路 3 号", phone: "0912-3219119"),
            ], ),
        StandingProfile(
            slug: "yinnan", name: "银南社区", address: "南关街 8 号银南社区服务中心", phone: "0912-3210102",
            secretary: "杨春梅", director: "黄德明", supervisor: "周玉珍",
            liaison: "吴永胜", clerk: "徐丽娟",
            cadres: [
                .init(name: "杨春梅", post: "党支部书记", work: "党支部全面工作、居务公开领导小组", lanes: "南关街", phone: "13571928201"),
                .init(name: "黄德明", post: "居委会主任", work: "居委会全面工作、民生工程、财务", lanes: "南关一巷、南关二巷", phone: "13571928202"),
                .init(name: "韩立新", post: "居委会副主任", work: "综治维稳、人民调解、青年志愿服务队", lanes: "南关三巷、南门坡", phone: "13571928203"),
                .init(name: "徐丽娟", post: "居委会委员（报账员、录入员）", work: "民政、低保、居务公开录入", lanes: "河滨路", phone: "13571928204"),
                .init(name: "冯小燕", post: "居委会委员", work: "计划生育、流动人口、妇女儿童", lanes: "新华巷", phone: "13571928205"),
                .init(name: "周玉珍", post: "监委会主任", work: "监督居务公开和财务收支，受理居民意见", lanes: "—", phone: "13571928206"),
            ],
            directory: [
                .init(kind: "火警", name: "县消防救援大队", address: "—", phone: "119"),
                .init(kind: "匪警", name: "县公安局指挥中心", address: "—", phone: "110"),
                .init(kind: "急救", name: "县急救中心", address: "—", phone: "120"),
                .init(kind: "交通事故", name: "县公安局交警大队", address: "—", phone: "122"),
                .init(kind: "社区民警", name: "南关派出所银南警务室", address: "南关街 8 号社区服务中心一楼", phone: "0912-3225110"),
                .init(kind: "医院", name: "县中医医院急诊科", address: "河滨路 22 号", phone: "0912-3221120"),
                .init(kind: "送水", name: "山泉水配送站", address: "南关街 41 号", phone: "0912-3226281"),
                .init(kind: "送炭", name: "南关煤场", address: "南门坡下", phone: "13892209164"),
                .init(kind: "送粮油", name: "惠民粮油超市", address: "新华巷 6 号", phone: "0912-3227415"),
                .init(kind: "修电", name: "老郭电器水暖维修", address: "南关二巷 15 号", phone: "13629120578"),
                .init(kind: "修水", name: "老郭电器水暖维修", address: "南关二巷 15 号", phone: "13629120578"),
                .init(kind: "捅下水", name: "利民管道疏通", address: "河滨路 5 号", phone: "18791236042"),
                .init(kind: "掏厕所", name: "县环卫所吸污车", address: "北环路县环卫所院内", phone: "0912-3213941"),
                .init(kind: "开锁", name: "金钥匙开锁（已在公安机关备案）", address: "南关街 19 号", phone: "13992281730"),
                .init(kind: "电视维修", name: "南关家电维修部", address: "南关一巷 2 号", phone: "0912-3228836"),
                .init(kind: "天然气维修", name: "县天然气公司抢修中心", address: "银州路 3 号", phone: "0912-3219119"),
            ], ),
        StandingProfile(
            slug: "yinbei", name: "银北社区", address: "北环路 35 号银北社区服务中心", phone: "0912-3210103",
            secretary: "孙凤英", director: "马俊峰", supervisor: "胡秀珍",
            liaison: "郭振华", clerk: "何静",
            cadres: [
                .init(name: "孙凤英", post: "党支部书记", work: "党支部全面工作、党小组、居务公开领导小组", lanes: "北街", phone: "15929123301"),
                .init(name: "马俊峰", post: "居委会主任", work: "居委会全面工作、民生工程、财务", lanes: "北环路东段、粮站巷", phone: "15929123302"),
                .init(name: "谢宏伟", post: "居委会副主任", work: "综治维稳、人民调解、安全生产", lanes: "北环路西段、红旗巷", phone: "15929123303"),
                .init(name: "何静", post: "居委会委员（报账员、录入员）", work: "民政、低保、居务公开录入", lanes: "公园路", phone: "15929123304"),
                .init(name: "唐玉兰", post: "居委会委员", work: "计划生育、流动人口、妇女儿童", lanes: "北门巷", phone: "15929123305"),
                .init(name: "胡秀珍", post: "监委会主任", work: "监督居务公开和财务收支，受理居民意见", lanes: "—", phone: "15929123306"),
            ],
            directory: [
                .init(kind: "火警", name: "县消防救援大队", address: "—", phone: "119"),
                .init(kind: "匪警", name: "县公安局指挥中心", address: "—", phone: "110"),
                .init(kind: "急救", name: "县急救中心", address: "—", phone: "120"),
                .init(kind: "交通事故", name: "县公安局交警大队", address: "—", phone: "122"),
                .init(kind: "社区民警", name: "城关派出所银北警务室", address: "北环路 35 号社区服务中心一楼", phone: "0912-3235110"),
                .init(kind: "医院", name: "银州镇北街社区卫生服务站", address: "北街 27 号", phone: "0912-3231205"),
                .init(kind: "送水", name: "甘露桶装水", address: "公园路 10 号", phone: "0912-3236472"),
                .init(kind: "送炭", name: "北环路煤炭门市部", address: "北环路 88 号", phone: "13759127386"),
                .init(kind: "送粮油", name: "好日子粮油店", address: "北街 45 号", phone: "0912-3237093"),
                .init(kind: "修电", name: "明亮电工服务部", address: "粮站巷 4 号", phone: "15129128814"),
                .init(kind: "修水", name: "北门水暖维修", address: "北门巷 11 号", phone: "13488125930"),
                .init(kind: "捅下水", name: "北门水暖维修", address: "北门巷 11 号", phone: "13488125930"),
                .init(kind: "掏厕所", name: "县环卫所吸污车", address: "北环路县环卫所院内", phone: "0912-3213941"),
                .init(kind: "开锁", name: "平安开锁（已在公安机关备案）", address: "红旗巷 2 号", phone: "13892261547"),
                .init(kind: "电视维修", name: "长虹家电维修点", address: "北街 3 号", phone: "0912-3238140"),
                .init(kind: "天然气维修", name: "县天然气公司抢修中心", address: "银州路 3 号", phone: "0912-3219119"),
            ], ),
        StandingProfile(
            slug: "yinxin", name: "银新社区", address: "新区幸福路 12 号银新社区服务中心", phone: "0912-3210104",
            secretary: "林淑芬", director: "高志刚", supervisor: "罗红梅",
            liaison: "梁建军", clerk: "宋婷婷",
            cadres: [
                .init(name: "林淑芬", post: "党支部书记", work: "党支部全面工作、居务公开领导小组", lanes: "幸福苑小区", phone: "18292124401"),
                .init(name: "高志刚", post: "居委会主任", work: "居委会全面工作、小区交接、民生工程、财务", lanes: "锦绣家园小区", phone: "18292124402"),
                .init(name: "彭丽", post: "居委会副主任", work: "民政、低保、残疾人、居民报到登记", lanes: "阳光城小区", phone: "18292124403"),
                .init(name: "宋婷婷", post: "居委会委员（报账员、录入员）", work: "财务报账、居务公开录入、计划生育", lanes: "幸福路沿街商铺", phone: "18292124404"),
                .init(name: "潘晓东", post: "居委会委员", work: "综治维稳、物业协调、流动人口", lanes: "惠民安置小区、迎宾大道", phone: "18292124405"),
                .init(name: "罗红梅", post: "监委会主任", work: "监督居务公开和财务收支，受理居民意见", lanes: "—", phone: "18292124406"),
            ],
            directory: [
                .init(kind: "火警", name: "县消防救援大队", address: "—", phone: "119"),
                .init(kind: "匪警", name: "县公安局指挥中心", address: "—", phone: "110"),
                .init(kind: "急救", name: "县急救中心", address: "—", phone: "120"),
                .init(kind: "交通事故", name: "县公安局交警大队", address: "—", phone: "122"),
                .init(kind: "社区民警", name: "新区派出所银新警务室", address: "幸福路 12 号社区服务中心一楼", phone: "0912-3245110"),
                .init(kind: "医院", name: "新区社区卫生服务中心", address: "迎宾大道 16 号", phone: "0912-3241120"),
                .init(kind: "送水", name: "雪山泉桶装水", address: "幸福苑 3 号楼底商", phone: "0912-3246308"),
                .init(kind: "送炭", name: "惠民煤炭配送", address: "惠民安置小区东门", phone: "13709262185"),
                .init(kind: "送粮油", name: "新区粮油批发部", address: "迎宾大道 33 号", phone: "0912-3247751"),
                .init(kind: "修电", name: "新家园水电安装维修", address: "锦绣家园 1 号楼底商", phone: "18992125376"),
                .init(kind: "修水", name: "新家园水电安装维修", address: "锦绣家园 1 号楼底商", phone: "18992125376"),
                .init(kind: "捅下水", name: "快通管道疏通", address: "阳光城南门", phone: "15332298407"),
                .init(kind: "掏厕所", name: "县环卫所吸污车", address: "北环路县环卫所院内", phone: "0912-3213941"),
                .init(kind: "开锁", name: "放心开锁（已在公安机关备案）", address: "幸福路 40 号", phone: "13379128652"),
                .init(kind: "电视维修", name: "新区家电维修部", address: "幸福路 27 号", phone: "0912-3248019"),
                .init(kind: "天然气维修", name: "县天然气公司抢修中心", address: "银州路 3 号", phone: "0912-3219119"),
            ], ),
    ]
}
