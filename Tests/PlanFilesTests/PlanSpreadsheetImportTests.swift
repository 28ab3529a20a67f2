import Foundation
import Performance
import PlanFiles
import Testing

/// Workbooks made by other programs import; every mistake is told by file, sheet, row, column
/// and value.
@Suite("Plans as spreadsheets: import")
struct PlanSpreadsheetImportTests {
    /// openpyxl-italiano.xlsx (made by Fixtures/make_plan_workbooks.py) and the same workbook
    /// saved again by LibreOffice describe openpyxl-italiano.expected.yaml, written by hand.
    ///
    /// Standard preset (higher is better: min(v/t, 1); weighted sum / 100), by hand:
    /// K1 444 / 500 = 88,8 %; K2 763 / 828 = 92,15 % ≥ 85 → 100 %; K3 93,5 ≥ 90 → 100 %;
    /// OS1 = (33,3 × 88,8 + 33,3 × 100 + 33,4 × 100) / 100 = (2957,04 + 3330 + 3340) / 100 = 96,2704 %;
    /// AS1 = 96,2704 %; K4 done 30/11 by 31/12 → 100 %, AS2 = 100 %;
    /// Ente = 0,5 × 96,2704 + 0,5 × 100 = 98,1352 % → printed 98,14 %.
    @Test("a workbook written by openpyxl and one saved by LibreOffice import as the plan written by hand",
          arguments: ["openpyxl-italiano.xlsx", "libreoffice-italiano.xlsx"])
    func otherPrograms(workbook: String) throws {
        let folder = try PlanSheetFixtures.folder()
        let (plan, yaml) = try PlanSheetFixtures.imported(PlanSheetFixtures.fixture(workbook), into: folder)
        let expected = try PlanSheetFixtures.plan(PlanSheetFixtures.fixture("openpyxl-italiano.expected.yaml"))
        // Dates are read as dates: the ISO text of a date cell and 31/12/2022 are the same target.
        #expect(plan == expected)
        // A weight typed 33,3 in a cell formatted 0.00 keeps its two printed decimals; a text cell "93,5" is 93.5.
        #expect(yaml.contains("weight: 33,30\n") && yaml.contains("value: 93,5\n"))
        let scored = Scorer.score(plan)
        #expect(abs((scored.root.achievement ?? 0) - 98.1352) < 1e-9)
        #expect(abs((scored.root.children[0].achievement ?? 0) - 96.2704) < 1e-9)
    }

    @Test("Italian headers: case, accents and spacing do not matter; kinds and comparators in Italian")
    func italianHeaders() throws {
        let folder = try PlanSheetFixtures.folder()
        let sheet = try PlanSheetFixtures.csvPlan("""
            CODICE;padre;TIPO;Obiettivo;Peso;Unita;Operatore;Target;Valore consuntivo;Grado_di_raggiungimento
            A1;;Ambito strategico;Area;100;;;;;
            S1;A1;obiettivo strategico;Obiettivo;100;;;;;
            K1;S1;Indicatore;Imprese;100;%;≥;80;"72,5";"90,63 %"

            """, settings: "Chiave;Valore\nbody;Ente\nyear;2022\nnumbers;it\n", in: folder)
        let (plan, _) = try PlanSheetFixtures.imported(sheet, into: folder)
        let indicator = plan.root.children[0].children[0].indicators[0]
        #expect(plan.root.children[0].kind == .area && plan.root.children[0].children[0].kind == .strategic)
        #expect(indicator.comparator == .atLeast && indicator.unit == .percent)
        #expect(indicator.source == .typed(.number(PrintedNumber(units: 725, decimals: 1, text: "72,5"))))
        #expect(indicator.printed.achievement == PrintedNumber(units: 9063, decimals: 2, text: "90,63 %"))
        // 72,5 / 80 = 90,625 % → 90,63 % half-up, as printed.
        #expect(abs((Scorer.score(plan).root.achievement ?? 0) - 90.625) < 1e-9)
    }

