import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Parses one part of an open workbook archive with Foundation's `XMLParser`, streaming.
struct PartParser {
    let archive: Archive
    let file: String

    /// Whether the archive holds `part`.
    func contains(_ part: String) -> Bool { archive[part] != nil }

    /// Streams `part` through `handler`.
    /// - Throws: ``WorkbookError`` for a missing part, a part over `limit`, a damaged archive or
    ///   malformed XML; or the error the handler stopped with.
    /// `onRead` is called on this thread with the count of decompressed bytes parsed so far.
    func parse(_ part: String, limit: Int, into handler: PartHandler, onRead: ((Int) -> Void)? = nil) throws {
        guard let entry = archive[part] else { throw WorkbookError(file: file, kind: .missingPart(part)) }
        let stream = try PartStream(archive: archive, entry: entry, part: part, file: file, limit: limit)
        stream.onRead = onRead
        let parser = XMLParser(stream: stream)
        parser.delegate = handler
        parser.shouldResolveExternalEntities = false
        let parsed = parser.parse()
        // Stop the decompressing thread first: its errors (size limit, CRC) explain a bad parse.
        if let failure = stream.finishReading() { throw failure }
        if let stopError = handler.stopError { throw stopError }
        if !parsed || parser.parserError != nil {
            let position = parser.lineNumber > 0 ? " at line \(parser.lineNumber), column \(parser.columnNumber)" : ""
            throw WorkbookError(file: file, kind: .malformed(part: part, detail: "not well-formed XML\(position)"))
        }
        if !handler.rootClosed {
            throw WorkbookError(file: file, kind: .malformed(part: part, detail: "the XML ends before its last element closes (truncated)"))
        }
    }
}
