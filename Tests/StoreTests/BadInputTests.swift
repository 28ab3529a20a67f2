import Foundation
import PolsoTestSupport
import Store
import Surveys
import Testing

/// Rows of the small fixture under a header of codes (13 fields: id, 10 items, 2 demographics).
enum Rows {
    static let header = "id,A01,A02,A03,A04,B01,B07,H01,H05,P01,P02,R01,R02"
    static let r1 = "1,6,5,4,1,6,2,5,1,4,5,Donna,Più di 40 anni"
    static let r2 = "2,4,,3,2,5,1,4,3,,2,Uomo,"
    static let r3 = "3,5,5,5,,6,6,,2,3,3,,Fino a 40 anni"
    static let r4 = "4,2,3,1,6,4,3,2,6,1,1,Donna,Fino a 40 anni"

    /// `row` with another respondent id (the first field).
    static func renumbered(_ row: String, _ id: Int) -> String {
        String(id) + row.drop { $0 != "," }
    }
}

/// A file that must be refused, and the whole message expected for it (given the file's path).
struct BadInput: Sendable, CustomStringConvertible {
    let description: String
    let lines: [String]
    let expected: @Sendable (String) -> String

    static let accepted = "accepted: 1–6, the labels \"Per nulla d'accordo\" (1) … \"Del tutto d'accordo\" (6), A1–A6, missing \"N/A\", \"Non so\", or an empty cell"
    static let rowAdvice = "Fix the file, or import the valid rows with --skip-invalid-rows (the others go to a rejects file)."
    static let columnAdvice = "Column problems: assign the columns with a mapping file (--map, see docs/codebooks.md; polso map writes a draft)."
    static let missingItemAdvice = columnAdvice + " If the questionnaire left some items or questions out, use --allow-missing-items."

    static let all: [BadInput] = [
        BadInput(description: "out-of-range value", lines: [Rows.header, Rows.r1, "2,4,7,3,2,5,1,4,3,,2,Uomo,", Rows.r3]) { path in
            """
            \(path): not imported: 1 problem; nothing was stored.
              \(path):3:3: column "A02": value "7" is outside the scale 1–6 and no declared code; \(accepted)
            \(rowAdvice)
            """
        },
        BadInput(description: "unknown label", lines: [Rows.header, Rows.r1, Rows.r2, "3,5,5,5,,6,Molto poco,,2,3,3,,Fino a 40 anni"]) { path in
            """
            \(path): not imported: 1 problem; nothing was stored.
              \(path):4:7: column "B07": value "Molto poco" is not an answer of the scale 1–6; \(accepted)
            \(rowAdvice)
            """
        },
        BadInput(description: "unknown demographic option", lines: [Rows.header, Rows.r1, "2,4,,3,2,5,1,4,3,,2,Uomo,Forse"]) { path in
            """
            \(path): not imported: 1 problem; nothing was stored.
              \(path):3:13: column "R02": value "Forse" is not an option of 'age'; expected one of: Fino a 40 anni | Più di 40 anni
            \(rowAdvice)
            """
        },
        BadInput(description: "unmatched column",
                 lines: [Rows.header.replacingOccurrences(of: "A01", with: "Il mio posto di lavoro è sicuro"), Rows.r1]) { path in
            """
            \(path): not imported: 1 problem; nothing was stored.
              \(path):1: item A.01 "Il mio luogo di lavoro è sicuro" has no column; nearest columns: #2 "Il mio posto di lavoro è sicuro"
            \(missingItemAdvice)
            """
        },
        BadInput(description: "two columns for one item", lines: [Rows.header + ",A.02", Rows.r1 + ",5"]) { path in
            """
            \(path): not imported: 1 problem; nothing was stored.
              \(path):1:14: column "A.02": item A.02 already comes from column 3 "A02"; keep one of them with --map (e.g. "#14": ignore)
            \(columnAdvice)
            """
        },
        BadInput(description: "ragged row: too few fields", lines: [Rows.header, Rows.r1, "2,4,,3,2,5,1,4,3,,2,Uomo", Rows.r3]) { path in
            """
            \(path): not imported: 1 problem; nothing was stored.
              \(path):3:13: column "R02": the row has 12 fields, the header 13: a field is missing or a delimiter was lost
            \(rowAdvice)
            """
        },
        BadInput(description: "ragged row: an extra non-empty field", lines: [Rows.header, Rows.r1, Rows.r2 + ",x", Rows.r3]) { path in
            """
            \(path): not imported: 1 problem; nothing was stored.
              \(path):3:14: value "x" is beyond the last column: the row has 14 fields, the header 13
            \(rowAdvice)
            """
        },
        BadInput(description: "stray quote", lines: [Rows.header, Rows.r1, "2,4,5\"x,3,2,5,1,4,3,,2,Uomo,", Rows.r3]) { path in
            // The quote is the 6th character of line 3: `2,4,5"`.
            "\(path):3:6: a quote (\") inside a field that does not start with one; quote the whole field and double inner quotes (\"\")"
        },
    ]
}

