import Foundation
import PolsoCSV
import ZIPFoundation

/// Reads one sheet of an `.xlsx` workbook as records, like ``PolsoCSV/CSVReader`` reads a CSV file.
///
/// The sheet's XML is decompressed and parsed as a stream, so memory does not grow with the
/// number of rows; the shared strings are held in memory, bounded by
/// ``WorkbookLimits/sharedStringsBytes``. Each record holds the cells' texts as the user sees
/// them (shared and inline strings, numbers in shortest form, dates in ISO form, booleans as
/// `TRUE`/`FALSE`, error values such as `#N/A`), from column `A` to the row's last non-empty cell,
/// and at least as many fields as the first record (the header). Rows with no text are skipped.
/// A record's ``PolsoCSV/CSVRecord/line`` is its sheet row number.
package final class WorkbookReader {
    /// The file's name in messages: its path as given, or the name given for a copy.
    package let path: String
    /// Every sheet's name, in tab order.
    package let sheetNames: [String]
    /// The sheet being read.
    package let sheetName: String
    /// The file's size in bytes.
    package let byteCount: Int
    /// Rows with no text (or absent) between records in the last ``forEachRecord(progress:_:)``.
    package private(set) var blankRowsBetweenRecords = 0

    private let archive: Archive
    private let limits: WorkbookLimits
    private let sheetPart: String
    private let relationships: RelationshipsHandler
    private let uses1904: Bool

    /// Opens the workbook at `path` and finds the sheet: `sheet` by name, else the first visible one.
    /// - Parameter name: the name messages give the file, when `path` is a copy of it (standard
    ///   input spooled to a temporary file); `path` by default.
    /// - Throws: ``WorkbookError`` for a damaged archive, an OpenDocument spreadsheet or other
    ///   ZIP archive, a missing or malformed part, or an unknown sheet name.
    package init(path file: String, name: String? = nil, sheet: String? = nil, limits: WorkbookLimits = WorkbookLimits()) throws {
        let path = name ?? file
        self.path = path
        self.limits = limits
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? nil
        byteCount = size ?? 0
        do {
            archive = try Archive(url: URL(fileURLWithPath: file), accessMode: .read)
        } catch {
            throw WorkbookError(file: path, kind: .damaged("its ZIP directory is missing or unreadable"))
        }
        let parts = PartParser(archive: archive, file: path)
        // The package's root relationships name the workbook part; nearly always xl/workbook.xml.
        var workbookPart = "xl/workbook.xml"
        if parts.contains("_rels/.rels") {
            let root = RelationshipsHandler(folder: "")
            try parts.parse("_rels/.rels", limit: limits.otherPartBytes, into: root)
            if let named = root.target(ofType: "officeDocument"), parts.contains(named) { workbookPart = named }
        }
        guard parts.contains(workbookPart) else {
            if parts.contains("content.xml") && parts.contains("mimetype") {
                throw WorkbookError(file: path, kind: .openDocument)
            }
            throw WorkbookError(file: path, kind: .notAWorkbook("it has no xl/workbook.xml"))
        }
        let workbook = WorkbookPartHandler()
        try parts.parse(workbookPart, limit: limits.otherPartBytes, into: workbook)
        guard workbook.isWorkbook else {
            throw WorkbookError(file: path, kind: .notAWorkbook("its main part \(workbookPart) is no workbook: a Word or PowerPoint file?"))
        }
        let folder = workbookPart.split(separator: "/").dropLast().joined(separator: "/")
        let fileName = workbookPart.split(separator: "/").last.map(String.init) ?? workbookPart
        let relationshipsPart = (folder.isEmpty ? "" : folder + "/") + "_rels/" + fileName + ".rels"
        let relationships = RelationshipsHandler(folder: folder)
        try parts.parse(relationshipsPart, limit: limits.otherPartBytes, into: relationships)
        self.relationships = relationships
        uses1904 = workbook.uses1904
        sheetNames = workbook.sheets.map(\.name)
        guard !workbook.sheets.isEmpty else {
            throw WorkbookError(file: path, kind: .malformed(part: workbookPart, detail: "it lists no sheet"))
        }
        let chosen: WorkbookPartHandler.Sheet
        if let sheet {
            let folded = workbook.sheets.filter { $0.name.lowercased() == sheet.lowercased() }
            if folded.count > 1 && !folded.contains(where: { $0.name == sheet }) {
                throw WorkbookError(file: path, kind: .ambiguousSheet(name: sheet, matches: folded.map(\.name)))
            }
            guard let named = workbook.sheets.first(where: { $0.name == sheet }) ?? (folded.count == 1 ? folded[0] : nil) else {
                throw WorkbookError(file: path, kind: .unknownSheet(name: sheet, available: sheetNames))
            }
            chosen = named
        } else {
            chosen = workbook.sheets.first { !$0.hidden } ?? workbook.sheets[0]
        }
        sheetName = chosen.name
        guard let target = relationships.relationships[chosen.relationship] else {
            throw WorkbookError(file: path, kind: .malformed(part: relationshipsPart,
                                                             detail: "no relationship '\(chosen.relationship)' for the sheet '\(chosen.name)'"))
        }
        guard target.type.hasSuffix("/worksheet") else { throw WorkbookError(file: path, kind: .notATable(chosen.name)) }
        sheetPart = target.target
    }

    /// Reads every record of the sheet, header included, in order.
    ///
    /// - Parameters:
    ///   - progress: called with the decompressed bytes of the sheet parsed so far and the total.
    ///   - body: called once per record; the record is valid only during the call. An error thrown
    ///     here stops the reading and is rethrown.
    package func forEachRecord(progress: ((Int, Int) -> Void)? = nil, _ body: (CSVRecord) throws -> Void) throws {
        var builder = RecordBuilder()
        var blankRows = 0
        defer { blankRowsBetweenRecords = blankRows }
        try withoutActuallyEscaping(body) { body in
            try parseSheet(numberFormats: false, progress: progress) { row, cells, _ in
                guard !cells.isEmpty else { return }
                if let previous = builder.lastRow { blankRows += row - previous - 1 }
                try builder.deliver(row: row, cells: cells, body)
            }
        }
    }

    /// Reads every non-empty row of the sheet as typed cells (texts as ``forEachRecord(progress:_:)``
    /// gives them, with each number cell's format), header included; `row` is the sheet row number.
    package func forEachTypedRow(_ body: (_ row: Int, _ cells: [WorkbookCell]) throws -> Void) throws {
        try withoutActuallyEscaping(body) { body in
            try parseSheet(numberFormats: true, progress: nil) { row, cells, formats in
                guard !cells.isEmpty else { return }
                try body(row, cells.indices.map { WorkbookCell(text: cells[$0], number: $0 < formats.count ? formats[$0] : nil) })
            }
        }
    }

    private func parseSheet(numberFormats: Bool, progress: ((Int, Int) -> Void)?,
                            _ onRow: @escaping (_ row: Int, _ cells: [String], _ formats: [NumberFormat?]) throws -> Void) throws {
        let parts = PartParser(archive: archive, file: path)
        var sharedStrings: [String] = []
        if let part = relationships.target(ofType: "sharedStrings"), parts.contains(part) {
            let handler = SharedStringsHandler()
            try parts.parse(part, limit: limits.sharedStringsBytes, into: handler)
            sharedStrings = handler.strings
        }
        var styles: [NumberStyle] = []
        var formats: [NumberFormat] = []
        if let part = relationships.target(ofType: "styles"), parts.contains(part) {
            let handler = StylesHandler()
            try parts.parse(part, limit: limits.otherPartBytes, into: handler)
            styles = handler.styles
            formats = handler.numberFormats
        }
        let total = Int(clamping: archive[sheetPart]?.uncompressedSize ?? 0)
        let handler = SheetHandler(sheet: sheetName, file: path, part: sheetPart, sharedStrings: sharedStrings,
                                   styles: styles, uses1904: uses1904, numberFormats: numberFormats ? formats : nil, onRow: onRow)
        try parts.parse(sheetPart, limit: limits.sheetBytes, into: handler, onRead: { progress?($0, total) })
        if !handler.sawSheetData {
            throw WorkbookError(file: path, kind: .malformed(part: sheetPart, detail: "it has no sheetData element"))
        }
    }
}

/// Lays a row's texts out as one ``PolsoCSV/CSVRecord``: UTF-8 bytes end to end in a reused buffer.
private struct RecordBuilder {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    private var width: Int?
    private var index = 0
    private(set) var lastRow: Int?

    mutating func deliver(row: Int, cells: [String], _ body: (CSVRecord) throws -> Void) throws {
        let count = max(cells.count, width ?? 0)
        if width == nil { width = cells.count }
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        for field in 0..<count {
            if field < cells.count { bytes.append(contentsOf: cells[field].utf8) }
            ends.append(bytes.count)
        }
        lastRow = row
        let number = index
        index += 1
        try bytes.withUnsafeBytes { base in
            try ends.withUnsafeBufferPointer { ends in
                try body(CSVRecord(index: number, line: row, count: count, base: base.baseAddress, ends: ends.baseAddress!))
            }
        }
    }
}