    @Test("a CSV saved by Italian Excel: Windows-1252, ';', decimal commas, CRLF")
    func italianExcelCSV() throws {
        let folder = try PlanSheetFixtures.folder()
        let rows = "Percorso;Tipo;Nome;Peso;Unità di misura;Comparatore;Target;Valore\r\n"
            + "A1;area;Competitività;100;;;;\r\nA1/K1;indicatore;Attività svolte;100;%;>=;90;93,5\r\n"
        let sheet = folder.appendingPathComponent("plan.csv").path
        try #require(rows.data(using: .windowsCP1252)).write(to: URL(fileURLWithPath: sheet))
        try #require("Chiave;Valore\r\nbody;Ente\r\nyear;2022\r\n".data(using: .windowsCP1252))
            .write(to: folder.appendingPathComponent("plan.settings.csv"))
        let (plan, _) = try PlanSheetFixtures.imported(sheet, into: folder)
        #expect(plan.root.children[0].name == "Competitività")
        #expect(plan.root.children[0].indicators[0].unit == .percent)
        // 93,5 ≥ 90 → 100 %.
        #expect(Scorer.score(plan).root.achievement == 100)
    }

    /// The CSV example of docs/plans.md ("Plans as spreadsheets"), by hand under massa-carrara
    /// (weighted sum / 100): KPI1 444 / 500 = 88,8 %; KPI2 763 / 828 = 92,15 % ≥ 85 % → 100 %;
    /// OS1.1 = (50 × 88,8 + 30 × 100) / 100 = 74,4 %.
    @Test("the spreadsheet example of docs/plans.md imports")
    func docsExample() throws {
        let docs = try String(contentsOfFile: PlanSheetFixtures.path("docs/plans.md"), encoding: .utf8)
        let section = try #require(docs.components(separatedBy: "**Example.** The first two").dropFirst().first)
        let blocks = section.components(separatedBy: "```\n").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        let folder = try PlanSheetFixtures.folder()
        let sheet = try PlanSheetFixtures.csvPlan(blocks[0], settings: blocks[1], in: folder)
        let (plan, _) = try PlanSheetFixtures.imported(sheet, into: folder)
        let objective = Scorer.score(plan).root.children[0].children[0]
        #expect(abs((objective.achievement ?? 0) - 74.4) < 1e-9)
        #expect(plan.profile.preset == "massa-carrara")
    }

    /// The error for `rows` (a CSV plan with the given settings).
    func failure(_ rows: String, settings: String = "key,value\nbody,Ente\nyear,2022\n") throws -> String {
        let folder = try PlanSheetFixtures.folder()
        let sheet = try PlanSheetFixtures.csvPlan(rows, settings: settings, in: folder)
        do {
            _ = try PlanSpreadsheet.importPlan(from: sheet)
        } catch {
            return error.description.replacingOccurrences(of: folder.path + "/", with: "")
        }
        Issue.record("imported without error: \(rows)")
        return ""
    }

    @Test("unknown kind")
    func unknownKind() throws {
        let message = try failure("path,kind,code\nA1,zona,A1\n")
        #expect(message.hasPrefix("plan.csv, line 2, column B (kind), value 'zona': unknown kind; expected indicator (indicatore) or one of: area,"))
    }

