import SunboardCore

/// A bar chart drawn on the server as SVG, with the same figures as a
/// table for screen readers, for print and for anyone who prefers numbers.
/// Every label passes through `HTMLText.escape`, so the SVG is safe to
/// place in a page as it is.
struct FinanceChart: Sendable {
    struct Row: Sendable {
        var label: String
        var values: [String]
    }

    var title: String
    /// The SVG markup, escaped.
    var svg: String
    var columns: [String]
    var rows: [Row]

    /// One series per colour; the legend names them.
    struct Series {
        var name: String
        var cssClass: String
    }

    /// Horizontal bars, one per label: readable on a phone, where long
    /// Chinese category names would not fit under vertical bars. The
    /// drawing is narrow (480 units), so its text stays large when a phone
    /// scales it down.
    static func horizontal(title: String, bars: [(label: String, value: Fen)], series: Series) -> FinanceChart {
        paired(title: title, groups: bars.map { ($0.label, [$0.value]) }, series: [series], header: "类别")
    }

    /// One row per group (a month, a category) with a bar for each series
    /// (income, expense), each bar labelled with its amount.
    static func paired(title: String, groups: [(label: String, values: [Fen])], series: [Series], header: String = "期间")
        -> FinanceChart
    {
        let labelWidth = 110, barSpace = 230, width = 480, bar = 26, gap = 4
        let legend = series.count > 1 ? 36 : 0
        let rowHeight = series.count * (bar + gap) + 14
        let height = legend + max(1, groups.count) * rowHeight
        let maximum = max(1, groups.flatMap { $0.values.map(\.value) }.max() ?? 1)
        var svg = open(width: width, height: height, title: title)
        if legend > 0 {
            for (index, item) in series.enumerated() {
                let x = labelWidth + index * 110
                svg += "<rect x=\"\(x)\" y=\"6\" width=\"20\" height=\"20\" class=\"\(item.cssClass)\"/>"
                svg += "<text x=\"\(x + 28)\" y=\"23\" class=\"chart-label\">\(HTMLText.escape(item.name))</text>"
            }
        }
        for (row, group) in groups.enumerated() {
            let top = legend + row * rowHeight
            let middle = top + (series.count * (bar + gap)) / 2 + 7
            svg +=
                "<text x=\"\(labelWidth - 10)\" y=\"\(middle)\" text-anchor=\"end\" class=\"chart-label\">\(HTMLText.escape(group.label))</text>"
            for (index, value) in group.values.enumerated() where index < series.count {
                let y = top + index * (bar + gap)
                let length = value.value == 0 ? 0 : max(2, value.value * barSpace / maximum)
                svg += "<rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(length)\" height=\"\(bar)\" class=\"\(series[index].cssClass)\"/>"
                svg +=
                    "<text x=\"\(labelWidth + length + 6)\" y=\"\(y + bar - 6)\" class=\"chart-value\">\(HTMLText.escape(value.yuan))</text>"
            }
        }
        svg += "<line x1=\"\(labelWidth)\" y1=\"\(legend)\" x2=\"\(labelWidth)\" y2=\"\(height)\" class=\"chart-axis\"/></svg>"
        return FinanceChart(
            title: title, svg: svg, columns: [header] + series.map(\.name),
            rows: groups.map { Row(label: $0.label, values: $0.values.map(\.yuan)) })
    }

    private static func open(width: Int, height: Int, title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" class=\"chart\" role=\"img\" aria-label=\"\(HTMLText.escape(title))，数据见下表\">"
    }
}
