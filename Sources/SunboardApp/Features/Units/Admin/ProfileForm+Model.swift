import SunboardCore

/// The 基本概况 edit form, with what the person typed and what is wrong.
struct ProfileForm: Sendable {
    struct Field: Sendable {
        var name: String
        var label: String
        var value: String
        var hint: String
        var error: String?
        var inputMode: String
        var multiline: Bool
    }

    var frame: Frame
    var unitName: String
    var action: String
    var cancelURL: String
    var errorSummary: String?
    var fields: [Field]

    init(unit: Unit, input: UnitProfileInput, failure: ValidationFailure?, frame: Frame) {
        self.frame = frame
        self.unitName = unit.name
        self.action = SiteURL.units(.profile(unit.slug)).path
        self.cancelURL = SiteURL.units(.admin(unit.slug)).path
        self.errorSummary = failure.map { "有 \($0.issues.count) 处需要修改：\($0.message)" }
        let field = { (name: String, label: String, value: String, hint: String, mode: String, multiline: Bool) in
            Field(
                name: name, label: label, value: value, hint: hint, error: failure?.message(for: name), inputMode: mode,
                multiline: multiline)
        }
        self.fields = [
            field("area", "面积（平方公里）", input.area, "例如 2.6，最多两位小数", "decimal", false),
            field("population", "人口（人）", input.population, "常住人口，整数", "numeric", false),
            field("households", "户数（户）", input.households, "整数", "numeric", false),
            field("institutions", "党政事企业单位（个）", input.institutions, "整数", "numeric", false),
            field("businesses", "个体私营企业、门店（家）", input.businesses, "整数", "numeric", false),
            field("address", "办公地址", input.address, "居民来办事的地方", "text", false),
            field("phone", "联系电话", input.phone, "例如 0951-1234567", "tel", false),
            field("office_hours", "办公时间", input.officeHours, "例如 周一至周五 8:30–12:00，14:30–18:00", "text", false),
            field("introduction", "简介", input.introduction, "几句话介绍本社区，最多 2000 字", "text", true),
        ]
    }
}

extension UnitProfileInput {
    /// The input as the form submitted it.
    init(form: FormFields) {
        self.init(
            area: form["area"], population: form["population"], households: form["households"],
            institutions: form["institutions"], businesses: form["businesses"], address: form["address"],
            phone: form["phone"], officeHours: form["office_hours"], introduction: form["introduction"]
        )
    }
}
