import Foundation
import SunboardCore

/// One disclosure in the admin area: the working copy, where it stands,
/// what the person may do next, its history and objections.
struct AdminDisclosurePage: Sendable {
    struct Field: Sendable {
        var label: String
        var value: String
        var note: String
    }

    struct Attachment: Sendable {
        var name: String
        var url: String
        var kind: String
    }

    struct Event: Sendable {
        var date: String
        var actor: String
        var detail: String
    }

    struct ObjectionView: Sendable {
        var date: String
        var name: String
        var contact: String
        var text: String
        var version: Int
    }

    var frame: Frame
    var title: String
    var statusText: String
    var statusKey: String
    var itemTitle: String
    var period: String?
    var reviewComment: String?
    var correctionReason: String?
    var error: String?
    var notice: String?
    var fields: [Field]
    var hasFields: Bool
    var bodyHTML: String
    /// For a civic step: what its process's pages will show once published, for the reviewer to check against the text.
    var civicHTML: String?
    var attachments: [Attachment]
    var hasAttachments: Bool
    var publicURL: String?
    var publishedVersion: Int
    var canEdit: Bool
    var editURL: String
    var canSubmit: Bool
    var canApprove: Bool
    var canReturn: Bool
    var canPublish: Bool
    var canCorrect: Bool
    var canWithdraw: Bool
    var hasActions: Bool
    var submitURL: String
    var approveURL: String
    var returnURL: String
    var publishURL: String
    var correctURL: String
    var withdrawURL: String
    var history: [Event]
    var objections: [ObjectionView]
    var hasObjections: Bool
    var listURL: String

    init(
        disclosure: Disclosure, unit: Unit, item: CatalogItem, available: [DisclosureAction], history: [AuditLog.RecordedEntry],
        objections: [ObjectionRepository.Objection], error: String?, notice: String?, frame: Frame
    ) {
        let id = disclosure.id
        let step = { (name: String) in SiteURL.disclosures(.adminStep(unit.slug, id, name)).path }
        self.frame = frame
        self.title = disclosure.content.title
        self.statusText = disclosure.status.chinese
        self.statusKey = disclosure.status.rawValue
        self.itemTitle = item.title
        self.period = disclosure.content.period?.chinese
        self.reviewComment = disclosure.status == .returned ? disclosure.reviewComment : nil
        self.correctionReason = disclosure.status != .published && disclosure.status != .withdrawn ? disclosure.correctionReason : nil
        self.error = error
        self.notice = notice
        self.fields = item.fields.map { spec in
            Field(
                label: spec.label, value: disclosure.content.display(spec) ?? "（未填）",
                note: spec.visibility == .public ? "" : spec.visibility.chinese)
        }
        self.hasFields = !fields.isEmpty
        self.bodyHTML = Markdown.html(disclosure.content.body, under: 2)
        self.attachments = disclosure.content.attachments.map {
            Attachment(name: $0.name, url: SiteURL.disclosures(.adminFile(unit.slug, $0.sha256)).path, kind: $0.kind.chinese)
        }
        self.hasAttachments = !attachments.isEmpty
        self.publicURL = disclosure.publishedVersion > 0 ? SiteURL.disclosures(.page(id)).path : nil
        self.publishedVersion = disclosure.publishedVersion
        self.canEdit = available.contains(.edit)
        self.editURL = SiteURL.disclosures(.adminEdit(unit.slug, id)).path
        self.canSubmit = available.contains(.submit)
        self.canApprove = available.contains(.approve)
        self.canReturn = available.contains(.returnForChanges)
        self.canPublish = available.contains(.publish)
        self.canCorrect = available.contains(.startCorrection)
        self.canWithdraw = available.contains(.withdraw)
        self.hasActions = !available.isEmpty
        self.submitURL = step("submit")
        self.approveURL = step("approve")
        self.returnURL = step("return")
        self.publishURL = step("publish")
        self.correctURL = step("correct")
        self.withdrawURL = step("withdraw")
        self.history = history.map {
            Event(date: ShanghaiTime.dateTime(Date(unixSeconds: $0.occurredAt)), actor: $0.actorName, detail: $0.detail)
        }
        self.objections = objections.map {
            ObjectionView(
                date: ShanghaiTime.dateTime(Date(unixSeconds: $0.createdAt)), name: $0.name.isEmpty ? "匿名" : $0.name,
                contact: $0.contact.isEmpty ? "未留" : $0.contact, text: $0.text, version: $0.version)
        }
        self.hasObjections = !objections.isEmpty
        self.listURL = SiteURL.disclosures(.adminList(unit.slug)).path
    }
}
