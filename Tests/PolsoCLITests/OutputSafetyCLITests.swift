import Foundation
import Testing

@Suite("Outputs are inert: CSV formulas guarded, Markdown without HTML")
struct OutputSafetyCLITests {
    /// What could open HTML, an entity or a link in `markdown` without a backslash before it: `<`
    /// before a letter, `/`, `!` or `?`, `&` before a letter or `#`, and `[` or `]`.
    static func unescaped(in markdown: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"(?<!\\)(<[A-Za-z/!?]|&[A-Za-z#]|[\[\]])"#)
        let range = NSRange(markdown.startIndex..., in: markdown)
        return pattern.matches(in: markdown, range: range).map { (markdown as NSString).substring(with: $0.range) }
    }

    @Test("the rejects file guards cells a spreadsheet would run (=, +, -, @), ids and answers alike")
    func rejectsFormulaGuard() throws {
        let cli = try CLIRunner()
        let codebook = try cli.write("waves.yaml", WaveFixtures.codebook)
        let export = try cli.write("export.csv", WaveFixtures.limeSurvey([
            ("1", "", "3", "4"), ("2", "", "=1+1", "5"), ("3", "", "4", "-2"), ("@x", "", "@cmd", "+3"),
        ]))
        let result = try cli.run(["import", export, "--survey", codebook, "--year", "2024", "--skip-invalid-rows"])
        #expect(result.status == 0, "\(result.stderr)")
        let rejects = try String(contentsOf: cli.folder.appendingPathComponent("export.rejects.csv"), encoding: .utf8)
        #expect(rejects == """
            line,reason,id,submitdate,lastpage,startlanguage,A01,A02\r
            3,"A01: ""=1+1"" is not an answer of the scale 1–5; accepted: 1–5, A1–A5, or an empty cell",2,,2,it,'=1+1,5\r
            4,"A02: ""-2"" is outside the scale 1–5 and no declared code; accepted: 1–5, A1–A5, or an empty cell",3,,2,it,4,'-2\r
            5,"A01: ""@cmd"" is not an answer of the scale 1–5; accepted: 1–5, A1–A5, or an empty cell",'@x,,2,it,'@cmd,'+3\r

            """)
    }

    @Test("Markdown tables escape HTML, links and cell bars in codebook labels")
    func markdownEscapesLabels() throws {
        let cli = try CLIRunner()
        let codebook = try cli.write("waves.yaml", WaveFixtures.codebook.replacingOccurrences(
            of: "title: \"Sezione A\"", with: "title: \"<script>alert(1)</script> | [x](javascript:alert(1)) <img src=x onerror=alert(1)>\""))
        let export = try cli.write("export.csv", WaveFixtures.limeSurvey((1...5).map { (String($0), "", "4", "5") }))
        #expect(try cli.run(["import", export, "--survey", codebook, "--year", "2024"]).status == 0)
        let markdown = try cli.run(["wellbeing", "--survey", "test-waves", "--format", "markdown"])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(markdown.stdout.contains(
            "| A \\<script>alert(1)\\</script> \\| \\[x\\](javascript:alert(1)) \\<img src=x onerror=alert(1)> | 4,50 |"))
        #expect(Self.unescaped(in: markdown.stdout).isEmpty)
    }

    @Test("report.md shows <script> and <img onerror=…> plan names as text; report.html escapes them")
    func reportMarkdownEscapesNames() throws {
        let (_, out, _) = try ReportCLITests().report(plan: "pistoia-2016", editing: {
            $0.replacingOccurrences(of: "name: Contenzioso con il personale", with: "name: \"<script>alert(1)</script>\"")
              .replacingOccurrences(of: "name: Indice di assenza", with: "name: \"<img src=x onerror=alert(1)> & [a](javascript:x)\"")
        })
        let markdown = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(markdown.contains("| \\<script>alert(1)\\</script> |"))
        #expect(markdown.contains("| \\<img src=x onerror=alert(1)> & \\[a\\](javascript:x) |"))
        #expect(Self.unescaped(in: markdown).isEmpty)
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !html.contains("<script>alert"))
    }
}
