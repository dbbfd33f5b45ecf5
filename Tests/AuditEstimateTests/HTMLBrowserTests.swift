import Foundation
import Testing
@testable import AuditEstimate

/// The HTML report in a real browser: Chromium renders it headless, the DOM it builds has the
/// charts, and every figure it shows is the figure of the JSON report.
///
/// Skipped, with a message saying so, where Chromium is not installed (`apt-get install chromium`).
@Suite("HTML report in Chromium", .enabled(if: Chromium.path != nil, "Chromium is not installed (apt-get install chromium): the browser test is skipped"))
struct HTMLBrowserTests {
    @Test("the page renders, has its charts, and shows the JSON's figures")
    func rendersWithTheJSONFigures() throws {
        let report = SampleReports.twoPolicies()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("auditsim-estimate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("report.html")
        try Data(EstimateHTML.render(report).utf8).write(to: page)

        let dom = try Chromium.run(["--dump-dom", page.absoluteString])
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(report))

        // Charts: bytes by rule and by resource for each policy, and a timeline.
        for policy in 1...2 {
            let rules = try #require(HTMLDocument.bars(in: dom, chart: "policy-\(policy).rules"))
            let expected = try #require(JSONPath.value(json, ["policies", policy - 1, "breakdowns", 0, "byBytes"]) as? [[String: Any]])
            #expect(rules.map(\.key) == expected.compactMap { $0["key"] as? String })
            #expect(rules.map(\.value) == expected.compactMap { ($0["bytes"] as? NSNumber)?.doubleValue })
            let resources = try #require(HTMLDocument.bars(in: dom, chart: "policy-\(policy).resources"))
            #expect(resources.first?.key == "configmaps")
            #expect(dom.contains("data-chart=\"policy-\(policy).timeline\""))
            #expect(HTMLDocument.count(of: "class=\"time-bar\"", in: HTMLDocument.element(in: dom, chart: "policy-\(policy).timeline") ?? "") == 60)
        }

        // Issue 16: the month's place in the tiers, as the JSON has it.
        for policy in 1...2 {
            let chart = try #require(HTMLDocument.element(in: dom, chart: "policy-\(policy).tiers"))
            let month = try #require(JSONPath.value(json, ["policies", policy - 1, "projection", "monthlyCost"]) as? [String: Any])
            let start = try #require((month["startGB"] as? NSNumber)?.doubleValue), gb = try #require((month["billedGB"] as? NSNumber)?.doubleValue)
            #expect(HTMLDocument.attribute("data-from", of: "slice", in: chart).flatMap(Double.init).map { abs($0 - start) < 1e-6 } == true)
            #expect(HTMLDocument.attribute("data-to", of: "slice", in: chart).flatMap(Double.init).map { abs($0 - start - gb) < 1e-6 } == true)
            #expect(HTMLDocument.attribute("data-value", of: "account", in: chart) == "0")
            #expect(HTMLDocument.count(of: "class=\"boundary\"", in: chart) == 3)
        }

        // Every figure with a metric name equals the JSON's.
        let metrics = HTMLDocument.metrics(in: dom)
        #expect(metrics.count >= 30)
        for metric in metrics {
            let path = try #require(JSONPath.path(forMetric: metric.name), "unknown metric \(metric.name)")
            let value = JSONPath.value(json, path)
            if let number = value as? NSNumber, let shown = Double(metric.value) {
                #expect(abs(number.doubleValue - shown) <= 1e-6 * max(1, abs(number.doubleValue)), "\(metric.name): page \(shown), JSON \(number)")
            } else {
                #expect(value as? String == metric.value, "\(metric.name)")
            }
        }
    }

    @Test("a screenshot shows a rendered page")
    func screenshot() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("auditsim-estimate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("report.html")
        let image = directory.appendingPathComponent("report.png")
        try Data(EstimateHTML.render(SampleReports.twoPolicies()).utf8).write(to: page)
        _ = try Chromium.run(["--screenshot=\(image.path)", "--window-size=1280,2000", page.absoluteString])
        let png = try Data(contentsOf: image)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(png.count > 20_000, "a blank page compresses to a few kilobytes")
    }
}