@Suite("Bad input leaves the store unchanged")
struct BadInputTests {
    @Test("each problem is named with file, line and column; nothing is stored",
          arguments: BadInput.all, [2015, 2016])
    func refused(input: BadInput, year: Int) throws {
        for engine in StoreEngineKind.all {
            try withTemporaryFolder { folder in
                let bench = try StoreBench(folder, engine: engine)
                // 2015 holds a wave already (the import below, appended, would change its staff); 2016 would be new.
                try bench.importSample(year: 2015, staff: 40)
                let before = try bench.snapshot()
                let path = try bench.write("bad.csv", lines: input.lines)
                #expect(errorText { try bench.importFile(path, year: year, staff: 99, appending: true) } == input.expected(path))
                #expect(try bench.snapshot() == before)
                #expect(try bench.count("import") == 1)
                #expect(try bench.count("respondent") == 6)
                let waves = try bench.store.waves(body: Body.localCode)
                #expect(waves.map(\.year) == [2015])
                #expect(waves.map(\.staff) == [40])
            }
        }
    }

    @Test("an extra empty field (a trailing delimiter) is accepted", arguments: StoreEngineKind.all)
    func trailingDelimiter(engine: StoreEngineKind) throws {
        try withTemporaryFolder { folder in
            let bench = try StoreBench(folder, engine: engine)
            try bench.importFile(try bench.write("export.csv", lines: [Rows.header, Rows.r1 + ",", Rows.r2 + ",,"]), year: 2016)
            #expect(try bench.responses(year: 2016).answers == Array(bench.fixture.expectedAnswerRows.prefix(2)))
        }
    }

    @Test("the default lists the first 20 problems and the total", arguments: StoreEngineKind.all)
    func problemLimit(engine: StoreEngineKind) throws {
        try withTemporaryFolder { folder in
            let bench = try StoreBench(folder, engine: engine)
            // 25 rows (lines 2–26), each with A01 = 9.
            let rows = (1...25).map { "\($0),9,5,4,1,6,2,5,1,4,5,Donna,Più di 40 anni" }
            let path = try bench.write("bad.csv", lines: [Rows.header] + rows)
            let listed = (2...21).map { "  \(path):\($0):2: column \"A01\": value \"9\" is outside the scale 1–6 and no declared code; \(BadInput.accepted)" }
            let expected = ["\(path): not imported: 25 problems; nothing was stored."] + listed + ["  … and 5 more"]
            // Every rejected answer is the same value: the advice is to declare it, not to skip rows.
            let text = errorText { try bench.importFile(path, year: 2016) } ?? ""
            #expect(text.hasPrefix(expected.joined(separator: "\n") + "\nMost rejected answers (25 of 25) are \"9\", given to A.01."))
            #expect(text.hasSuffix("  scale:\n    codes:\n      not_applicable: [9]"))
            #expect(try bench.count("respondent") == 0)
            #expect(try bench.count("import") == 0)
            #expect(try bench.count("wave") == 0)
        }
    }

