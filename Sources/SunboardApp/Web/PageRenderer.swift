import Foundation
import Mustache

/// Renders view models into HTML with the Mustache templates in
/// `Resources/Templates/<Feature>/`. Templates are logic-free: every decision is made
/// in Swift when the view model is built, and `{{…}}` escapes all output.
public struct PageRenderer: Sendable {
    let library: MustacheLibrary
    public let assets: StaticAssets

    init(library: MustacheLibrary, assets: StaticAssets) {
        self.library = library
        self.assets = assets
    }

    /// Loads every template and static file bundled with the app.
    static func load() throws -> PageRenderer {
        guard let resources = Bundle.module.url(forResource: "Resources", withExtension: nil) else {
            throw RenderError.resourcesMissing
        }
        let templates = resources.appendingPathComponent("Templates")
        var library = MustacheLibrary()
        guard let enumerator = FileManager.default.enumerator(atPath: templates.path) else {
            throw RenderError.resourcesMissing
        }
        // `Templates/Finance/public/finance.mustache` is `public/finance`: each
        // feature keeps its templates in its own folder, named as before.
        var seen: Set<String> = []
        for case let path as String in enumerator where path.hasSuffix(".mustache") {
            let name = path.split(separator: "/").dropFirst().joined(separator: "/").dropLast(".mustache".count)
            guard !name.isEmpty, seen.insert(String(name)).inserted else { throw RenderError.templateName(path) }
            let text = try String(contentsOf: templates.appendingPathComponent(path), encoding: .utf8)
            try library.register(text, named: String(name))
        }
        let assets = try StaticAssets(directory: resources.appendingPathComponent("Public"))
        return PageRenderer(library: library, assets: assets)
    }

    public func render(_ template: String, _ model: Any) throws -> String {
        guard let html = library.render(MustacheTree.make(model), withTemplate: template) else {
            throw RenderError.missingTemplate(template)
        }
        return html
    }

    enum RenderError: Error {
        case resourcesMissing
        case missingTemplate(String)
        /// A template outside a feature's folder, or two with the same name.
        case templateName(String)
    }
}
