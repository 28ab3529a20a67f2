import Foundation
import GRDB
import PolsoTestSupport
import Store
import Surveys

/// A store in a temporary folder, with the small test codebook.
struct StoreBench {
    let folder: TemporaryFolder
    let store: SurveyStore
    let fixture = SurveyFixture.small

    init(_ folder: TemporaryFolder) throws {
        self.folder = folder
        store = try SurveyStore(path: folder.path("polso.sqlite"))
    }

    /// Writes `name` with `lines` joined by line feeds (each line a record).
    @discardableResult
    func write(_ name: String, lines: [String]) throws -> String {
        try folder.write(name, text: lines.map { $0 + "\n" }.joined())
    }

    /// Imports the file at `path` into `year` with the small codebook (or `fixture`'s).
    @discardableResult
    func importFile(_ path: String, year: Int, unit: String = "", staff: Int? = nil, fixture: SurveyFixture? = nil,
                    appending: Bool = false, options: ImportOptions = ImportOptions(), body: String = Body.localCode) throws -> ImportSummary {
        let fixture = fixture ?? self.fixture
        return try store.importFile(path: path, codebook: fixture.codebook, codebookSource: fixture.codebookSource,
                                    into: WaveKey(body: body, year: year, unit: unit, staff: staff), appending: appending, options: options)
    }

    /// Writes the small fixture as a LimeSurvey export named `name` and imports it into `year`.
    @discardableResult
    func importSample(_ name: String = "limesurvey.csv", year: Int, unit: String = "", staff: Int? = nil) throws -> String {
        let path = try folder.write(name, bytes: ExportShape.limeSurveyCodes.bytes(for: fixture))
        try importFile(path, year: year, unit: unit, staff: staff)
        return path
    }

    /// The answer and demographic bytes of the wave of `year`, in import order.
    func responses(year: Int, in store: SurveyStore? = nil) throws -> (answers: [[UInt8]], demographics: [[UInt8]]) {
        let store = store ?? self.store
        guard let wave = try store.waves(body: Body.localCode).first(where: { $0.year == year }) else { return ([], []) }
        var answers: [[UInt8]] = []
        var demographics: [[UInt8]] = []
        try store.forEachResponse(waves: [wave.id]) { answerBytes, demographicBytes in
            answers.append(Array(answerBytes))
            demographics.append(Array(demographicBytes))
        }
        return (answers, demographics)
    }

    /// Every row of every table, read through a connection of our own (not the store's).
    func snapshot() throws -> [String: [String]] {
        try DatabaseQueue(path: store.path).read { db in
            var tables: [String: [String]] = [:]
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") {
                tables[table] = try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\" ORDER BY rowid").map(\.description)
            }
            return tables
        }
    }

    /// `SELECT COUNT(*) FROM table [WHERE …]` on a connection of our own.
    func count(_ table: String, where condition: String = "1", _ arguments: StatementArguments = []) throws -> Int {
        try DatabaseQueue(path: store.path).read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \"\(table)\" WHERE \(condition)", arguments: arguments) ?? -1
        }
    }
}

/// The error `body` throws, as text; `nil` (and a recorded issue) when it throws none.
func errorText(_ body: () throws -> Void) -> String? {
    do {
        try body()
        return nil
    } catch {
        return String(describing: error)
    }
}
