import ArgumentParser

/// `sunboard`: run the server, try the demo, migrate, manage users.
@main
struct Sunboard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sunboard",
        abstract: "阳光居务 Sunboard — 社区居务公开系统 / community-affairs disclosure platform.",
        subcommands: [
            ServeCommand.self, DemoCommand.self, MigrateCommand.self, VerifyCommand.self, UserCommand.self, BackupCommand.self,
            RestoreCommand.self, UnitCommand.self, RoutesCommand.self, ReindexCommand.self,
        ]
    )
}
