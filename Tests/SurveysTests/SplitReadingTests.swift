import Foundation
import PolsoCSV
import PolsoTestSupport
import Surveys
import Testing

/// Issue 15, both cores: a file read in parts gives what the reading in one piece gives, every
/// row with its line, every count, every error with its line and column, every rejected row.
@Suite("Reading a file in parts: the same rows, counts and errors as in one piece")
struct SplitReadingTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let benchCodebook = try! Codebook.load(path: repository.appendingPathComponent("bench/codebook-40.yaml").path)

    /// One row handed over, with its line.
    struct Row: Equatable {
        var line: Int
        var answers: [UInt8]
        var demographics: [UInt8]
        var id: [UInt8]
    }

    /// Every row handed over, in order, with its line: merged parts must give the same list.
    struct RowLog: MergeableSink {
        var rows: [Row] = []
        static func part(for layout: ResponseLayout) -> RowLog { RowLog() }
        mutating func begin(_ layout: ResponseLayout) throws {}
        mutating func add(_ response: ResponseRow) throws {
            rows.append(Row(line: response.line, answers: Array(response.answers), demographics: Array(response.demographics),
                            id: Array(response.responseId)))
        }
        mutating func append(_ part: RowLog, lineOffset: Int) -> Bool {
            rows += part.rows.map { row in
                var row = row
                row.line += lineOffset
                return row
            }
            return true
        }
    }

    /// What an import gives: the summary or the error as text, the rows, the rejects file.
    struct Reading: Equatable {
        var head: String
        var rows: [Row] = []
        var rejects = ""
        /// How many parts the file was read in (not compared).
        var parts = 1

        static func == (a: Reading, b: Reading) -> Bool { a.head == b.head && a.rows == b.rows && a.rejects == b.rejects }

        /// Where `other` first differs from this reading.
        func difference(from other: Reading) -> String {
            if head != other.head {
                let a = head.split(separator: "\n", omittingEmptySubsequences: false)
                let b = other.head.split(separator: "\n", omittingEmptySubsequences: false)
                let line = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
                return "summary line \(line + 1): «\(line < b.count ? b[line] : "")», in one piece «\(line < a.count ? a[line] : "")»"
            }
            if rows != other.rows {
                let index = (0..<min(rows.count, other.rows.count)).first { rows[$0] != other.rows[$0] } ?? min(rows.count, other.rows.count)
                return "row \(index): \(index < other.rows.count ? "\(other.rows[index])" : "none"), in one piece \(index < rows.count ? "\(rows[index])" : "none")"
            }
            return "rejects: «\(other.rejects)», in one piece «\(rejects)»"
        }
    }

    /// What an import of `path` gives: the summary (without the parts read), the rows and the
    /// rejects file's text, or the error; and the parts the file was read in.
    func reading(_ path: String, codebook: Codebook = Self.benchCodebook, options: ImportOptions = ImportOptions(),
                 split: CSVSplit) -> Reading {
        var options = options
        options.csv.split = split
        options.computesHash = false
        var log = RowLog()
        do {
            var summary = try Importer(codebook: codebook, options: options).run(path: path, into: &log)
            let parts = summary.partsRead
            var rejects = ""
            if let pending = summary.pendingRejects {
                rejects = (try? String(contentsOfFile: pending.temporaryPath, encoding: .utf8)) ?? "(unreadable)"
                pending.discard()
                summary.pendingRejects = nil
            }
            // Every field but the columns (read from the header, by the first part in both ways);
            // the missing answers sorted (a dictionary's order differs from one instance to another).
            let text = [
                summary.file, summary.sha256, "\(summary.byteCount)", "\(summary.dialect)", "\(summary.sheet ?? "")",
                summary.notices.joined(separator: " | "), "\(summary.respondents)", "\(summary.emptyResponses)",
                summary.missingAnswers.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", "),
                summary.absentItems.joined(separator: ", "), "\(summary.rejectedRows)", summary.rejectsPath ?? "",
                "\(String(describing: summary.responseIds))", "\(String(describing: summary.submissionDates))",
                "\(summary.notApplicableAnswers)", "\(summary.dontKnowAnswers)", summary.undeclaredCodeAdvice ?? "",
            ].joined(separator: "\n")
            return Reading(head: text, rows: log.rows, rejects: rejects, parts: parts)
        } catch {
            return Reading(head: "\(type(of: error)): \(error)")
        }
    }

    /// Reads `path` in one piece and with each split; every reading must match. Returns how many
    /// of the split readings were merged from parts.
    @discardableResult
    func expectSame(_ path: String, codebook: Codebook = Self.benchCodebook, options: ImportOptions = ImportOptions(),
                    splits: [CSVSplit], sourceLocation: SourceLocation = #_sourceLocation) -> Int {
        partsRead(path, codebook: codebook, options: options, splits: splits, sourceLocation: sourceLocation).filter { $0 > 1 }.count
    }

    /// ``expectSame(_:codebook:options:splits:sourceLocation:)``, returning the parts each split reading was merged from.
    func partsRead(_ path: String, codebook: Codebook = Self.benchCodebook, options: ImportOptions = ImportOptions(),
                   splits: [CSVSplit], sourceLocation: SourceLocation = #_sourceLocation) -> [Int] {
        let single = reading(path, codebook: codebook, options: options, split: .parts(1))
        #expect(single.parts == 1, sourceLocation: sourceLocation)
        var merged: [Int] = []
        for split in splits {
            let parted = reading(path, codebook: codebook, options: options, split: split)
            if parted != single {
                Issue.record("\(path) read with \(split), \(parted.parts) parts: \(single.difference(from: parted))", sourceLocation: sourceLocation)
            }
            merged.append(parted.parts)
        }
        return merged
    }

    /// Offsets just after each line break of `bytes` (inside quotes or not).
    func lineStarts(_ bytes: [UInt8]) -> [Int] {
        bytes.indices.filter { bytes[$0] == 0x0A || (bytes[$0] == 0x0D && ($0 + 1 == bytes.count || bytes[$0 + 1] != 0x0A)) }.map { $0 + 1 }
    }

    // MARK: - Generated exports

    /// What a generated export may get wrong.
    enum Flaw: CaseIterable {
        case none, invalidAnswer, repeatedId, strayQuote, unclosedQuote, nulByte, notUTF8, blankLines, shortRow, unreadableDate
    }

    /// An export for the benchmark codebook: random quoting, delimiters and line breaks inside a
    /// quoted free-text column, line ends of one kind, an optional BOM, and one flaw.
    func export(seed: UInt64, rows: Int, lineEnd: String, delimiter: String = ",", bom: Bool = false,
                       flaw: Flaw = .none) -> [UInt8] {
        var random = SeededRandom(seed: seed)
        let codes = Self.benchCodebook.items.map(\.code)
        func field(_ text: String, mustQuote: Bool = false) -> String {
            let quote = mustQuote || random.chance(50)
            return quote ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        var lines = [(["id", "submitdate", "note"] + codes + ["gender"]).map { field($0) }.joined(separator: delimiter)]
        let flawRow = 25 + random.below(max(1, rows - 25))
        var ids = Array(1...rows)
        if random.chance(30) { ids.shuffle(using: &random) }
        for row in 0..<rows {
            var id = String(ids[row])
            if random.chance(10) { id = "R-\(ids[row])" }
            if flaw == .repeatedId && row == flawRow { id = lines.count > 2 ? String(ids[random.below(row)]) : id }
            var date = "2020-0\(1 + random.below(9))-1\(random.below(10)) 10:00:00"
            if random.chance(10) { date = "0\(1 + random.below(9))/1\(random.below(3))/2020" }
            if flaw == .unreadableDate && row >= flawRow { date = "someday \(row)" }
            let notes = ["", "fine", "è tutto \"ok\"", "a\(delimiter)b", "two\nlines", "three\r\nlines\nhere", "cr\ronly", "  spaced  "]
            let note = notes[random.below(notes.count)]
            var cells = [field(id), field(date), field(note, mustQuote: note.unicodeScalars.contains { "\"\r\n".unicodeScalars.contains($0) } || note.contains(delimiter))]
            for _ in codes {
                let answers = ["1", "2", "3", "4", "5", "6", "", "N/A"]
                cells.append(field(answers[random.below(random.chance(95) ? 6 : answers.count)]))
            }
            cells.append(field(["Donna", "Uomo", ""][random.below(3)]))
            if row == flawRow {
                switch flaw {
                case .invalidAnswer: cells[3 + random.below(codes.count)] = field("9")
                case .strayQuote: cells[3 + random.below(codes.count)] = "4\"x"
                case .unclosedQuote: cells[cells.count - 1] = "\"Donna"
                case .nulByte: cells[2] = "\"nul\u{0}byte\""
                case .shortRow: cells.removeLast(5)
                default: break
                }
            }
            lines.append(cells.joined(separator: delimiter))
            if flaw == .blankLines && random.chance(10) { lines.append("") }
        }
        var bytes = Array(((bom ? "\u{FEFF}" : "") + lines.joined(separator: lineEnd) + (random.chance(80) ? lineEnd : "")).utf8)
        if flaw == .notUTF8, let at = lineStarts(bytes).dropFirst(flawRow).first {
            bytes.insert(0xE8, at: at + 1)  // inside the id: not UTF-8
        }
        return bytes
    }

    @Test("property: generated exports with random quoting, embedded delimiters and line breaks, flaws, and random split points")
    func generated() throws {
        try withTemporaryFolder { folder in
            var cleanFiles = 0
            for seed in UInt64(1)...24 {
                var random = SeededRandom(seed: seed &* 7919)
                let flaw = Flaw.allCases[Int(seed) % Flaw.allCases.count]
                let lineEnd = ["\r\n", "\n", "\r"][random.below(3)]
                let bytes = export(seed: seed, rows: 80 + random.below(100), lineEnd: lineEnd, delimiter: random.chance(30) ? ";" : ",",
                                   bom: random.chance(30), flaw: flaw)
                let path = try folder.write("generated-\(seed).csv", bytes: bytes)
                let starts = lineStarts(bytes)
                // Split points forced small: line starts (inside quotes or not) and any byte.
                var splits: [CSVSplit] = [.parts(2), .parts(3)]
                for _ in 0..<3 {
                    splits.append(.offsets([starts[random.below(starts.count)]]))
                    splits.append(.offsets([starts[random.below(starts.count)], starts[random.below(starts.count)]]))
                    splits.append(.offsets([random.below(bytes.count)]))
                }
                var options = ImportOptions()
                options.skipInvalidRows = random.chance(30)
                options.rejectsPath = folder.path("generated-\(seed).rejects.csv")
                let parts = partsRead(path, options: options, splits: splits)
                if [.none, .blankLines, .unreadableDate].contains(flaw) {
                    // A file with no problem is merged from the parts asked for, split where a record begins
                    // (each part holds more than the 24 rows the layout is recognised from).
                    #expect(parts.prefix(2) == [2, 3], "generated-\(seed).csv")
                    cleanFiles += 1
                }
            }
            #expect(cleanFiles > 5)
        }
    }

    // MARK: - Named cases

    @Test("a quoted field with line breaks just before the split point: merged, the same rows and lines")
    func quotedLineBreaksBeforeTheSplit() throws {
        try withTemporaryFolder { folder in
            let bytes = export(seed: 11, rows: 80, lineEnd: "\r\n")
            let path = try folder.write("quoted.csv", bytes: bytes)
            // Every line start after the header rows the layout needs: inside quotes or between records.
            let starts = lineStarts(bytes).filter { $0 > bytes.count / 2 }
            let parts = partsRead(path, splits: starts.map { .offsets([$0]) })
            var insideQuotes = 0
            for (start, parts) in zip(starts, parts) {
                let inside = bytes[..<start].filter { $0 == UInt8(ascii: "\"") }.count % 2 == 1
                // A split inside a quoted field is never merged; one between records always is.
                #expect((parts == 2) == !inside, "split at \(start), inside quotes: \(inside)")
                if inside { insideQuotes += 1 }
            }
            #expect(insideQuotes > 0 && insideQuotes < starts.count)
        }
    }

    @Test("errors in a later part: the same message, line and column as in one piece")
    func errorsInALaterPart() throws {
        try withTemporaryFolder { folder in
            for flaw in Flaw.allCases where flaw != .none {
                for lineEnd in ["\r\n", "\n", "\r"] {
                    let bytes = export(seed: 5, rows: 120, lineEnd: lineEnd, flaw: flaw)
                    let path = try folder.write("flawed.csv", bytes: bytes)
                    let starts = lineStarts(bytes)
                    expectSame(path, splits: [.parts(2), .parts(4), .offsets([starts[60]]), .offsets([starts[30], starts[90]])])
                }
            }
        }
    }

    @Test("a respondent id repeated across two parts is found with both lines")
    func repeatedIdAcrossParts() throws {
        try withTemporaryFolder { folder in
            var lines = ["id,S1.01"]
            for row in 1...100 { lines.append("\(row == 90 ? 10 : row),\(1 + row % 6)") }
            let yaml = """
                instrument: one-item
                version: "1"
                title: "One item"
                scale: { min: 1, max: 6 }
                blocks:
                  - id: b
                    title: "B"
                    sections:
                      - { code: S1, title: "S", items: [ {code: S1.01, text: "Item"} ] }
                """
            let codebook = try Codebook.decode(yaml: yaml, file: "one.yaml")
            let path = try folder.write("ids.csv", text: lines.joined(separator: "\n") + "\n")
            let single = reading(path, codebook: codebook, split: .parts(1))
            #expect(single.head.contains("ids.csv:91:1: column \"id\": value \"10\" repeats the respondent id of line 11"))
            let bytes = Array(lines.joined(separator: "\n").utf8)
            expectSame(path, codebook: codebook, splits: [.parts(2), .offsets([lineStarts(bytes)[50]])])
            // Ids that do not repeat: merged.
            lines[90] = "90,1"
            let clean = try folder.write("clean.csv", text: lines.joined(separator: "\n") + "\n")
            #expect(expectSame(clean, codebook: codebook, splits: [.parts(2), .offsets([lineStarts(bytes)[50]])]) == 2)
        }
    }

    @Test("CRLF, CR, BOM, UTF-16, Windows-1252 imposed or detected: the same as in one piece")
    func encodingsAndLineEnds() throws {
        try withTemporaryFolder { folder in
            let text = String(decoding: export(seed: 3, rows: 90, lineEnd: "\r\n"), as: UTF8.self)
            let variants: [(String, [UInt8], TextEncoding?)] = [
                ("crlf.csv", Array(text.utf8), nil),
                ("lf.csv", Array(text.replacingOccurrences(of: "\r\n", with: "\n").utf8), nil),
                ("cr.csv", Array(text.replacingOccurrences(of: "\r\n", with: "\r").utf8), nil),
                ("bom.csv", [0xEF, 0xBB, 0xBF] + Array(text.utf8), nil),
                ("utf16le.csv", [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, nil),
                ("utf16be.csv", [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }, nil),
                ("cp1252-detected.csv", windows1252Bytes(text), nil),
                ("cp1252-imposed.csv", windows1252Bytes(text), .windows1252),
            ]
            for (name, bytes, encoding) in variants {
                let path = try folder.write(name, bytes: bytes)
                var options = ImportOptions()
                options.csv.encoding = encoding
                let merged = expectSame(path, options: options, splits: [.parts(2), .parts(3)])
                // Detecting Windows-1252 takes the whole file: it is read in one piece; the rest are merged.
                #expect(merged == (name == "cp1252-detected.csv" ? 0 : 2), "\(name)")
            }
        }
    }

    @Test("the malformed corpus: every file gives the same outcome read in parts", arguments: try! FileManager.default
        .contentsOfDirectory(atPath: repository.appendingPathComponent("Tests/MalformedCorpus/files").path).sorted())
    func malformedCorpus(_ name: String) throws {
        let corpus = Self.repository.appendingPathComponent("Tests/MalformedCorpus")
        let codebook = try Codebook.load(path: corpus.appendingPathComponent("codebook.yaml").path)
        let path = corpus.appendingPathComponent("files/\(name)").path
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let bytes = size < 1 << 20 ? Array(try Data(contentsOf: URL(fileURLWithPath: path))) : []
        let starts = lineStarts(bytes)
        var splits: [CSVSplit] = [.parts(2), .parts(3)]
        if starts.count > 2 { splits += [.offsets([starts[starts.count / 2]]), .offsets([starts[starts.count - 2]])] }
        expectSame(path, codebook: codebook, splits: splits)
    }

    @Test("the real exports that import: the same outcome read in parts")
    func realExports() throws {
        let shared = Self.repository.deletingLastPathComponent().appendingPathComponent("shared/real-exports")
        let own = Self.repository.appendingPathComponent("Tests/Fixtures/real-exports")
        let cases: [(file: String, codebook: String, service: String?)] = [
            ("F08_limesurvey_csv_ptBR_codetext.csv", shared.appendingPathComponent("codebooks/F08.yaml").path, nil),
            ("F10_googleforms_hotdog_sp23.csv", shared.appendingPathComponent("codebooks/F10.yaml").path, "DS-4002"),
            ("F11_msforms_hotdog_fa24.csv", shared.appendingPathComponent("codebooks/F11.yaml").path, nil),
            ("F12_surveymonkey_ggwash_anc_2022.csv", own.appendingPathComponent("F12-sm-ggwash.yaml").path, nil),
        ]
        var merged = 0
        for entry in cases {
            let codebook = try Codebook.load(path: entry.codebook)
            var options = ImportOptions()
            if let service = entry.service, let question = codebook.serviceQuestionIndex,
               let code = codebook.demographics[question].optionCode(for: service) {
                options.presetDemographics[question] = code
            }
            let path = shared.appendingPathComponent("files/\(entry.file)").path
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            let starts = lineStarts(bytes)
            #expect(!reading(path, codebook: codebook, options: options, split: .parts(1)).head.contains("Failure"), "\(entry.file) imports")
            merged += expectSame(path, codebook: codebook, options: options,
                                      splits: [.parts(2), .offsets([starts[starts.count * 2 / 3]]), .offsets(Array(starts.suffix(4)))])
        }
        #expect(merged > 0)
    }
}
