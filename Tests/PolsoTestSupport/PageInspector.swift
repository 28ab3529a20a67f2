import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An HTML page read back as XML (the pages are well-formed): its elements with their attributes and
/// text, to check what a browser would see rather than searching the markup for strings.
public struct PageInspector {
    public struct Element {
        public var name: String
        public var attributes: [String: String]
        /// The text directly and indirectly inside the element.
        public var text: String
    }

    public private(set) var elements: [Element] = []
    /// All the page's text, as a browser would display it (entities decoded).
    public private(set) var text = ""

    /// Reads `html`; throws when the markup is not well formed (a broken attribute or tag).
    public init(_ html: String) throws {
        let delegate = Collector()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = delegate
        guard parser.parse() else {
            throw InspectionError(message: "not well formed: \(parser.parserError.map { "\($0)" } ?? "?") at line \(parser.lineNumber)")
        }
        elements = delegate.finished
        text = delegate.allText
    }

    public struct InspectionError: Error, CustomStringConvertible { public var message: String; public var description: String { message } }

    /// The elements named `name`.
    public func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    /// Every attribute value of every element, with its element and attribute names.
    public var attributes: [(element: String, name: String, value: String)] {
        elements.flatMap { element in element.attributes.map { (element.name, $0.key, $0.value) } }
    }

    /// The rows of the table whose caption is `caption`: each row's cells' text.
    public func rows(ofTableCaptioned caption: String) -> [[String]] {
        guard let index = elements.firstIndex(where: { $0.name == "caption" && $0.text == caption }) else { return [] }
        // Elements are recorded as they close: a table's rows and cells close before the table itself.
        var rows: [[String]] = []
        var cells: [String] = []
        for element in elements[index...] {
            if element.name == "td" || element.name == "th" { cells.append(element.text) }
            if element.name == "tr" { rows.append(cells); cells = [] }
            if element.name == "table" { break }
        }
        return rows
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var open: [Element] = []
        var finished: [Element] = []
        var allText = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            open.append(Element(name: name, attributes: attributes, text: ""))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            allText += string
            for index in open.indices { open[index].text += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if let element = open.popLast() { finished.append(element) }
        }
    }
}
