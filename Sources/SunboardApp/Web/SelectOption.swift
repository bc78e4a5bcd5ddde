/// One choice of a form's select, radio or checkbox group, as the templates
/// read it (`{{value}}`, `{{label}}`, `{{hint}}`, `{{#selected}}`).
struct SelectOption: Sendable {
    var value: String
    var label: String
    /// A line under the choice, where it needs one.
    var hint = ""
    var selected = false
}
