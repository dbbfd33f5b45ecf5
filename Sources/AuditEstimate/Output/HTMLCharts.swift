/// Inline SVG charts for the HTML report: no script, no external resource.
///
/// Every bar carries its exact figure in `data-key` and `data-value`, and a `<title>` the
/// browser shows on hover, so the page can be read and checked by a program too.
enum HTMLCharts {
    /// One bar of a chart.
    struct Bar {
        var label: String
        var value: Double
        /// What the hover text and the value column show.
        var valueText: String
        var detail: String
    }

    /// Horizontal bars, largest first as given, labels on the left and values on the right.
    static func horizontalBars(_ bars: [Bar], chart: String, color: String) -> String {
        let width = 860, labelWidth = 300, valueWidth = 130, rowHeight = 24, top = 4
        let barArea = width - labelWidth - valueWidth - 16
        let height = top * 2 + rowHeight * max(bars.count, 1)
        let maximum = bars.map(\.value).max() ?? 0
        var svg = "<svg class=\"chart bar-chart\" data-chart=\"\(HTMLText.escape(chart))\" role=\"img\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" xmlns=\"http://www.w3.org/2000/svg\">"
        if bars.isEmpty {
            svg += "<text x=\"0\" y=\"18\" class=\"empty\">nothing written</text>"
        }
        for (index, bar) in bars.enumerated() {
            let y = top + index * rowHeight
            let length = maximum > 0 ? max(1, Int((bar.value / maximum * Double(barArea)).rounded())) : 0
            let label = bar.label.count > 44 ? String(bar.label.prefix(43)) + "…" : bar.label
            svg += "<g class=\"bar-row\">"
            svg += "<title>\(HTMLText.escape(bar.label)): \(HTMLText.escape(bar.detail))</title>"
            svg += "<text class=\"bar-label\" x=\"\(labelWidth - 8)\" y=\(quote(y + 16)) text-anchor=\"end\">\(HTMLText.escape(label))</text>"
            svg += "<rect class=\"bar\" data-key=\"\(HTMLText.escape(bar.label))\" data-value=\"\(DecimalText.format(bar.value, fractionDigits: 0))\" "
                + "x=\"\(labelWidth)\" y=\(quote(y + 4)) width=\(quote(length)) height=\"16\" rx=\"2\" fill=\"\(color)\"/>"
            svg += "<text class=\"bar-value\" x=\(quote(labelWidth + length + 6)) y=\(quote(y + 16))>\(HTMLText.escape(bar.valueText))</text>"
            svg += "</g>"
        }
        return svg + "</svg>"
    }

    /// Bytes over time as vertical bars, one per bucket (adjacent buckets joined so that at most
    /// `maximumColumns` are drawn), with the time range and the largest bucket labelled.
    static func timeline(_ timeline: Timeline, chart: String, color: String, maximumColumns: Int = 240) -> String {
        let width = 860, height = 220, left = 70, bottom = 30, top = 10, right = 10
        let buckets = timeline.sortedBuckets
        var svg = "<svg class=\"chart timeline-chart\" data-chart=\"\(HTMLText.escape(chart))\" data-bucket-seconds=\"\(timeline.bucketSeconds)\" role=\"img\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" xmlns=\"http://www.w3.org/2000/svg\">"
        guard let first = buckets.first?.start, let last = buckets.last?.start else {
            return svg + "<text x=\"0\" y=\"18\" class=\"empty\">no timestamps</text></svg>"
        }
        let bucketSeconds = Int64(timeline.bucketSeconds)
        let slots = Int((last - first) / bucketSeconds) + 1
        let join = max(1, (slots + maximumColumns - 1) / maximumColumns)
        var columns = Array(repeating: 0.0, count: (slots + join - 1) / join)
        for bucket in buckets {
            columns[Int((bucket.start - first) / bucketSeconds) / join] += Double(bucket.tally.bytes)
        }
        let maximum = columns.max() ?? 0
        let plotWidth = Double(width - left - right), plotHeight = Double(height - top - bottom)
        let columnWidth = plotWidth / Double(columns.count)
        svg += "<line class=\"axis\" x1=\"\(left)\" y1=\(quote(height - bottom)) x2=\(quote(width - right)) y2=\(quote(height - bottom)) stroke=\"#888\"/>"
        svg += "<text class=\"axis-label\" x=\"\(left - 6)\" y=\"\(top + 10)\" text-anchor=\"end\">\(HTMLText.escape(FigureText.bytes(maximum)))</text>"
        svg += "<text class=\"axis-label\" x=\"\(left - 6)\" y=\(quote(height - bottom)) text-anchor=\"end\">0</text>"
        for (index, value) in columns.enumerated() where value > 0 {
            let barHeight = maximum > 0 ? max(1, value / maximum * plotHeight) : 0
            let x = Double(left) + Double(index) * columnWidth
            let start = first + Int64(index * join) * bucketSeconds
            let span = HTMLText.escape(EstimateScale.describe(seconds: Double(Int64(join) * bucketSeconds)))
            svg += "<rect class=\"time-bar\" data-start=\"\(start)\" data-value=\"\(DecimalText.format(value, fractionDigits: 0))\" "
                + "x=\"\(DecimalText.format(x, fractionDigits: 2))\" y=\"\(DecimalText.format(Double(height - bottom) - barHeight, fractionDigits: 2))\" "
                + "width=\"\(DecimalText.format(max(columnWidth - 0.5, 0.5), fractionDigits: 2))\" height=\"\(DecimalText.format(barHeight, fractionDigits: 2))\" fill=\"\(color)\">"
                + "<title>\(HTMLText.escape(UTCTime.format(microseconds: start * 1_000_000))) (\(span)): \(HTMLText.escape(FigureText.bytes(value)))</title></rect>"
        }
        svg += "<text class=\"axis-label\" x=\"\(left)\" y=\(quote(height - 8))>\(HTMLText.escape(UTCTime.format(microseconds: first * 1_000_000)))</text>"
        svg += "<text class=\"axis-label\" x=\(quote(width - right)) y=\(quote(height - 8)) text-anchor=\"end\">\(HTMLText.escape(UTCTime.format(microseconds: (last + bucketSeconds) * 1_000_000)))</text>"
        return svg + "</svg>"
    }

