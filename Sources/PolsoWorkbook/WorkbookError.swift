/// A workbook that cannot be read, naming the file and, where it helps, the part or cell at fault.
package struct WorkbookError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    package enum Kind: Sendable, Equatable {
        /// The ZIP container is damaged or truncated.
        case damaged(String)
        /// A ZIP archive without `xl/workbook.xml`: not an Excel workbook.
        case notAWorkbook(String)
        /// An OLE2 compound document: an old binary Excel file (`.xls`), or a password-protected
        /// workbook (Excel encrypts `.xlsx` files into the same container).
        case legacyExcel
        /// An OpenDocument spreadsheet (`.ods`).
        case openDocument
        /// A part decompresses to more than the limit, or its ZIP header declares it would
        /// (`declared` is then the size declared, else `nil`).
        case tooLarge(part: String, limit: Int, declared: UInt64?)
        /// A part that the workbook names is absent.
        case missingPart(String)
        /// A part is not well-formed XML, or holds something a sheet cannot hold.
        case malformed(part: String, detail: String)
        /// `--sheet` names no sheet of the workbook.
        case unknownSheet(name: String, available: [String])
        /// `--sheet` matches several sheets once letter case is ignored, and none exactly.
        case ambiguousSheet(name: String, matches: [String])
        /// The sheet is a chart sheet or a dialog, not a table of cells.
        case notATable(String)
    }

    /// The file's path as given.
    package var file: String
    /// What went wrong.
    package var kind: Kind

    /// An error about `file`.
    package init(file: String, kind: Kind) {
        self.file = file
        self.kind = kind
    }

    /// `file: message`, saying what to do.
    package var description: String {
        switch kind {
        case let .damaged(detail):
            return "\(file): an Excel workbook (ZIP container) that is damaged or truncated: \(detail); download or save it again"
        case let .notAWorkbook(detail):
            return "\(file): a ZIP archive, not an Excel workbook (\(detail)); import the .xlsx workbook or a CSV export"
        case .legacyExcel:
            return "\(file): an old binary Excel file (.xls) or a password-protected workbook, which Polso does not read; open it in Excel or LibreOffice, remove any password, and save it as .xlsx (Excel Workbook) or as CSV UTF-8"
        case .openDocument:
            return "\(file): an OpenDocument spreadsheet (.ods), which Polso does not read; in LibreOffice save it as .xlsx (Excel 2007-365) or as CSV (UTF-8)"
        case let .tooLarge(part, limit, declared):
            let size = ByteCountText.text(limit)
            if let declared {
                return "\(file): the workbook part \(part) declares \(declared) bytes once decompressed, over the limit of \(size): refused without decompressing it (a damaged file or a zip bomb); if the sheet is genuine, export the responses as CSV"
            }
            return "\(file): the workbook part \(part) decompresses to more than \(size), the limit, although its ZIP header declares less: reading stopped (a damaged file or a zip bomb); if the sheet is genuine, export the responses as CSV"
        case let .missingPart(part):
            return "\(file): the workbook lacks its part \(part); save it again from the spreadsheet program"
        case let .malformed(part, detail):
            return "\(file): the workbook part \(part) is not readable: \(detail); save it again from the spreadsheet program"
        case let .unknownSheet(name, available):
            return "\(file): no sheet is named '\(name)'; the workbook's sheets: \(available.map { "'\($0)'" }.joined(separator: ", "))"
        case let .ambiguousSheet(name, matches):
            return "\(file): '\(name)' names several sheets when letter case is ignored: \(matches.map { "'\($0)'" }.joined(separator: ", ")); give the name exactly"
        case let .notATable(name):
            return "\(file): the sheet '\(name)' is a chart or dialog sheet, not a table of cells; choose another with --sheet"
        }
    }
}
