import SunboardCore

/// A unit's catalog in the admin area: its own items, editable, and the
/// items it inherits, for reference.
struct CatalogAdminPage: Sendable {
    struct Row: Sendable {
        var title: String
        var code: String
        var className: String
        var schedule: String
        var fields: String
        var active: Bool
        var editURL: String
    }

    var frame: Frame
    var unitName: String
    var own: [Row]
    var hasOwn: Bool
    var inherited: [Row]
    var hasInherited: Bool
    var canManage: Bool
    var newURL: String
    var publicURL: String
    var notice: String?

    init(unit: Unit, catalog: [CatalogItem], canManage: Bool, notice: String?, frame: Frame) {
        func row(_ item: CatalogItem) -> Row {
            Row(
                title: item.title, code: item.code, className: item.disclosureClass.chinese, schedule: item.scheduleChinese,
                fields: item.fields.map(\.label).joined(separator: "、"), active: item.isActive,
                editURL: SiteURL.catalog(.adminItem(unit.slug, item.id)).path)
        }
        self.frame = frame
        self.unitName = unit.name
        self.own = catalog.filter { $0.ownerUnitID == unit.id }.map(row)
        self.hasOwn = !own.isEmpty
        self.inherited = catalog.filter { $0.ownerUnitID != unit.id }.map(row)
        self.hasInherited = !inherited.isEmpty
        self.canManage = canManage
        self.newURL = SiteURL.catalog(.adminNew(unit.slug)).path
        self.publicURL = SiteURL.disclosures(.catalog(unit.slug)).path
        self.notice = notice
    }
}

/// The form for one catalog item.
struct CatalogItemForm: Sendable {
    var frame: Frame
    /// The day a change to the schedule takes effect (today unless later).
    var effectiveFrom: String
    var effectiveError: String?
    var heading: String
    var action: String
    var cancelURL: String
    var isNew: Bool
    var code: String
    var title: String
    var description: String
    var scopes: [SelectOption]
    var classes: [SelectOption]
    var frequencies: [SelectOption]
    var sections: [SelectOption]
    var dueMonthsAfter: String
    var dueDay: String
    var fields: String
    var noticeDays: String
    var retentionYears: String
    var isActive: Bool
    var errorSummary: String?

    init(
        heading: String, action: String, cancelURL: String, isNew: Bool, input: CatalogItemInput, failure: ValidationFailure?, frame: Frame,
        effectiveFrom: String
    ) {
        self.effectiveFrom = effectiveFrom
        self.effectiveError = failure?.message(for: "effective_from")
        self.frame = frame
        self.heading = heading
        self.action = action
        self.cancelURL = cancelURL
        self.isNew = isNew
        self.code = input.code
        self.title = input.title
        self.description = input.description
        self.scopes = DisclosureScope.allCases.map {
            SelectOption(value: $0.rawValue, label: $0.chinese, selected: $0.rawValue == input.scope)
        }
        self.classes = DisclosureClass.allCases.map {
            SelectOption(value: $0.rawValue, label: $0.chinese, selected: $0.rawValue == input.disclosureClass)
        }
        self.frequencies =
            [SelectOption(value: "", label: "（不是定期公开）", selected: input.frequency.isEmpty)]
            + Frequency.allCases.map { SelectOption(value: $0.rawValue, label: $0.chinese, selected: $0.rawValue == input.frequency) }
        self.sections = BoardSection.community.map { SelectOption(value: $0.id, label: $0.title, selected: $0.id == input.boardSection) }
        self.dueMonthsAfter = input.dueMonthsAfter
        self.dueDay = input.dueDay
        self.fields = input.fields
        self.noticeDays = input.noticeDays
        self.retentionYears = input.retentionYears
        self.isActive = input.isActive
        self.errorSummary = failure.map { "有 \($0.issues.count) 处需要修改：\($0.message)" }
    }
}

extension CatalogItemInput {
    init(form: FormFields, code: String? = nil) {
        self.init(
            code: code ?? form["code"], title: form["title"], description: form["description"], scope: form["scope"],
            disclosureClass: form["class"], frequency: form["frequency"], dueMonthsAfter: form["due_months_after"],
            dueDay: form["due_day"], boardSection: form["board_section"], fields: form["fields"], noticeDays: form["notice_days"],
            retentionYears: form["retention_years"], isActive: form["is_active"] == "1")
    }
}
