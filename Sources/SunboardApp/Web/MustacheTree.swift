import Mustache

/// A view model turned into dictionaries and arrays before rendering.
///
/// swift-mustache looks up each `{{name}}` by reflecting on the object in
/// hand, once per lookup and per level of the context stack; a page of
/// twenty sections makes hundreds of reflections. Reflecting once per value
/// here and handing Mustache dictionaries (which it reads by key) renders
/// the same text several times faster.
///
/// `nil` and the empty string become ``MustacheNull``: false in a section,
/// nothing when printed. Mustache would otherwise treat an empty string as
/// true, and look a `nil` up again in the enclosing objects, where a value
/// of the same name could show up in the wrong place.
enum MustacheTree {
    static func make(_ value: Any) -> Any {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct, .class:
            var dictionary: [String: Any] = [:]
            dictionary.reserveCapacity(Int(mirror.children.count))
            for child in mirror.children {
                guard let label = child.label else { continue }
                dictionary[label] = unwrap(child.value).map(make) ?? MustacheNull()
            }
            return dictionary
        case .collection, .set:
            return mirror.children.map { make($0.value) }
        case .optional:
            return unwrap(value).map(make) ?? MustacheNull()
        default:
            if let text = value as? String, text.isEmpty { return MustacheNull() }
            return value
        }
    }

    /// The wrapped value of an optional, `nil` for `.none`, other values as they are.
    private static func unwrap(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first.map { unwrap($0.value) } ?? nil
    }
}

/// Nothing: false as a section, empty when printed.
struct MustacheNull: MustacheCustomRenderable {
    var renderText: String { "" }
    var isNull: Bool { true }
}
