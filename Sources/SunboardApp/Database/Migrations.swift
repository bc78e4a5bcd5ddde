/// The schema's history, oldest first. Append only: a released step is
/// never edited or removed.
public enum Migrations {
    public static let all: [any Migration] = [
        CreateUnits(),  // the office → community tree and each unit's 基本概况
        CreateUsers(),  // staff accounts with bcrypt password hashes
        CreateRoleGrants(),  // roles held per unit
        CreateSessions(),  // login sessions shared by every app instance
        CreateLoginAttempts(),  // the record that login throttling counts
        CreateAuditLog(),  // append-only record of admin actions
        CreateCatalogItems(),  // the disclosure catalog: defaults and each community's 细则
        CreateStoredFiles(),  // attachments kept once by SHA-256
        CreateDisclosures(),  // drafts, published versions, attachments, objections
        CreateLedger(),  // the hash chain of publications, corrections and withdrawals
        CreateFinance(),  // the books, reimbursements with receipts and signatures, signature chains
        CreatePeopleBoards(),  // 插卡式 cards, their history, each community's published fields
        CreateServiceBoards(),  // 干部监督台, 便民指示牌, 办事指南
        CreateFeedback(),  // residents' suggestions and complaints; replies to them and to objections
        CreateWebhooks(),  // chat-group subscriptions, the outbox of messages, every delivery attempt
        CreateCompliance(),  // catalog rules by effective day, reminders, assessment settings and notes
        CreateCivic(),  // elections, meetings, hearings, projects, the posts they publish, phone-sized photos
        ChainEveryRecord(),  // every public record in the one chain: record versions, salts, reversals, the daily head
    ]
}
