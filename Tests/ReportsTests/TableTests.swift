import Testing
@testable import Reports

@Suite("Tables and CSV text")
struct TableTests {
    @Test("text tables align numbers right and text left")
    func alignment() {
        var table = TextTable(columns: [.init("Ambito", .left), .init("2016")])
        table.append(["Il mio lavoro", "4,73"])
        table.append(["MEDIA", "4,42"], emphasized: true)
        let lines = table.renderText().split(separator: "\n").map(String.init)
        #expect(lines[0] == "Ambito         2016")
        #expect(lines[2] == "Il mio lavoro  4,73")
        #expect(lines[3] == "MEDIA          4,42")
    }

    @Test("markdown tables bold emphasized rows and escape pipes")
    func markdown() {
        var table = TextTable(columns: [.init("A|B", .left), .init("x")])
        table.append(["MEDIA", "4,42"], emphasized: true)
        #expect(table.renderMarkdown() == "| A\\|B | x |\n|---|---:|\n| **MEDIA** | **4,42** |\n")
    }

    @Test("CSV cells that a spreadsheet would execute are neutralised; numbers are not")
    func injection() {
        #expect(CSVText.encode(.text("=SUM(A1)")) == "'=SUM(A1)")
        #expect(CSVText.encode(.text("-2")) == "'-2")
        #expect(CSVText.encode(.text("@x")) == "'@x")
        #expect(CSVText.encode(.number(-2.5)) == "-2.5")
        #expect(CSVText.encode(.text("a,\"b\"")) == "\"a,\"\"b\"\"\"")
        var csv = CSVText()
        csv.append(["x", .number(0.1), .integer(3), .empty])
        #expect(csv.text == "x,0.1,3,\r\n")
    }
}