    @Test("weight not a number")
    func weightNotANumber() throws {
        #expect(try failure("path,kind,weight\nA1,area,tanto\n")
            == "plan.csv, line 2, column C (weight), value 'tanto': 'tanto' is not a number (write 33,34 or 33.34)")
    }

    @Test("parent code not found, or naming two rows")
    func parentNotFound() throws {
        #expect(try failure("code,parent,kind\nA1,,area\nB1,ZZ,strategic\n")
            == "plan.csv, line 3, column B (parent), value 'ZZ': parent code not found: no node row has the code 'ZZ'")
        #expect(try failure("code,parent,kind\nA1,,area\nA1,,area\nB1,A1,strategic\n").hasPrefix(
            "plan.csv, line 4, column B (parent), value 'A1': parent code is ambiguous: rows 2, 3 have it"))
    }

    @Test("duplicate path")
    func duplicatePath() throws {
        #expect(try failure("path,kind\nA1,area\nA1,area\n").hasPrefix(
            "plan.csv, line 3, column A (path), value 'A1': duplicate path: row 2 has it too"))
        // A code printed twice among siblings is written code#2, where the plan reader numbers it.
        #expect(try failure("path,kind\nA1,area\nA1#3,area\n").hasPrefix(
            "plan.csv, line 3, column A (path), value 'A1#3': this is occurrence 2 of 'A1' among its siblings: its path ends in 'A1#2'"))
    }

    @Test("a path whose parent comes later, or is an indicator")
    func parentOrder() throws {
        #expect(try failure("path,kind\nA1/S1,strategic\nA1,area\n").hasPrefix(
            "plan.csv, line 2, column A (path), value 'A1/S1': no earlier row has the parent path 'A1'"))
        #expect(try failure("path,kind,comparator,target\nK,indicator,>=,1\nK/S,strategic,,\n").hasPrefix(
            "plan.csv, line 3, column A (path), value 'K/S': its parent (row 2) is an indicator"))
    }

    @Test("a row without its path")
    func missingPath() throws {
        #expect(try failure("path,kind,code\nA1,area,A1\n,area,B1\n") == "plan.csv, line 3, column A (path), empty cell: every row needs "
            + "its path: the codes from the body down to the row's node, joined by '/' (a member of the body has its code alone)")
    }

    @Test("cycle of parent codes")
    func cycle() throws {
        #expect(try failure("code,parent,kind\nA1,B1,area\nB1,A1,strategic\n")
            == "plan.csv, line 2, column B (parent), value 'B1': the parent codes form a cycle: rows 2 → 3 → 2")
    }

    @Test("an empty cell the plan needs is named by its column; an override without justification by its achievement")
    func emptyCells() throws {
        #expect(try failure("path,kind,weight,comparator,target,value\nA1,area,,,,\nA1/K,indicator,100,>=,5,3\n")
            == "plan.csv, line 2, column C (weight), empty cell: A1: missing: the body level rolls up by weighted-sum, which reads weights")
        #expect(try failure("path,kind,weight,override achievement\nA1,area,100,100\n")
            == "plan.csv, line 2, column D (override achievement), value '100': an override needs a written justification ('justification: …')")
        #expect(try failure("path,kind,ref,weight\nA1,area,,100\nA1/X,,X,100\n")
            .hasPrefix("plan.csv, line 3, column C (ref), value 'X': no shared node 'X'"))
    }

    @Test("comparator not understood")
    func comparator() throws {
        #expect(try failure("path,kind,weight,comparator,target,value\nA1,area,100,,,\nA1/K,indicator,100,almeno,5,4\n")
            == "plan.csv, line 3, column D (comparator), value 'almeno': unknown comparator 'almeno'; expected one of: >=, >, <=, <, =, by-date, yes-no")
    }

    @Test("a decimal comma against the plan's notation, and a number that reads two ways")
    func notation() throws {
        let rows = "path,kind,weight,comparator,target,value\nA1,area,100,,,\nA1/K,indicator,100,>=,5,VALUE\n"
        #expect(try failure(rows.replacingOccurrences(of: "VALUE", with: "\"93,5\""), settings: "key,value\nbody,E\nyear,2022\nnumbers,en\n")
            .hasPrefix("plan.csv, line 3, column F (value), value '93,5': '93,5' does not follow the plan's notation 'numbers: en'"))
        #expect(try failure(rows.replacingOccurrences(of: "VALUE", with: "1.234"))
            .hasPrefix("plan.csv, line 3, column F (value), value '1.234': '1.234' can be read two ways: 1234"))
    }

    @Test("a number cell formatted as a percentage is refused")
    func percentCell() throws {
        do {
            _ = try PlanSpreadsheet.importPlan(from: PlanSheetFixtures.fixture("percent-cell.xlsx"))
            Issue.record("imported")
        } catch {
            #expect(error.description.hasSuffix("percent-cell.xlsx, sheet Piano, row 4, column G (Target), value '0.85': the cell is "
                + "formatted as a percentage: it shows 85 % but holds 0.85; type 85 in a cell with a number format, or as text (85 %)"))
        }
    }

    /// The error of importing the fixture workbook `name`, without the folder.
    func workbookFailure(_ name: String) -> String {
        do {
            _ = try PlanSpreadsheet.importPlan(from: PlanSheetFixtures.fixture(name))
            Issue.record("\(name) imported")
            return ""
        } catch {
            return error.description.replacingOccurrences(of: PlanSheetFixtures.fixture("") + "/", with: "")
        }
    }

    @Test("a code typed as a fractional number, and a workbook without its settings sheet")
    func workbookMistakes() {
        #expect(workbookFailure("code-as-number.xlsx") == "code-as-number.xlsx, sheet Piano, row 2, column A (CODICE), value '1.1': "
            + "this column holds text, but the cell is a number, which spreadsheets show differently by language: "
            + "type it as text (format the cell as Text, or start it with ')")
        #expect(workbookFailure("one-sheet.xlsx") == "one-sheet.xlsx: no sheet named 'Piano' or 'Plan' for the plan's rows; the sheets are: 'Foglio1'")
    }

    @Test("columns whose header starts with # are left out; a value under no header is refused")
    func ignoredColumns() throws {
        let folder = try PlanSheetFixtures.folder()
        let sheet = try PlanSheetFixtures.csvPlan("path,kind,weight,# Responsabile politico\nA1,area,100,Assessore\n", in: folder)
        #expect(try PlanSheetFixtures.imported(sheet, into: folder).plan.root.children[0].code == "A1")
        #expect(try failure("path,kind,,weight\nA1,area,x,100\n") == "plan.csv, line 2, column C, value 'x': a value in a column "
            + "without header: give the column its header, or start the header with '#' to leave the column out")
    }

    @Test("unknown and doubled headers, a missing path, a missing settings file")
    func headers() throws {
        #expect(try failure("path,kind,peso netto\nA1,area,1\n").hasPrefix(
            "plan.csv, line 1, column C (peso netto), value 'peso netto': unknown column (the sheet's first row is its header; start a header "
            + "with '#' to leave its column out); expected one of: shared (Condiviso), path (Percorso)"))
        #expect(try failure("path,kind,Obiettivo,Indicatore\nA1,area,x,y\n")
            == "plan.csv, line 1, column D (Indicatore), value 'Indicatore': column C ('Obiettivo') already means 'name': keep one of the two")
        #expect(try failure("kind,name\narea,x\n").hasSuffix(
            "plan.csv, line 1: the plan sheet needs a 'path' column (Percorso), or 'parent' (Padre) and 'code' (Codice) columns"))
        let folder = try PlanSheetFixtures.folder()
        let lonely = folder.appendingPathComponent("solo.csv").path
        try Data("path,kind\nA1,area\n".utf8).write(to: URL(fileURLWithPath: lonely))
        #expect(throws: PlanSheetError.self) { try PlanSpreadsheet.importPlan(from: lonely) }
    }

    @Test("settings: a wrong value is told by the settings file's line; a missing year names the settings")
    func settings() throws {
        #expect(try failure("path,kind,weight\nA1,area,100\n", settings: "key,value\nbody,Ente\nyear,2022\nprofile.rollup.default,somma\n")
            .hasPrefix("plan.settings.csv, line 4, column B (value), value 'somma': unknown roll-up rule 'somma'"))
        #expect(try failure("path,kind,weight\nA1,area,100\n", settings: "key,value\nbody,Ente\n")
            == "plan.settings.csv: missing required key 'year': add it as a row of the settings (key | value)")
        #expect(try failure("path,kind,weight\nA1,area,100\n", settings: "key,value\nbody,Ente\nyear,2022\nprofile.bands.2.label,x\n")
            .hasPrefix("plan.settings.csv, line 4, column A (key), value 'profile.bands.2.label': list positions count 1, 2, 3… in order"))
    }
}