    @Test("skipInvalidRows imports the valid rows and writes the others with line and reason", arguments: StoreEngineKind.all)
    func skipInvalidRows(engine: StoreEngineKind) throws {
        try withTemporaryFolder { folder in
            let bench = try StoreBench(folder, engine: engine)
            let path = try bench.write("export.csv", lines: [
                Rows.header, Rows.r1, "2,4,7,3,2,5,1,4,3,,2,Uomo,", Rows.r3, "4,2,3,1,6,4,3,2,6,1,1,Donna", Rows.r4,
            ])
            let summary = try bench.importFile(path, year: 2016, options: ImportOptions(skipInvalidRows: true))
            #expect(summary.respondents == 3)
            #expect(summary.rejectedRows == 2)
            #expect(summary.rejectsPath == folder.path("export.rejects.csv"))
            let stored = try bench.responses(year: 2016)
            let expected = bench.fixture.expectedAnswerRows
            #expect(stored.answers == [expected[0], expected[2], expected[3]])
            #expect(try bench.store.waves(body: Body.localCode).map(\.respondents) == [3])
            let log = try bench.store.imports(wave: try bench.store.waves(body: Body.localCode)[0].id)
            #expect(log.map(\.respondents) == [3])
            #expect(log.map(\.rejectedRows) == [2])
            #expect(try folder.read("export.rejects.csv") == """
                line,reason,\(Rows.header)\r
                3,"A02: ""7"" is outside the scale 1–6 and no declared code; accepted: 1–6, the labels ""Per nulla d'accordo"" (1) … ""Del tutto d'accordo"" (6), A1–A6, missing ""N/A"", ""Non so"", or an empty cell",2,4,7,3,2,5,1,4,3,,2,Uomo,\r
                5,"R02: the row has 12 fields, the header 13: a field is missing or a delimiter was lost",4,2,3,1,6,4,3,2,6,1,1,Donna\r

                """)
        }
    }

    @Test("skipInvalidRows with every row invalid stores nothing", arguments: StoreEngineKind.all)
    func everyRowRejected(engine: StoreEngineKind) throws {
        try withTemporaryFolder { folder in
            let bench = try StoreBench(folder, engine: engine)
            let path = try bench.write("export.csv", lines: [Rows.header, "1,7,5,4,1,6,2,5,1,4,5,Donna,"])
            let options = ImportOptions(skipInvalidRows: true, rejectsPath: folder.path("scarti.csv"))
            #expect(errorText { try bench.importFile(path, year: 2016, options: options) }
                == "\(path): not imported: 1 problem; nothing was stored.\n  \(path):1: every row was rejected: nothing to import")
            #expect(try bench.count("wave") == 0)
            // The rejects file is written only when the import commits.
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("")).filter { !$0.hasPrefix("polso.sqlite") } == ["export.csv"])
        }
    }

    @Test("the same file again is refused in its wave, appended, under another name and in another year", arguments: StoreEngineKind.all)
    func sameFileTwice(engine: StoreEngineKind) throws {
        try withTemporaryFolder { folder in
            let bench = try StoreBench(folder, engine: engine)
            let path = try bench.importSample(year: 2016)
            let before = try bench.snapshot()
            let digest = try systemSHA256(path)
            let importedAt = try bench.store.imports(wave: try bench.store.waves(body: Body.localCode)[0].id)[0].importedAt
            func message(_ file: String) -> String {
                """
                \(file): not imported: the same file (SHA-256 \(digest.prefix(12))…) is already stored in test-small 2016, \
                imported on \(importedAt) as \(path). Nothing was stored. One file belongs to one wave: if it went into \
                the wrong year, or is to be replaced, remove that wave first (polso waves remove --survey test-small --year 2016) \
                and import it again.
                """
            }
            #expect(errorText { try bench.importFile(path, year: 2016) } == message(path))
            #expect(errorText { try bench.importFile(path, year: 2016, appending: true) } == message(path))
            #expect(try bench.snapshot() == before)
            // The same bytes under another name are the same file, in any wave of the survey.
            let copy = try folder.write("copia.csv", bytes: ExportShape.limeSurveyCodes.bytes(for: bench.fixture))
            #expect(errorText { try bench.importFile(copy, year: 2016) } == message(copy))
            #expect(errorText { try bench.importFile(copy, year: 2017) } == message(copy))
            #expect(errorText { try bench.importFile(path, year: 2017, unit: "Ragioneria") } == message(path))
            #expect(try bench.snapshot() == before)
            #expect(try bench.store.waves(body: Body.localCode).map { [$0.year, $0.respondents, $0.imports] } == [[2016, 6, 1]])
        }
    }

    @Test("removeWave deletes the wave's respondents, items and import log, and only those", arguments: StoreEngineKind.all)
    func removeWave(engine: StoreEngineKind) throws {
        try withTemporaryFolder { folder in
            let bench = try StoreBench(folder, engine: engine)
            try bench.importSample("a.csv", year: 2015)
            try bench.importFile(try bench.write("b.csv", lines: [Rows.header, Rows.renumbered(Rows.r1, 11)]), year: 2015, appending: true)
            try bench.importFile(try folder.write("c.csv", bytes: ExportShape.limeSurveySubquestions.bytes(for: bench.fixture.otherRespondents)), year: 2016)
            let waves = try bench.store.waves(body: Body.localCode)
            let (old, kept) = (waves[0].id, waves[1].id)
            #expect(try bench.store.removeWave(body: Body.localCode, instrument: "test-small", year: 2015, unit: "") == 7)
            for table in ["respondent", "import", "wave_item"] {
                #expect(try bench.count(table, where: "wave_id = ?", [old]) == 0, "\(table)")
            }
            #expect(try bench.count("wave", where: "id = ?", [old]) == 0)
            #expect(try bench.count("respondent", where: "wave_id = ?", [kept]) == 6)
            #expect(try bench.count("import", where: "wave_id = ?", [kept]) == 1)
            #expect(try bench.count("wave_item", where: "wave_id = ?", [kept]) == 10)
            #expect(try bench.count("instrument") == 1)
            #expect(try bench.store.waves(body: Body.localCode).map(\.year) == [2016])
            #expect(errorText { try bench.store.removeWave(body: Body.localCode, instrument: "test-small", year: 2015, unit: "") }
                == "no wave of test-small for 2015 in \(bench.store.path); `polso waves` lists them")
        }
    }

    @Test("a one-row file imported, the store reopened: the same bytes come back")
    func oneRowRoundTrip() throws {
        try withTemporaryFolder { folder in
            let path = folder.path("polso.sqlite")
            do {
                let bench = try StoreBench(folder)
                try bench.importFile(try bench.write("one.csv", lines: [Rows.header, Rows.r3]), year: 2016, unit: "Ragioneria", staff: 12)
            }
            let bench = try StoreBench(folder)
            #expect(bench.store.path == path)
            let stored = try bench.responses(year: 2016)
            // Respondent 3: A.04 and H.01 blank; gender blank, age "Fino a 40 anni" (option 1).
            #expect(stored.answers == [[5, 5, 5, 255, 6, 6, 255, 2, 3, 3]])
            #expect(stored.demographics == [[0, 1]])
            let waves = try bench.store.waves(body: Body.localCode)
            #expect(waves.map { "\($0.instrument) \($0.instrumentVersion) \($0.year) \($0.unit) \($0.staff ?? 0) \($0.respondents)" }
                == ["test-small 1 2016 Ragioneria 12 1"])
        }
    }
}
