import Statistics

extension SVGCharts {
    /// One horizontal box plot per row on a common value axis: whiskers from minimum to maximum,
    /// the box from the lower to the upper quartile, a bar at the median, and a dot at `marker`'s
    /// value when given; a withheld row shows its label and `withheld`.
    static func boxPlot(title: String, rows: [(label: String, distribution: BenchmarkDistribution?, marker: Double?)],
                        scale: ClosedRange<Double>, withheld: String, marker: String?, format: NumberFormat) -> String {
        let rowHeight = 22.0, left = 250.0, right = 24.0, top = 30.0, bottom = 30.0, width = 760.0
        let height = top + bottom + rowHeight * Double(rows.count)
        let values = rows.compactMap(\.distribution).flatMap { [$0.minimum, $0.maximum] } + rows.compactMap(\.marker)
        let range = axisRange(values, within: scale)
        let plotWidth = width - left - right
        func position(_ value: Double) -> Double {
            left + plotWidth * (min(max(value, range.lowerBound), range.upperBound) - range.lowerBound) / (range.upperBound - range.lowerBound)
        }
        func x(_ value: Double) -> String { HTMLText.number(position(value)) }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(title))\">"
        svg += "<title>\(HTMLText.escape(title))</title>"
        svg += "<text x=\"10\" y=\"16\" class=\"chart-title\">\(HTMLText.escape(title))</text>"
        var tick = (range.lowerBound * 2).rounded(.up) / 2
        while tick <= range.upperBound + 1e-9 {
            svg += "<line x1=\"\(x(tick))\" y1=\"\(Int(top - 6))\" x2=\"\(x(tick))\" y2=\"\(HTMLText.number(height - bottom))\" class=\"grid\"/>"
            svg += "<text x=\"\(x(tick))\" y=\"\(HTMLText.number(height - 12))\" class=\"axis\" text-anchor=\"middle\">\(format.decimal(tick, places: 1))</text>"
            tick += 0.5
        }
        for (index, row) in rows.enumerated() {
            let middle = top + rowHeight * (Double(index) + 0.5)
            let y = HTMLText.number(middle)
            svg += "<text x=\"\(Int(left - 8))\" y=\"\(y)\" class=\"axis\" text-anchor=\"end\" dominant-baseline=\"middle\">\(HTMLText.escape(short(row.label, 40)))</text>"
            guard let box = row.distribution else {
                svg += "<text x=\"\(Int(left + 4))\" y=\"\(y)\" class=\"axis\" dominant-baseline=\"middle\">\(HTMLText.escape(withheld))</text>"
                continue
            }
            let boxTop = HTMLText.number(middle - rowHeight * 0.3), boxHeight = HTMLText.number(rowHeight * 0.6)
            let tipTop = HTMLText.number(middle - rowHeight * 0.2), tipBottom = HTMLText.number(middle + rowHeight * 0.2)
            svg += "<line x1=\"\(x(box.minimum))\" y1=\"\(y)\" x2=\"\(x(box.maximum))\" y2=\"\(y)\" class=\"centre\"/>"
            for end in [box.minimum, box.maximum] {
                svg += "<line x1=\"\(x(end))\" y1=\"\(tipTop)\" x2=\"\(x(end))\" y2=\"\(tipBottom)\" class=\"centre\"/>"
            }
            let boxWidth = HTMLText.number(max(position(box.upperQuartile) - position(box.lowerQuartile), 1))
            svg += "<rect x=\"\(x(box.lowerQuartile))\" y=\"\(boxTop)\" width=\"\(boxWidth)\" height=\"\(boxHeight)\" fill=\"#c6dbef\" stroke=\"#2166ac\"/>"
            svg += "<line x1=\"\(x(box.median))\" y1=\"\(boxTop)\" x2=\"\(x(box.median))\" y2=\"\(HTMLText.number(middle + rowHeight * 0.3))\" stroke=\"#08306b\" stroke-width=\"2\"/>"
            if let value = row.marker {
                svg += "<circle cx=\"\(x(value))\" cy=\"\(y)\" r=\"4\" fill=\"#d62728\"><title>\(HTMLText.escape(marker ?? ""))</title></circle>"
            }
        }
        return svg + "</svg>"
    }
}