    /// A month of vended volume on one axis: the payer account's other volume, the estimate's
    /// slice on top of it, and the tier boundaries as labelled lines.
    ///
    /// The account bar carries `data-value` (GB), the slice `data-from` and `data-to` (GB), each
    /// boundary line `data-value` (GB). A slice too thin to see is drawn 2 pixels wide.
    static func tierPosition(tiers: TieredRate, accountGB: Double, sliceFromGB: Double, sliceToGB: Double, chart: String, color: String) -> String {
        let width = 860, height = 110, left = 10, right = 10, barTop = 40, barHeight = 28
        let boundaries = tiers.tiers.compactMap(\.upToGB).map(Double.init)
        let axisEnd = max(sliceToGB, boundaries.last ?? 0, accountGB) * 1.25
        let plot = Double(width - left - right)
        func x(_ gb: Double) -> Double { Double(left) + (axisEnd > 0 ? gb / axisEnd * plot : 0) }
        func number(_ value: Double) -> String { DecimalText.format(value, fractionDigits: 2) }
        var svg = "<svg class=\"chart tier-chart\" data-chart=\"\(HTMLText.escape(chart))\" role=\"img\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<line class=\"axis\" x1=\"\(left)\" y1=\"\(barTop + barHeight)\" x2=\"\(width - right)\" y2=\"\(barTop + barHeight)\" stroke=\"#888\"/>"
        svg += "<rect class=\"account\" data-value=\"\(DecimalText.format(accountGB, fractionDigits: 6, trimZeros: true))\" x=\"\(left)\" y=\"\(barTop)\" "
            + "width=\"\(number(x(accountGB) - Double(left)))\" height=\"\(barHeight)\" fill=\"#bbb\"><title>the account's other vended logs: \(HTMLText.escape(PricingText.gigabytes(accountGB))) GB a month</title></rect>"
        let sliceWidth = max(2, x(sliceToGB) - x(sliceFromGB))
        svg += "<rect class=\"slice\" data-from=\"\(DecimalText.format(sliceFromGB, fractionDigits: 6, trimZeros: true))\" data-to=\"\(DecimalText.format(sliceToGB, fractionDigits: 6, trimZeros: true))\" "
            + "x=\"\(number(x(sliceFromGB)))\" y=\"\(barTop)\" width=\"\(number(sliceWidth))\" height=\"\(barHeight)\" fill=\"\(color)\">"
            + "<title>this estimate: \(HTMLText.escape(PricingText.gigabytes(sliceFromGB))) to \(HTMLText.escape(PricingText.gigabytes(sliceToGB))) GB</title></rect>"
        var start = 0.0
        for (index, tier) in tiers.tiers.enumerated() {
            let end = tier.upToGB.map(Double.init)
            let middle = x((start + min(end ?? axisEnd, axisEnd)) / 2)
            svg += "<text class=\"axis-label\" x=\"\(number(middle))\" y=\"20\" text-anchor=\"middle\">tier \(index + 1): \(HTMLText.escape(PricingText.price(tier.pricePerGB)))/GB</text>"
            if let end {
                svg += "<line class=\"boundary\" data-value=\"\(Int(end))\" x1=\"\(number(x(end)))\" y1=\"28\" x2=\"\(number(x(end)))\" y2=\"\(barTop + barHeight + 6)\" stroke=\"#444\" stroke-dasharray=\"3,2\"/>"
                svg += "<text class=\"axis-label\" x=\"\(number(x(end)))\" y=\"\(barTop + barHeight + 20)\" text-anchor=\"middle\">\(HTMLText.escape(FigureText.count(end))) GB</text>"
                start = end
            }
        }
        return svg + "</svg>"
    }

    private static func quote(_ value: Int) -> String { "\"\(value)\"" }
}
