import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import PolsoKit
import PolsoServer
import PolsoTestSupport
import Testing

/// The figures the server sends, checked against the CLI's JSON of the same store (the real
/// `polso` binary): every figure of the satisfaction page, rounded half-up here, and every number
/// of the workbook downloads, read back with openpyxl.
@Suite("Server: page and workbook figures equal the CLI's JSON")
struct PageFigureTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `polso` binary of this build, beside the test bundle.
    static let polso: URL = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("polso")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        preconditionFailure("no polso executable beside the test bundle; build it with `swift build` first")
    }()

    /// Runs `executable` with `arguments`; its standard output, after checking it succeeded.
    static func run(_ executable: URL, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let complaint = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(executable.lastPathComponent) \(arguments.joined(separator: " ")): \(complaint)")
        return String(decoding: data, as: UTF8.self)
    }

    /// The JSON object of `polso ARGUMENTS --format json --store STORE --body alfa`.
    static func cliJSON(_ arguments: [String], store: String) throws -> [String: Any] {
        let text = try run(polso, arguments + ["--format", "json", "--store", store, "--body", "alfa"])
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The customer-satisfaction samples in body alfa, as the README imports them.
    static func importSatisfaction(_ fixture: ServerFixture) throws {
        let folder = repository.appendingPathComponent("surveys/customer-satisfaction/samples").path
        var first = ImportRequest(file: folder + "/google-forms-2018.csv", survey: "customer-satisfaction", year: 2018)
        first.plannedServices = 16
        first.allowMissingItems = true
        var second = ImportRequest(file: folder + "/limesurvey-2019.csv", survey: "customer-satisfaction", year: 2019)
        second.plannedServices = 16
        var third = ImportRequest(file: folder + "/google-forms-2019-registro-imprese.csv", survey: "customer-satisfaction", year: 2019)
        third.service = "Registro Imprese"
        third.users = 61
        third.append = true
        for var request in [first, second, third] {
            request.body = "alfa"
            _ = try request.run(into: fixture.store)
        }
    }

    /// The page's tables by caption, in order.
    static func tables(_ html: String) throws -> [(caption: String, rows: [[String]])] {
        let page = try PageInspector(html)
        return page.all("caption").map { ($0.text, page.rows(ofTableCaptioned: $0.text)) }
    }

    // MARK: - Satisfaction

    /// Italian display of the JSON's figures, written here from the raw values.
    static func integer(_ value: Any?) -> String {
        guard let number = value as? Int else { return "" }
        let digits = String(number)
        var grouped = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(".") }
            grouped.append(character)
        }
        return grouped
    }

    static func percent(_ value: Any?) -> String { (value as? Double).map { halfUp($0) + " %" } ?? "–" }

    static func delta(_ value: Double) -> String {
        let text = halfUp(value)
        return value > 0 && text != "0,00" ? "+" + text : text
    }

    /// Valid, positive, % positive, % negative, mean, not applicable, don't know, interval (as the page orders them).
    static func figureCells(_ figures: [String: Any], dontKnow: Bool) -> [String] {
        var cells = [integer(figures["valid"]), integer(figures["positive"]), percent(figures["percentPositive"]),
                     percent(figures["percentNegative"]), (figures["mean"] as? Double).map { halfUp($0) } ?? "–", integer(figures["notApplicable"])]
        if dontKnow { cells.append(integer(figures["dontKnow"])) }
        let interval = figures["percentPositiveInterval"] as? [String: Double]
        cells.append(interval.map { "\(halfUp($0["lower"]!))–\(halfUp($0["upper"]!))" } ?? "")
        return cells
    }

    @Test("satisfaction page, by service and by item: every figure equals polso satisfaction --format json, half-up")
    func satisfactionPage() async throws {
        try await withServer { fixture in
            try Self.importSatisfaction(fixture)
            let json = try Self.cliJSON(["satisfaction"], store: fixture.store.path)
            let table = try #require(json["table"] as? [String: Any])
            let years = try #require(table["years"] as? [Int])
            let items = try #require(table["items"] as? [[String: Any]])
            let overall = try #require(table["overallItem"] as? String)
            let services = try #require(table["services"] as? [[String: Any]])
            let pooled = table["pooled"] as? [String: Any]
            let summaries = try #require(table["summaries"] as? [[String: Any]])
            let alpha = try #require((table["changeRule"] as? [String: Any])?["alpha"] as? Double)
            let minimum = table["minimumGroupSize"] as? Int ?? 5
            let hidden = "<\(minimum)"
            #expect(years == [2018, 2019] && services.count >= 10)
            func value(_ series: [String: Any], _ y: Int) -> [String: Any] { (series["values"] as! [[String: Any]])[y] }
            func item(_ year: [String: Any], _ code: String) -> [String: Any]? {
                (year["items"] as? [[String: Any]])?.first { $0["code"] as? String == code }
            }
            let dontKnow = (services + [pooled].compactMap { $0 }).contains { series in
                (series["values"] as! [[String: Any]]).contains { year in
                    (year["items"] as? [[String: Any]] ?? []).contains { (($0["figures"] as? [String: Any])?["dontKnow"] as? Int ?? 0) > 0 }
                }
            }
            let nps = items.contains { $0["netPromoter"] as? Bool == true }
            func npsCell(_ year: [String: Any]) -> String {
                ((year["items"] as? [[String: Any]]) ?? []).compactMap { (($0["figures"] as? [String: Any])?["netPromoter"] as? [String: Any])?["score"] as? Double }
                    .first.map(Self.delta) ?? ""
            }
            // The service row of a year as the page must show it.
            func serviceRow(_ name: String, _ year: [String: Any]) -> [String] {
                if year["suppressed"] as? Bool == true { return [name, hidden, hidden] }
                guard let questionnaires = year["questionnaires"] as? Int, questionnaires > 0, let value = item(year, overall) else {
                    return [name, "0", "non rilevato"]
                }
                return [name, Self.integer(questionnaires)] + Self.figureCells(value["figures"] as! [String: Any], dontKnow: dontKnow)
                    + (nps ? [npsCell(year)] : [])
            }
            func padded(_ row: [String], to count: Int) -> [String] { row + Array(repeating: "", count: max(0, count - row.count)) }

            let html = try await fixture.application().test(.router) { client in
                var browser = Browser()
                try await browser.signIn(client, email: "reader@alfa.it")
                let service = try await browser.get(client, "/b/alfa/satisfaction?survey=customer-satisfaction&rows=service")
                let item = try await browser.get(client, "/b/alfa/satisfaction?survey=customer-satisfaction&rows=item")
                #expect(service.status == .ok && item.status == .ok)
                return (service: String(buffer: service.body), item: String(buffer: item.body))
            }
            do {
                var figures = 0
                // By service: a table per year, then the trend.
                let byService = try Self.tables(html.service)
                #expect(byService.count == years.count + 1, "\(byService.map(\.caption))")
                for (y, year) in years.enumerated() {
                    let rows = try #require(byService.first { $0.caption.hasPrefix("\(year) — ") }?.rows)
                    let width = rows[0].count
                    var expected = services.map { padded(serviceRow($0["service"] as! String, value($0, y)), to: width) }
                    if let pooled {
                        expected.append(padded(serviceRow("Tutti i servizi", value(pooled, y)), to: width))
                        if let mean = (summaries[y]["meanOfServicePercentages"] as? [String: Double])?[overall] {
                            expected.append(padded(["Media delle percentuali dei servizi", "", "", "", Self.percent(mean)], to: width))
                        }
                    }
                    let shown = Array(rows.dropFirst())
                    #expect(shown.count == expected.count)
                    for (got, want) in zip(shown, expected) {
                        #expect(Array(got.dropFirst()) == Array(want.dropFirst()), "\(year) \(got[0])")
                        figures += want.dropFirst().filter { $0.contains(where: \.isNumber) }.count
                    }
                }
                // The trend: % positive by year, Δ (marked ▲/▼ when the test says so), the index on the base year.
                let trend = try #require(byService.last?.rows)
                let baseYear = table["baseYear"] as? Int
                for (index, series) in (services + [pooled].compactMap { $0 }).enumerated() {
                    var want: [String] = []
                    for (y, year) in years.enumerated() {
                        let judged = item(value(series, y), overall)
                        want.append(judged == nil ? hidden : Self.percent((judged?["figures"] as? [String: Any])?["percentPositive"]))
                        if y > 0 {
                            var text = ""
                            if let delta = judged?["delta"] as? Double {
                                text = Self.delta(delta)
                                if let change = judged?["change"] as? [String: Any], (change["adjustedP"] as? Double ?? change["p"] as! Double) < alpha, delta != 0 {
                                    text += delta > 0 ? " ▲" : " ▼"
                                }
                            }
                            want.append(text)
                        }
                        if baseYear != nil && year != baseYear { want.append((judged?["index"] as? Double).map { halfUp($0) } ?? "") }
                    }
                    // Row 0 is the header; the rule before the pooled row is no row in HTML.
                    let got = trend[index + 1]
                    #expect(Array(got.dropFirst()) == want, "trend \(got[0])")
                    figures += want.filter { $0.contains(where: \.isNumber) }.count
                }
                // By item: every item's figures over all services, each year.
                let byItem = try Self.tables(html.item)
                for (y, year) in years.enumerated() {
                    let rows = try #require(byItem.first { $0.caption.hasPrefix("\(year) — ") }?.rows).dropFirst()
                    let source = try #require(pooled)
                    let codes = items.map { $0["code"] as! String }.filter { item(value(source, y), $0) != nil }
                    #expect(rows.count == codes.count)
                    for (row, code) in zip(rows, codes) {
                        let figuresOfItem = item(value(source, y), code)!["figures"] as! [String: Any]
                        var want = Self.figureCells(figuresOfItem, dontKnow: dontKnow)
                        want.append((figuresOfItem["distribution"] as! [Int]).map { Self.integer($0) }.joined(separator: " / "))
                        if nps { want.append(((figuresOfItem["netPromoter"] as? [String: Any])?["score"] as? Double).map(Self.delta) ?? "") }
                        want.append((summaries[y]["meanOfServicePercentages"] as? [String: Double])?[code].map { Self.percent($0) } ?? "")
                        #expect(row.first?.hasPrefix(code + " ") == true)
                        #expect(Array(row.dropFirst(2)) == padded(want, to: row.count - 2), "\(year) \(code)")
                        figures += want.filter { $0.contains(where: \.isNumber) }.count
                    }
                }
                #expect(figures > 300, "\(figures) figures compared")
            }
        }
    }

    // MARK: - Workbooks

    /// Reads a workbook with openpyxl: each sheet's name, frozen cell and rows of cells (value, number format).
    static let readWorkbook = """
        from json import dumps
        from sys import argv, exit
        try:
            from openpyxl import load_workbook
        except ImportError:
            exit("openpyxl is missing: sudo apt-get install python3-openpyxl")
        book = load_workbook(argv[1])
        print(dumps([{"name": sheet.title, "freeze": sheet.freeze_panes,
                           "rows": [[{"v": cell.value, "f": cell.number_format} for cell in row] for row in sheet.iter_rows()]}
                          for sheet in book.worksheets]))
        """

    struct Sheet {
        var name: String
        var freeze: String?
        var rows: [[(value: Any?, format: String)]]
    }

    static func sheets(of data: Data, in folder: TemporaryFolder) throws -> [Sheet] {
        let book = try folder.write("download-\(UUID().uuidString).xlsx", bytes: Array(data))
        let text = try run(URL(fileURLWithPath: "/usr/bin/python3"), ["-c", readWorkbook, book])
        let read = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        return read.map { sheet in
            Sheet(name: sheet["name"] as! String, freeze: sheet["freeze"] as? String,
                  rows: (sheet["rows"] as! [[[String: Any]]]).map { row in row.map { ($0["v"] is NSNull ? nil : $0["v"], $0["f"] as! String) } })
        }
    }

    /// A number as Excel shows it with `format` (`0.00`, `#,##0`, `0.00" %"`, `+0.00;-0.00;0.00`) in
    /// Italian: written here from the format, independently of the library.
    static func shown(_ value: Double, format: String) -> String {
        let sections = format.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        var section = sections[0]
        var magnitude = value
        if sections.count == 3 {
            section = value > 0 ? sections[0] : value < 0 ? sections[1] : sections[2]
            magnitude = abs(value)
        } else if sections.count == 2 && value < 0 {
            section = sections[1]
            magnitude = abs(value)
        }
        var prefix = ""
        if section.hasPrefix("+") || section.hasPrefix("-") { prefix = String(section.removeFirst()) }
        var suffix = ""
        if let quote = section.firstIndex(of: "\"") {
            suffix = section[quote...].replacingOccurrences(of: "\"", with: "")
            section = String(section[..<quote])
        }
        let places = section.split(separator: ".").dropFirst().first?.count ?? 0
        var text = halfUp(magnitude, places: places)
        if section.contains(",") {
            let parts = text.split(separator: ",", maxSplits: 1).map(String.init)
            let digits = parts[0].hasPrefix("-") ? String(parts[0].dropFirst()) : parts[0]
            var grouped = ""
            for (index, character) in digits.enumerated() {
                if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(".") }
                grouped.append(character)
            }
            text = (parts[0].hasPrefix("-") ? "-" : "") + grouped + (parts.count > 1 ? "," + parts[1] : "")
        }
        return prefix + text + suffix
    }

    @Test("wellbeing workbooks: one sheet per table of the view, named after it, header frozen, every cell as the page shows it, numbers at full precision")
    func wellbeingWorkbooks() async throws {
        try await withServer { fixture in
            for year in [2015, 2016] {
                var request = ImportRequest(file: Self.repository.appendingPathComponent("surveys/anac-2013/samples/limesurvey-\(year).csv").path,
                                            survey: "anac-2013", year: year)
                request.body = "alfa"
                _ = try request.run(into: fixture.store)
            }
            let json = try Self.cliJSON(["wellbeing"], store: fixture.store.path)
            let blocks = try #require((json["table"] as? [String: Any])?["blocks"] as? [[String: Any]])
            let queries = ["survey=anac-2013", "survey=anac-2013&view=sections", "survey=anac-2013&view=items", "survey=anac-2013&by=gender"]
            let downloads = try await fixture.application().test(.router) { client in
                var browser = Browser()
                try await browser.signIn(client, email: "reader@alfa.it")
                var downloads: [(html: String, workbook: Data)] = []
                for query in queries {
                    let page = try await browser.get(client, "/b/alfa/wellbeing?\(query)")
                    let download = try await browser.get(client, "/b/alfa/wellbeing?\(query)&format=xlsx")
                    #expect(page.status == .ok && download.status == .ok)
                    #expect(download.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                    downloads.append((String(buffer: page.body), Data(download.body.readableBytesView)))
                }
                return downloads
            }
            do {
                var numbers = 0, exact = 0
                for (query, download) in zip(queries, downloads) {
                    let page = try Self.tables(download.html)
                    let sheets = try Self.sheets(of: download.workbook, in: fixture.folder)
                    #expect(sheets.count == page.count && sheets.count > 1, "\(query): \(sheets.map(\.name)) vs \(page.map(\.caption))")
                    #expect(Set(sheets.map { $0.name.lowercased() }).count == sheets.count, "unique names")
                    for (sheet, table) in zip(sheets, page) {
                        #expect(sheet.name.unicodeScalars.count <= 31 && !sheet.name.contains(where: { "[]:*?/\\".contains($0) }))
                        if table.caption.unicodeScalars.count <= 31 { #expect(sheet.name == table.caption) } else {
                            #expect(table.caption.hasPrefix(sheet.name.components(separatedBy: " (").first!), "\(sheet.name)")
                        }
                        #expect(sheet.freeze == "A2", "\(sheet.name): header row frozen")
                        #expect(sheet.rows.count == table.rows.count, "\(sheet.name)")
                        for (cells, texts) in zip(sheet.rows, table.rows) {
                            for (index, text) in texts.enumerated() {
                                let cell = index < cells.count ? cells[index] : (value: nil, format: "General")
                                if let number = cell.value as? Double {
                                    #expect(Self.shown(number, format: cell.format) == text, "\(sheet.name) \(texts[0]) [\(index)]: \(number) \(cell.format)")
                                    numbers += 1
                                } else if let number = cell.value as? Int {
                                    #expect(Self.shown(Double(number), format: cell.format) == text, "\(sheet.name) \(texts[0]) [\(index)]")
                                    numbers += 1
                                } else {
                                    #expect((cell.value as? String ?? "") == text, "\(sheet.name) \(texts[0]) [\(index)]")
                                }
                            }
                        }
                    }
                    guard query == "survey=anac-2013" else { continue }
                    // The year-over-year sheets hold the JSON's means unrounded, not the two decimals shown.
                    for (block, sheet) in zip(blocks, sheets) where block["inSynthesis"] as? Bool == true {
                        let years = sheet.rows[0].map { $0.value as? String ?? "" }
                        for section in block["sections"] as! [[String: Any]] {
                            let label = "\(section["code"] as! String) \(section["title"] as! String)"
                            let row = try #require(sheet.rows.first { $0.first?.value as? String == label }, "\(label)")
                            for value in section["values"] as! [[String: Any]] {
                                let column = try #require(years.firstIndex(of: String(value["year"] as! Int)))
                                let mean = value["mean"] as! Double
                                // libxlsxwriter writes 16 significant digits: a round trip within 1e-15, not the 0,005 of two decimals.
                                let stored = try #require(row[column].value as? Double)
                                #expect(abs(stored - mean) <= 1e-15 * abs(mean), "\(label) \(value["year"]!): \(String(describing: row[column].value)) vs \(mean)")
                                exact += 1
                            }
                        }
                    }
                }
                // 14 sections in the synthesis blocks (9 + 3 + 2), two years each.
                #expect(numbers > 500 && exact == 28, "\(numbers) numbers, \(exact) means")
            }
        }
    }
}
