/// A view model turned into dictionaries and arrays before rendering.
///
/// swift-mustache looks up each `{{name}}` by reflecting on the object in
/// hand, once per lookup and per level of the context stack; a page of
/// twenty sections makes hundreds of reflections. Reflecting once per value
/// here and handing Mustache dictionaries (which it reads by key) renders
/// the same text several times faster. A `nil` becomes a missing key, which
/// Mustache treats exactly as it treats `nil`.
enum MustacheTree {
    static func make(_ value: Any) -> Any {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct, .class:
            var dictionary: [String: Any] = [:]
            dictionary.reserveCapacity(Int(mirror.children.count))
            for child in mirror.children {
                guard let label = child.label, let present = unwrap(child.value) else { continue }
                dictionary[label] = make(present)
            }
            return dictionary
        case .collection, .set:
            return mirror.children.map { make($0.value) }
        case .optional:
            return unwrap(value).map(make) as Any
        default:
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
