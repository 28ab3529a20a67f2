import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

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
