import Foundation
import SunboardCore

/// The scans attached to demo disclosures: receipts and a budget sheet,
/// made once (rendered in Chromium) and kept in `Resources/Demo`.
enum DemoFiles {
    static func uploads(for demo: DemoDisclosure) -> [DisclosureWorkflow.Upload] {
        // (file in Resources/Demo, name shown to readers)
        let files: [(String, String)] =
            switch demo.item {
            case "office-funds": [("receipt-\(monthIndex(demo.period) % 3 + 1).png", "原始单据复印件.png")]
            case "donations": [("donation-receipt.png", "捐款接收凭证.png")]
            case "works" where demo.title.contains("文化广场"): [("plaza-budget.pdf", "文化广场建设工程预算表.pdf")]
            default: []
            }
        return files.compactMap { file, shown in
            guard let url = Bundle.module.url(forResource: "Resources/Demo/\(file)", withExtension: nil),
                let data = try? Data(contentsOf: url)
            else { return nil }
            return DisclosureWorkflow.Upload(name: shown, bytes: Array(data))
        }
    }

    private static func monthIndex(_ period: String?) -> Int {
        period.flatMap { Int($0.suffix(2)) } ?? 0
    }
}
