import Foundation
import Testing

@testable import SunboardCore

@Suite("Roles and access")
struct AccessTests {
    // 1 office; 2 银城, 3 银南 under it.
    let office = [1], yincheng = [2, 1], yinnan = [3, 1]

    @Test("A community's role applies in that community only")
    func communityRole() {
        let clerk = Access(grants: [RoleGrant(unitID: 2, role: .clerk)])
        #expect(clerk.can(.viewUnitAdmin, inLineage: yincheng))
        #expect(!clerk.can(.viewUnitAdmin, inLineage: yinnan))
        #expect(!clerk.can(.viewUnitAdmin, inLineage: office))
        #expect(!clerk.can(.editUnitProfile, inLineage: yincheng))
        #expect(!clerk.managesUsers)
    }

    @Test("A director edits their own community's profile, not a neighbour's")
    func director() {
        let director = Access(grants: [RoleGrant(unitID: 2, role: .director)])
        #expect(director.can(.editUnitProfile, inLineage: yincheng))
        #expect(!director.can(.editUnitProfile, inLineage: yinnan))
    }

    @Test("The office administrator reaches every community below the office")
    func officeAdmin() {
        let admin = Access(grants: [RoleGrant(unitID: 1, role: .officeAdmin)])
        for lineage in [office, yincheng, yinnan] {
            #expect(
                admin.permissions(inLineage: lineage) == [
                    .viewUnitAdmin, .editUnitProfile, .manageUsers, .manageCatalog, .readAuditLog, .manageSignatureChains,
                    .manageServiceBoards, .manageWebhooks, .manageAssessment,
                ])
        }
        #expect(admin.managesUsers)
        #expect(admin.reachingUnitIDs == [1])
    }

    @Test("Roles held in several units combine, each in its own unit")
    func several() {
        let person = Access(grants: [RoleGrant(unitID: 2, role: .supervisor), RoleGrant(unitID: 3, role: .director)])
        #expect(person.roles(inLineage: yincheng) == [.supervisor])
        #expect(person.roles(inLineage: yinnan) == [.director])
        #expect(!person.can(.editUnitProfile, inLineage: yincheng))
        #expect(person.can(.editUnitProfile, inLineage: yinnan))
    }

    @Test("Only the office's roles reach down; no community role does")
    func reach() {
        for role in Role.allCases {
            #expect(role.reachesDescendants == (role == .officeAdmin || role == .officeLeader))
        }
        // The office leader sees a community's pages but drafts, reviews and publishes nothing; they
        // decide the 低保 applications a community's own staff must stand aside from.
        let leader = Access(grants: [RoleGrant(unitID: 1, role: .officeLeader)])
        #expect(leader.permissions(inLineage: yinnan) == [.viewUnitAdmin, .decideRosters, .manageAssessment])
    }

    @Test("Roles are held where they belong")
    func grantable() {
        #expect(Role.officeAdmin.isGrantable(in: .office))
        #expect(!Role.officeAdmin.isGrantable(in: .community))
        #expect(Role.officeLeader.isGrantable(in: .office))
        for role in [Role.clerk, .director, .supervisor, .supervisionChair, .secretary, .liaison, .worker] {
            #expect(role.isGrantable(in: .community))
            #expect(!role.isGrantable(in: .office))
        }
    }

    @Test("Every role has a Chinese name and a duty")
    func names() {
        #expect(
            Role.allCases.map(\.chineseName) == ["录入员", "居委会主任", "监委会成员", "监委会主任", "党支部书记", "包社区领导", "专职工作者", "办事处领导", "办事处管理员"])
        #expect(Role.allCases.allSatisfy { !$0.duty.isEmpty })
        #expect(Role.allCases.sorted().first == .officeAdmin)
    }
}

