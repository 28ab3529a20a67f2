/// Inline SVG charts for the HTML report: no scripts, no external assets.
enum SVGCharts {
    /// A label cut to `limit` characters with an ellipsis, so that it stays inside the chart.
    static func short(_ label: String, _ limit: Int = 34) -> String {
        label.count <= limit ? label : String(label.prefix(limit - 1)) + "…"
    }

    /// A value axis that spans the data with half a point of margin, within the scale.
    static func axisRange(_ values: [Double], within scale: ClosedRange<Double>) -> ClosedRange<Double> {
        guard let low = values.min(), let high = values.max() else { return scale }
        let lower = max(scale.lowerBound, (low * 2).rounded(.down) / 2 - 0.5)
        let upper = min(scale.upperBound, (high * 2).rounded(.up) / 2 + 0.5)
        return lower < upper ? lower...upper : scale
    }

    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]

    /// One line per series over the years, on a fixed value axis (the scale's range).
    static func lineChart(title: String, years: [Int], series: [(label: String, values: [Double?])],
                          range: ClosedRange<Double>, format: NumberFormat) -> String {
        let width = 640.0, height = 280.0, left = 44.0, right = 210.0, top = 28.0, bottom = 30.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func x(_ index: Int) -> Double {
            years.count <= 1 ? left + plotWidth / 2 : left + plotWidth * Double(index) / Double(years.count - 1)
        }
        func y(_ value: Double) -> Double {
            top + plotHeight * (1 - (value - range.lowerBound) / (range.upperBound - range.lowerBound))
        }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(title))\">"
        svg += "<title>\(HTMLText.escape(title))</title>"
        svg += "<text x=\"\(Int(left))\" y=\"16\" class=\"chart-title\">\(HTMLText.escape(title))</text>"
        var tick = range.lowerBound
        while tick <= range.upperBound + 1e-9 {
            let ty = HTMLText.number(y(tick))
            svg += "<line x1=\"\(Int(left))\" y1=\"\(ty)\" x2=\"\(HTMLText.number(left + plotWidth))\" y2=\"\(ty)\" class=\"grid\"/>"
            svg += "<text x=\"\(Int(left - 6))\" y=\"\(ty)\" class=\"axis\" text-anchor=\"end\" dominant-baseline=\"middle\">\(format.decimal(tick, places: 1))</text>"
            tick += 0.5
        }
        for (index, year) in years.enumerated() {
            svg += "<text x=\"\(HTMLText.number(x(index)))\" y=\"\(HTMLText.number(height - 10))\" class=\"axis\" text-anchor=\"middle\">\(year)</text>"
        }
        for (number, line) in series.enumerated() {
            let colour = palette[number % palette.count]
            let points = line.values.enumerated().compactMap { index, value in
                value.map { "\(HTMLText.number(x(index))),\(HTMLText.number(y(min(max($0, range.lowerBound), range.upperBound))))" }
            }
            if points.count > 1 {
                svg += "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"/>"
            }
            for point in points {
                let xy = point.split(separator: ",")
                svg += "<circle cx=\"\(xy[0])\" cy=\"\(xy[1])\" r=\"3\" fill=\"\(colour)\"/>"
            }
            let legendY = top + Double(number) * 18
            svg += "<rect x=\"\(HTMLText.number(width - right + 12))\" y=\"\(HTMLText.number(legendY - 5))\" width=\"10\" height=\"10\" fill=\"\(colour)\"/>"
            svg += "<text x=\"\(HTMLText.number(width - right + 28))\" y=\"\(HTMLText.number(legendY))\" class=\"legend\" dominant-baseline=\"middle\">\(HTMLText.escape(short(line.label)))</text>"
        }
        return svg + "</svg>"
    }

    /// Diverging stacked bars: for each row the shares of the negative points to the left of the
    /// centre line and of the positive points to the right, darker towards the extremes.
    static func divergingBars(title: String, rows: [(label: String, counts: [Int])], positiveFrom: Int,
                              negativeLabel: String, positiveLabel: String) -> String {
        let labelWidth = 250.0, barWidth = 380.0, rowHeight = 22.0, top = 40.0
        let width = labelWidth + barWidth + 20, height = top + rowHeight * Double(rows.count) + 10
        let centre = labelWidth + barWidth / 2
        let negativeShades = ["#b2182b", "#d6604d", "#f4a582", "#fddbc7"]
        let positiveShades = ["#d1e5f0", "#92c5de", "#4393c3", "#2166ac"]
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(title))\">"
        svg += "<title>\(HTMLText.escape(title))</title>"
        svg += "<text x=\"0\" y=\"14\" class=\"chart-title\">\(HTMLText.escape(title))</text>"
        svg += "<text x=\"\(HTMLText.number(centre - 6))\" y=\"32\" class=\"axis\" text-anchor=\"end\">← \(HTMLText.escape(negativeLabel))</text>"
        svg += "<text x=\"\(HTMLText.number(centre + 6))\" y=\"32\" class=\"axis\">\(HTMLText.escape(positiveLabel)) →</text>"
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * rowHeight
            let total = row.counts.reduce(0, +)
            svg += "<text x=\"\(HTMLText.number(labelWidth - 8))\" y=\"\(HTMLText.number(y + rowHeight / 2))\" class=\"legend\" text-anchor=\"end\" dominant-baseline=\"middle\">\(HTMLText.escape(short(row.label, 42)))</text>"
            guard total > 0 else { continue }
            let negative = Array(row.counts.prefix(positiveFrom))
            let positive = Array(row.counts.dropFirst(positiveFrom))
            var x = centre
            for (offset, count) in negative.enumerated().reversed() {
                let w = barWidth / 2 * Double(count) / Double(total)
                x -= w
                let shade = negativeShades[max(0, negativeShades.count - negative.count + offset)]
                svg += "<rect x=\"\(HTMLText.number(x))\" y=\"\(HTMLText.number(y + 3))\" width=\"\(HTMLText.number(w))\" height=\"\(HTMLText.number(rowHeight - 6))\" fill=\"\(shade)\"/>"
            }
            x = centre
            for (offset, count) in positive.enumerated() {
                let w = barWidth / 2 * Double(count) / Double(total)
                let shade = positiveShades[min(positiveShades.count - 1, positiveShades.count - positive.count + offset)]
                svg += "<rect x=\"\(HTMLText.number(x))\" y=\"\(HTMLText.number(y + 3))\" width=\"\(HTMLText.number(w))\" height=\"\(HTMLText.number(rowHeight - 6))\" fill=\"\(shade)\"/>"
                x += w
            }
        }
        svg += "<line x1=\"\(HTMLText.number(centre))\" y1=\"\(Int(top - 2))\" x2=\"\(HTMLText.number(centre))\" y2=\"\(HTMLText.number(height - 6))\" class=\"centre\"/>"
        return svg + "</svg>"
    }

    /// Horizontal bars of percentages (0–100) with their values printed.
    static func percentBars(title: String, rows: [(label: String, percent: Double?)], format: NumberFormat) -> String {
        let labelWidth = 270.0, barWidth = 300.0, rowHeight = 20.0, top = 26.0
        let width = labelWidth + barWidth + 80, height = top + rowHeight * Double(rows.count) + 8
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(title))\">"
        svg += "<title>\(HTMLText.escape(title))</title>"
        svg += "<text x=\"0\" y=\"14\" class=\"chart-title\">\(HTMLText.escape(title))</text>"
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * rowHeight
            svg += "<text x=\"\(HTMLText.number(labelWidth - 8))\" y=\"\(HTMLText.number(y + rowHeight / 2))\" class=\"legend\" text-anchor=\"end\" dominant-baseline=\"middle\">\(HTMLText.escape(short(row.label, 42)))</text>"
            guard let percent = row.percent else { continue }
            let w = barWidth * min(max(percent, 0), 100) / 100
            svg += "<rect x=\"\(Int(labelWidth))\" y=\"\(HTMLText.number(y + 3))\" width=\"\(HTMLText.number(w))\" height=\"\(HTMLText.number(rowHeight - 6))\" fill=\"#2166ac\"/>"
            svg += "<text x=\"\(HTMLText.number(labelWidth + w + 6))\" y=\"\(HTMLText.number(y + rowHeight / 2))\" class=\"legend\" dominant-baseline=\"middle\">\(format.percent(percent))</text>"
        }
        return svg + "</svg>"
    }
}
