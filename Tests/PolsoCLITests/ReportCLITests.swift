import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

@Suite("polso report: Markdown, self-contained HTML with charts, CSV")
struct ReportCLITests {
    /// Imports every bundled sample, pushes a copy of a bundled plan and writes its report.
    func report(plan: String, editing edit: ((String) -> String)? = nil, locale: String = "it") throws -> (cli: CLIRunner, out: URL, stdout: String) {
        let cli = try CLIRunner()
        let folder = cli.folder.appendingPathComponent("plan")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var text = try String(contentsOf: CLIRunner.repository.appendingPathComponent("reports/\(plan)/plan.yaml"), encoding: .utf8)
        if let edit { text = edit(text) }
        try Data(text.utf8).write(to: folder.appendingPathComponent("plan.yaml"))
        for year in 2014...2016 {
            _ = try cli.run(["import"] + PushCLITests.anac(year))
        }
        for arguments in PushCLITests.satisfaction { _ = try cli.run(["import"] + arguments) }
        let push = try cli.run(["push", folder.path])
        #expect(push.status == 0, "\(push.stderr)")
        let out = cli.folder.appendingPathComponent("out")
        let result = try cli.run(["report", folder.path, "--out", out.path, "--locale", locale])
        #expect(result.status == 0, "\(result.stderr)")
        return (cli, out, result.stdout)
    }

    /// Parses the page as XML (well-formedness) and counts its elements by name.
    func elements(_ html: String) throws -> [String: Int] {
        final class Counter: NSObject, XMLParserDelegate {
            var counts: [String: Int] = [:]
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                        attributes: [String: String] = [:]) {
                counts[name, default: 0] += 1
            }
        }
        let body = html.replacingOccurrences(of: "<!DOCTYPE html>", with: "")
        let parser = XMLParser(data: Data(body.utf8))
        let counter = Counter()
        parser.delegate = counter
        #expect(parser.parse(), "not well-formed: \(parser.parserError.map { "\($0)" } ?? "") at line \(parser.lineNumber)")
        return counter.counts
    }

    @Test("Pistoia: the tree, the survey-fed D1.3 with provenance, wellbeing tables and one SVG per chart")
    func pistoia() throws {
        let (_, out, stdout) = try report(plan: "pistoia-2016")
        #expect(stdout.contains(out.appendingPathComponent("report.html").path))
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        let counts = try elements(html)
        // Three synthesis blocks, each with a line chart and a diverging bar chart.
        #expect(counts["svg"] == 6)
        #expect(counts["polyline"] ?? 0 >= 3 * 3)
        // Self-contained: no scripts, no linked or embedded-by-reference assets.
        #expect(!html.contains("<script") && !html.contains("src=\"") && !html.contains("<link") && !html.contains("url("))
        // Values by value: A1 90 %, A3 93 %, D1 100 %, B1 95 %; MEDIA 4,38 / 4,41 / 4,42; ratio 1,00.
        // The distribution chart's legend names the scale's points on either side of positive_from (4 on 1–6).
        #expect(html.contains("in disaccordo (1–3)") && html.contains("accordo (4–6)"))
        for figure in ["90 %", "93 %", "95 %", "4,38", "4,41", "4,42", "3,97", "1,00", "Valori calcolati dalle indagini",
                       "limesurvey-2016.csv (sha-256 c04a40bec59f…)"] {
            #expect(html.contains(figure), "\(figure)")
        }
        #expect(html.contains("B1/B1.2: grado stampato 94 %, calcolato 92,86 %"))
        let markdown = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(markdown.contains("| **MEDIA** | **4,38** | **4,41** | **+0,03** | **4,42** | **+0,01** |"))
        #expect(markdown.contains("| \u{00A0}\u{00A0}\u{00A0}\u{00A0}D1.3 | Indice sintetico di benessere organizzativo 2016 / 2015 | 30 | ≥ 1 | 1,00 | 100 % | raggiunto |  |"))
        let csv = try String(contentsOf: out.appendingPathComponent("wellbeing-anac-2013.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("level,block,code,title,year,n,mean"))
    }

    @Test("Ravenna: % positive per service with bars, in English on request")
    func ravenna() throws {
        let (_, out, _) = try report(plan: "ravenna-2019", locale: "en")
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        let counts = try elements(html)
        #expect(counts["svg"] == 1)
        #expect(counts["rect"] ?? 0 >= 17)
        for figure in ["92.15%", "94.23%", "99.42%", "99.40%", "98.18%", "Customer satisfaction", "Values computed from surveys"] {
            #expect(html.contains(figure), "\(figure)")
        }
        #expect(html.contains("lang=\"en\""))
    }

    @Test("CSV cells a spreadsheet would run are neutralised; numbers stay numbers")
    func csvInjection() throws {
        let (_, out, _) = try report(plan: "pistoia-2016", editing: {
            $0.replacingOccurrences(of: "name: Contenzioso con il personale", with: "name: \"=HYPERLINK(\\\"http://x\\\")\"")
              .replacingOccurrences(of: "name: Indice di assenza", with: "name: \"-2+3\"")
        })
        let csv = try String(contentsOf: out.appendingPathComponent("plan.csv"), encoding: .utf8)
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\""))
        #expect(csv.contains(",'-2+3,"))
        #expect(!csv.contains(",=HYPERLINK") && !csv.contains(",-2+3,"))
        // Unrounded numbers are written as numbers, negative ones included.
        let line = try #require(csv.split(separator: "\r\n").first { $0.hasPrefix("D1/D1.3,") })
        #expect(line.contains(",1.00329"))
    }
}