@Suite("Credentials")
struct CredentialsTests {
    @Test(arguments: ["admin", "yincheng-clerk", "wang.li_2", "abc"])
    func goodUsernames(_ name: String) { #expect(Credentials.usernameIssue(name) == nil) }

    @Test(arguments: ["ab", "Admin", "王丽", "-lead", ".dot", "a b", String(repeating: "a", count: 33)])
    func badUsernames(_ name: String) { #expect(Credentials.usernameIssue(name)?.field == "username") }

    @Test func passwords() {
        #expect(Credentials.passwordIssue("12345678") == nil)
        #expect(Credentials.passwordIssue("社区工作者的长密码") == nil)
        #expect(Credentials.passwordIssue("1234567")?.message == "密码至少要 8 位。")
        // bcrypt reads 72 bytes: 72 letters, or 24 Chinese characters.
        #expect(Credentials.passwordIssue(String(repeating: "x", count: 72)) == nil)
        #expect(Credentials.passwordIssue(String(repeating: "x", count: 73)) != nil)
        #expect(Credentials.passwordIssue(String(repeating: "密", count: 24)) == nil)
        #expect(Credentials.passwordIssue(String(repeating: "密", count: 25))?.message.contains("汉字最多 24 个") == true)
        #expect(Credentials.passwordIssue("password\u{0}tail") != nil)
    }

    @Test func displayNames() {
        #expect(Credentials.displayNameIssue("王建国") == nil)
        #expect(Credentials.displayNameIssue("   ") != nil)
        #expect(Credentials.displayNameIssue(String(repeating: "名", count: 41)) != nil)
    }
}

@Suite("Login throttling")
struct LoginThrottleTests {
    let throttle = LoginThrottle()
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    @Test("From one address, four failures for an account are allowed, the fifth locks until the oldest leaves the window")
    func accountAddress() {
        let four = LoginThrottle.Failures(count: 4, oldest: now.addingTimeInterval(-60))
        #expect(throttle.lockedUntil(accountAddress: four, address: four, account: four, now: now) == nil)
        let five = LoginThrottle.Failures(count: 5, oldest: now.addingTimeInterval(-60))
        let until = throttle.lockedUntil(accountAddress: five, address: five, account: five, now: now)
        #expect(until == now.addingTimeInterval(14 * 60))
        #expect(LoginLocked(until: until!, now: now).minutes == 14)
    }

    @Test("The address limit is separate and higher")
    func address() {
        let many = LoginThrottle.Failures(count: 20, oldest: now)
        #expect(throttle.lockedUntil(accountAddress: .none, address: many, account: .none, now: now) == now.addingTimeInterval(15 * 60))
        #expect(throttle.lockedUntil(accountAddress: .none, address: .init(count: 19, oldest: now), account: .none, now: now) == nil)
    }

    @Test("Many failures for an account from everywhere hold back the addresses that failed, not a new one")
    func account() {
        let many = LoginThrottle.Failures(count: 50, oldest: now.addingTimeInterval(-120))
        // The owner's address, which has not failed, may still try.
        #expect(throttle.lockedUntil(accountAddress: .none, address: .none, account: many, now: now) == nil)
        // An address that has guessed once waits, though it is under its own limit.
        let once = LoginThrottle.Failures(count: 1, oldest: now)
        #expect(throttle.lockedUntil(accountAddress: once, address: once, account: many, now: now) == now.addingTimeInterval(13 * 60))
        #expect(
            throttle.lockedUntil(accountAddress: once, address: once, account: .init(count: 49, oldest: now), now: now) == nil)
    }

    @Test("The wait is told in whole minutes, at least one")
    func minutes() {
        #expect(LoginLocked(until: now.addingTimeInterval(5), now: now).minutes == 1)
        #expect(LoginLocked(until: now.addingTimeInterval(61), now: now).minutes == 2)
        #expect(LoginLocked(until: now, now: now).message.contains("1 分钟后再试"))
    }

    @Test func windowStart() {
        #expect(throttle.windowStart(now: now) == now.addingTimeInterval(-900))
    }
}

@Suite("Shanghai time")
struct ShanghaiTimeTests {
    @Test("UTC instants are shown in China Standard Time")
    func display() {
        // 2026-11-27 16:30 UTC is 2026-11-28 00:30 in Shanghai.
        let instant = Date(timeIntervalSince1970: 1_795_797_000)
        #expect(ShanghaiTime.date(instant) == "2026年11月28日")
        #expect(ShanghaiTime.dateTime(instant) == "2026年11月28日 00:30")
        #expect(ShanghaiTime.iso8601(instant) == "2026-11-28T00:30:00+08:00")
    }

    @Test("A fixed clock stands still")
    func clock() {
        let instant = Date(timeIntervalSince1970: 0)
        #expect(WallClock.fixed(instant).now == instant)
    }
}

@Suite("The board's sections")
struct BoardSectionTests {
    @Test("Every section of the seed's board is there, with a unique anchor and an empty state")
    func sections() {
        let ids = BoardSection.community.map(\.id)
        #expect(Set(ids).count == ids.count)
        let seedBoard = [
            "基本概况", "组织机构", "居委会工作职责", "居务公开制度", "社区成员代表大会工作制度", "社区监委会工作制度",
            "社区居民事务听证会工作制度", "社区居委会管理制度", "便民服务指南", "光荣榜", "居委会活动剪影",
        ]
        let titles = BoardSection.community.map(\.title)
        #expect(seedBoard.allSatisfy(titles.contains))
        #expect(BoardSection.community.allSatisfy { !$0.emptyText.isEmpty && !$0.summary.isEmpty })
    }
}