/// Chromium, when installed.
enum Chromium {
    /// The first of `chromium`, `chromium-browser`, `google-chrome` found on `PATH`.
    static let path: String? = {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for directory in directories {
                let candidate = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }()

    /// Runs headless Chromium with `arguments` and returns its standard output. Each run has its
    /// own profile directory: two Chromium processes cannot share one.
    static func run(_ arguments: [String]) throws -> String {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("auditsim-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(path))
        // --no-sandbox: the sandbox cannot start as root in a container.
        process.arguments = ["--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-extensions",
                             "--user-data-dir=\(profile.path)"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }
}

/// Reading the serialized DOM Chromium prints.
enum HTMLDocument {
    struct Metric { var name: String; var value: String }
    struct Bar { var key: String; var value: Double }

    /// Every `data-metric="NAME" data-value="VALUE"` pair.
    static func metrics(in dom: String) -> [Metric] {
        matches(#"data-metric="([^"]+)" data-value="([^"]*)""#, in: dom).map { Metric(name: $0[0], value: unescape($0[1])) }
    }

    /// The `<svg data-chart="NAME">` element's text.
    static func element(in dom: String, chart: String) -> String? {
        guard let start = dom.range(of: "data-chart=\"\(chart)\""), let end = dom.range(of: "</svg>", range: start.upperBound..<dom.endIndex) else { return nil }
        return String(dom[start.lowerBound..<end.upperBound])
    }

    /// The bars of a bar chart, in order.
    static func bars(in dom: String, chart: String) -> [Bar]? {
        guard let svg = element(in: dom, chart: chart) else { return nil }
        return matches(#"class="bar" data-key="([^"]*)" data-value="([^"]*)""#, in: svg).compactMap { groups in
            Double(groups[1]).map { Bar(key: unescape(groups[0]), value: $0) }
        }
    }

    /// The value of `attribute` on the first element of class `name` in `text`.
    static func attribute(_ attribute: String, of name: String, in text: String) -> String? {
        guard let element = text.range(of: "class=\"\(name)\"") else { return nil }
        let rest = text[element.upperBound...]
        guard let start = rest.range(of: "\(attribute)=\""), let end = rest[start.upperBound...].firstIndex(of: "\"") else { return nil }
        return String(rest[start.upperBound..<end])
    }

    static func count(of needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    private static func matches(_ pattern: String, in text: String) -> [[String]] {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return expression.matches(in: text, range: range).map { match in
            (1..<match.numberOfRanges).compactMap { Range(match.range(at: $0), in: text).map { String(text[$0]) } }
        }
    }

    private static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// Where each metric of the page is in the JSON report.
enum JSONPath {
    /// `policy-2.billedGB.perDay` → `policies[1].projection.billedGB.perDay`, and so on.
    static func path(forMetric name: String) -> [Any]? {
        let parts = name.split(separator: ".").map(String.init)
        guard let head = parts.first else { return nil }
        if head == "scale" { return ["scale"] + parts.dropFirst() }
        if head == "pricing" { return ["assumptions", "pricing"] + parts.dropFirst() }
        guard let dash = head.lastIndex(of: "-"), let number = Int(head[head.index(after: dash)...]) else { return nil }
        let kind = head[..<dash]
        let rest = Array(parts.dropFirst())
        switch kind {
        case "policy":
            if rest == ["oversizeEvents"] { return ["volume", "policies", number - 1, "oversize", "events"] }
            let savingField: [Any] = ["projection"] + Array(rest.dropFirst())
            if rest.first == "suggestions-combined" { return ["suggestions", "policies", number - 1, "combined"] + savingField }
            if let suggestion = rest.first, suggestion.hasPrefix("suggestion-"), let index = Int(suggestion.dropFirst("suggestion-".count)) {
                return ["suggestions", "policies", number - 1, "offered", index - 1] + savingField
            }
            return ["policies", number - 1, "projection"] + rest
        case "whatif":
            return ["whatIf", number - 2, "projection"] + rest
        default:
            return nil
        }
    }

    static func value(_ json: Any, _ path: [Any]) -> Any? {
        var current: Any? = json
        for step in path {
            if let key = step as? String {
                current = (current as? [String: Any])?[key]
            } else if let index = step as? Int, let array = current as? [Any], array.indices.contains(index) {
                current = array[index]
            } else {
                return nil
            }
        }
        return current
    }
}
