import Foundation
import SunboardApp
import SunboardCore

/// The scans attached to demo disclosures: receipts and a budget sheet,
/// made once (rendered in Chromium) and kept in `Content`.
enum DemoFiles {
    static func uploads(for demo: DemoDisclosure) -> [DisclosureWorkflow.Upload] {
        // (file in Content, name shown to readers)
        let files: [(String, String)] =
            switch demo.item {
            case "donations": [("donation-receipt.png", "捐款接收凭证.png")]
            case "works" where demo.title.contains("文化广场"): [("plaza-budget.pdf", "文化广场建设工程预算表.pdf")]
            default: []
            }
        return files.compactMap { upload($0, name: $1) }
    }

    /// One file of `Content`, with the name readers see.
    static func upload(_ file: String, name: String) -> DisclosureWorkflow.Upload? {
        guard let url = Bundle.module.url(forResource: "Content/\(file)", withExtension: nil),
            let data = try? Data(contentsOf: url)
        else { return nil }
        return DisclosureWorkflow.Upload(name: name, bytes: Array(data))
    }
}
