import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Receives the elements of one workbook part; element and attribute names arrive without their
/// namespace prefix (`x:row` and `row` are the same), as writers differ in prefixes.
class PartHandler: NSObject, XMLParserDelegate {
    /// Set by a subclass to stop the parse with this error.
    var stopError: Error?
    /// Element nesting depth; the part is complete only once its root element has closed (the
    /// parser runs in recovery mode and says nothing about a document cut short).
    private var depth = 0
    private(set) var rootClosed = false

    func start(_ name: Substring, attributes: Attributes) {}
    func end(_ name: Substring) {}
    func characters(_ text: String) {}

    final func stop(_ parser: XMLParser, _ error: Error) {
        if stopError == nil { stopError = error }
        parser.abortParsing()
    }

    final func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                      qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        guard stopError == nil else { return }
        depth += 1
        start(Self.localName(elementName), attributes: Attributes(dictionary: attributeDict))
        if let stopError { stop(parser, stopError) }
    }

    final func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard stopError == nil else { return }
        depth -= 1
        if depth == 0 { rootClosed = true }
        end(Self.localName(elementName))
        if let stopError { stop(parser, stopError) }
    }

    final func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard stopError == nil else { return }
        characters(string)
    }

    final func parser(_ parser: XMLParser, foundIgnorableWhitespace whitespaceString: String) {
        guard stopError == nil else { return }
        characters(whitespaceString)
    }

    final func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard stopError == nil else { return }
        characters(String(decoding: CDATABlock, as: UTF8.self))
    }

    private static func localName(_ name: String) -> Substring {
        guard let colon = name.lastIndex(of: ":") else { return name[...] }
        return name[name.index(after: colon)...]
    }
}

/// An element's attributes, looked up by local name (`id` finds `r:id`).
struct Attributes {
    let dictionary: [String: String]

    subscript(_ name: String) -> String? {
        if let value = dictionary[name] { return value }
        return dictionary.first { key, _ in key.hasSuffix(":" + name) }?.value
    }
}

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
