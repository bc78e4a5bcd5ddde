import ArgumentParser
import Foundation
import SunboardApp
import SunboardCore

/// Setting up a real installation: the office first, then its communities.
struct UnitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unit",
        abstract: "建立办事处和社区 / Create the office and its communities.",
        subcommands: [Add.self, List.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "新建一个办事处或社区 / Create an office, or a community under one.",
            discussion: """
                An office gets the default disclosure catalog of the seed report; a community owes its periodic \
                disclosures from the first whole period after today. Both are public records from the start, in the ledger. \
                Example: sunboard unit add --slug yinzhou --name 银州镇办事处 --kind office; then \
                sunboard unit add --slug yincheng --name 银城社区 --kind community --parent yinzhou.
                """
        )

        @Option(help: "网址名 Address name: 2–40 lowercase letters, digits and hyphens, e.g. yincheng.")
        var slug: String

        @Option(help: "名称 Full name, e.g. 银城社区.")
        var name: String

        @Option(help: "office (办事处) or community (社区).")
        var kind: String

        @Option(help: "所属办事处的网址名 The office a community belongs to.")
        var parent: String?

        @OptionGroup var dataOptions: DataOptions

        func validate() throws {
            guard let kind = UnitKind(rawValue: kind) else {
                throw ValidationError("--kind 只能是 office（办事处）或 community（社区） / --kind must be office or community.")
            }
            guard !name.trimmed.isEmpty, name.trimmed.count <= 60 else {
                throw ValidationError("请写单位名称（60 字以内） / --name must be 1–60 characters.")
            }
            if kind == .community, parent == nil {
                throw ValidationError("社区要写 --parent 所属办事处 / a community needs --parent, its office's slug.")
            }
            if kind == .office, parent != nil {
                throw ValidationError("办事处不属于别的单位，不要写 --parent / an office has no --parent.")
            }
        }

        func run() async throws {
            let kind = UnitKind(rawValue: kind)!
            let configuration = AppConfiguration.resolve(hostname: nil, port: nil, dataDirectory: dataOptions.data)
            try await Runtime.withServices(configuration) { services in
                if try await services.units.find(slug: slug) != nil {
                    throw ValidationError("已有网址名为“\(slug)”的单位 / A unit with slug “\(slug)” exists already.")
                }
                var parentID: Int?
                if let parent {
                    guard let office = try await services.units.find(slug: parent), office.kind == .office else {
                        throw ValidationError("没有网址名为“\(parent)”的办事处 / No office with slug “\(parent)”.")
                    }
                    parentID = office.id
                }
                let now = services.clock.now
                let unit: SunboardCore.Unit
                do {
                    unit = try await services.units.create(slug: slug, name: name.trimmed, kind: kind, parentID: parentID, at: now)
                } catch let failure as ValidationFailure {
                    throw ValidationError(failure.issues.map { "\($0.message) / \($0.englishMessage)" }.joined(separator: "\n"))
                }
                if kind == .office { try await services.catalog.seedDefaults(ownerUnitID: unit.id, at: now) }
                say("已建立\(kind.chineseName)“\(unit.name)”，网址 /units/\(unit.slug) / Created \(kind.rawValue) \(unit.slug).")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出所有单位 / List every unit.")

        @OptionGroup var dataOptions: DataOptions

        func run() async throws {
            let configuration = AppConfiguration.resolve(hostname: nil, port: nil, dataDirectory: dataOptions.data)
            try await Runtime.withServices(configuration) { services in
                for unit in try await services.units.all() {
                    say("\(unit.slug)\t\(unit.kind.rawValue)\t\(unit.name)")
                }
            }
        }
    }
}
