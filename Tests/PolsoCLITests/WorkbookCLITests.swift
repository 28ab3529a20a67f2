import Foundation
import Testing

/// `.xlsx` workbooks through the real `polso import`: the fixtures of `PolsoWorkbookTests`.
@Suite("polso import of Excel workbooks")
struct WorkbookCLITests {
    static func fixture(_ name: String) -> String {
        CLIRunner.sample("Tests/PolsoWorkbookTests/Fixtures/" + name)
    }

    static func importing(_ name: String, _ extra: [String] = [], in cli: CLIRunner) throws -> CLIRunner.Result {
        try cli.run(["import", fixture(name), "--survey", "customer-satisfaction", "--year", "2024"] + extra)
    }

    @Test("a workbook and its CSV twin store the same answers: every satisfaction figure equal")
    func sameAsTwin() throws {
        var figures: [String] = []
        for name in ["forms.xlsx", "forms.csv", "renamed-workbook.csv"] {
            let cli = try CLIRunner()
            let imported = try Self.importing(name, in: cli)
            #expect(imported.status == 0, "\(name): \(imported.stderr)")
            #expect(imported.stdout.contains("respondents:  18"))
            let table = try cli.run(["satisfaction", "--years", "2024", "--by", "item", "--format", "csv"])
            #expect(table.status == 0, "\(table.stderr)")
            figures.append(table.stdout)
        }
        #expect(figures[0] == figures[1] && figures[2] == figures[1])
        // By hand from make_workbooks.py: response n answers SOD label (5n mod 4), positive from the
        // third label, so n mod 4 ∈ {2, 3}: 9 of 18.
        #expect(figures[0].contains("2024,pooled,,SOD,18,,,18,9,9,"))
    }

    @Test("the summary names the workbook and sheet; a renamed workbook is said to be one")
    func summary() throws {
        let cli = try CLIRunner()
        let workbook = try Self.importing("forms.xlsx", ["--dry-run"], in: cli)
        #expect(workbook.stdout.contains("format:       Microsoft Forms, "))
        #expect(workbook.stdout.contains("; Excel workbook, sheet 'Form1'; 1 header row"))
        let renamed = try Self.importing("renamed-workbook.csv", ["--dry-run"], in: cli)
        #expect(renamed.status == 0, "\(renamed.stderr)")
        #expect(renamed.stdout.contains("notice:       the file is an Excel workbook despite its name; its sheet 'Form1' was read"))
    }

    @Test("--sheet chooses a sheet; an unknown one lists the sheets; problems name the cell")
    func sheets() throws {
        let cli = try CLIRunner()
        #expect(try Self.importing("forms.xlsx", ["--sheet", "Form1", "--dry-run"], in: cli).status == 0)
        let unknown = try Self.importing("forms.xlsx", ["--sheet", "Risposte", "--dry-run"], in: cli)
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("forms.xlsx: no sheet is named 'Risposte'; the workbook's sheets: 'Form1', 'Note'"))
        let note = try Self.importing("forms.xlsx", ["--sheet", "Note", "--dry-run"], in: cli)
        #expect(note.status != 0)
        #expect(note.stderr.contains("forms.xlsx: Note row 1: "))
        #expect(note.stderr.contains("The file is an Excel workbook; its sheet 'Note' was read (sheets: 'Form1', 'Note'; choose one with --sheet)."))
        #expect(note.stderr.contains("is written by: polso map \(Self.fixture("forms.xlsx")) --survey customer-satisfaction --sheet Note"))
        let invalid = try Self.importing("invalid.xlsx", in: cli)
        #expect(invalid.status != 0)
        #expect(invalid.stderr.contains("invalid.xlsx: Form1!H4: column \"Cortesia e disponibilità del personale\": value \"11\" is outside the scale 1–10"))
        #expect(try !cli.run(["waves", "--locale", "en"]).stdout.contains("2024"), "nothing stored")
    }

    @Test("polso map drafts the mapping of a workbook's sheet")
    func map() throws {
        let cli = try CLIRunner()
        let form = try cli.run(["map", Self.fixture("forms.xlsx"), "--survey", "customer-satisfaction", "--out", "-"])
        #expect(form.status == 0, "\(form.stderr)")
        #expect(form.stdout.contains("\"Cortesia e disponibilità del personale\": \"CORT\"  # matched by text"))
        let note = try cli.run(["map", Self.fixture("forms.xlsx"), "--survey", "customer-satisfaction", "--sheet", "Note", "--out", "-"])
        #expect(note.status == 0, "\(note.stderr)")
        #expect(!note.stdout.contains("\"Cortesia e disponibilità del personale\":"), "the Note sheet has no such column")
        #expect(note.stdout.contains("\"SOD\""))
    }

    @Test("a zip bomb and a truncated workbook are refused with the file name, the limit, and nothing stored")
    func refused() throws {
        let cli = try CLIRunner()
        let bomb = try Self.importing("bomb.xlsx", in: cli)
        #expect(bomb.status != 0)
        #expect(bomb.stderr.contains("bomb.xlsx: the workbook part xl/worksheets/sheet1.xml declares 4294967295 bytes once decompressed, over the limit of 1 GiB"))
        let truncated = try Self.importing("truncated.xlsx", in: cli)
        #expect(truncated.status != 0)
        #expect(truncated.stderr.contains("truncated.xlsx: an Excel workbook (ZIP container) that is damaged or truncated"))
        let ods = try Self.importing("spreadsheet.ods", in: cli)
        #expect(ods.stderr.contains("spreadsheet.ods: an OpenDocument spreadsheet (.ods)"))
        let waves = try cli.run(["waves", "--locale", "en"])
        #expect(!waves.stdout.contains("2024"))
    }

    @Test("the real renamed XLSForm of the shared exports is read as a workbook, never as a NUL byte")
    func realRenamedWorkbook() throws {
        let path = CLIRunner.repository.deletingLastPathComponent().appendingPathComponent("shared/real-exports/mistakes/M1_xlsx_renamed.csv").path
        try #require(FileManager.default.fileExists(atPath: path), "the shared real exports are beside the repository")
        let cli = try CLIRunner()
        let result = try cli.run(["import", path, "--survey", "customer-satisfaction", "--year", "2024", "--dry-run"])
        #expect(result.status != 0)
        #expect(!result.stderr.contains("NUL"))
        #expect(result.stderr.contains("M1_xlsx_renamed.csv: survey row 1: "))
        #expect(result.stderr.contains("The file is an Excel workbook despite its name; its sheet 'survey' was read (sheets: 'survey', 'choices', 'settings'"))
    }
}
