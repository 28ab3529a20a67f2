import PolsoYAML
import Yams

/// A plan file as written: mappings with their keys in order, lists, and scalars as text.
///
/// It is the plan's document, not its model: texts stay exactly as the user wrote them (`33,34`,
/// `85 %`, `31/12/2022`), which is what the checks compare printed figures against. The
/// spreadsheet layout is a flattening of this tree, and ``yaml`` writes it back the way a
/// person writes a plan: two-space indentation, list items as `- key: value`, quotes only
/// where YAML needs them.
package indirect enum YAMLTree: Equatable, Sendable {
    case scalar(String)
    case mapping([Entry])
    case sequence([YAMLTree])

    /// One key of a mapping.
    package struct Entry: Equatable, Sendable {
        package var key: String
        package var value: YAMLTree

        package init(_ key: String, _ value: YAMLTree) {
            self.key = key
            self.value = value
        }
    }

    /// The tree of YAML `text`; null values (`key:`, `~`) are left out, as decoding does.
    package static func parse(_ text: String, file: String) throws(YAMLFileError) -> YAMLTree {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw YAMLFileError(file: file, line: 1, column: 1, keyPath: "", message: "the file is empty")
            }
            return try tree(node, file: file) ?? .mapping([])
        } catch let error as YAMLFileError {
            throw error
        } catch {
            throw YAMLFileError(file: file, line: nil, column: nil, keyPath: "", message: "YAML: \(error)")
        }
    }

    private static func tree(_ node: Node, file: String) throws -> YAMLTree? {
        switch node {
        case let .scalar(scalar):
            let isNull = scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
            return isNull ? nil : .scalar(scalar.string)
        case let .mapping(mapping):
            var entries: [Entry] = []
            for (key, value) in mapping {
                guard let keyText = key.scalar?.string else {
                    throw YAMLFileError(file: file, line: key.mark?.line, column: key.mark?.column, keyPath: "",
                                        message: "a key must be text")
                }
                if let child = try tree(value, file: file) { entries.append(Entry(keyText, child)) }
            }
            return .mapping(entries)
        case let .sequence(sequence):
            return .sequence(try sequence.compactMap { try tree($0, file: file) })
        case let .alias(alias):
            throw YAMLFileError(file: file, line: alias.mark?.line, column: alias.mark?.column, keyPath: "",
                                message: "YAML aliases (*\(alias.anchor)) are not supported in plans: write the value out")
        }
    }

    /// The value at `key` of a mapping.
    package subscript(key: String) -> YAMLTree? {
        guard case let .mapping(entries) = self else { return nil }
        return entries.first { $0.key == key }?.value
    }

    /// The scalar's text.
    package var text: String? {
        if case let .scalar(text) = self { return text }
        return nil
    }

    /// The document as YAML text, ending with a newline.
    package var yaml: String {
        var lines: [String] = []
        Self.emit(self, indent: 0, into: &lines)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func emit(_ tree: YAMLTree, indent: Int, into lines: inout [String]) {
        let pad = String(repeating: " ", count: indent)
        switch tree {
        case let .scalar(text):
            lines.append(pad + scalarText(text))
        case let .mapping(entries):
            for entry in entries { emit(entry, pad: pad, indent: indent, into: &lines) }
        case let .sequence(items):
            for item in items {
                switch item {
                case let .mapping(entries) where !entries.isEmpty:
                    var nested: [String] = []
                    for entry in entries { emit(entry, pad: pad + "  ", indent: indent + 2, into: &nested) }
                    nested[0] = pad + "- " + nested[0].dropFirst(indent + 2)
                    lines.append(contentsOf: nested)
                case let .scalar(text):
                    lines.append(pad + "- " + scalarText(text))
                default:
                    lines.append(pad + "- " + inline(item))
                }
            }
        }
    }

    private static func emit(_ entry: Entry, pad: String, indent: Int, into lines: inout [String]) {
        let key = scalarText(entry.key)
        switch entry.value {
        case let .scalar(text):
            lines.append(pad + key + ": " + scalarText(text))
        case let .mapping(entries) where !entries.isEmpty:
            lines.append(pad + key + ":")
            emit(entry.value, indent: indent + 2, into: &lines)
        case let .sequence(items) where !items.isEmpty:
            lines.append(pad + key + ":")
            emit(entry.value, indent: indent + 2, into: &lines)
        default:
            lines.append(pad + key + ": " + inline(entry.value))
        }
    }

    /// Empty collections, and collections inside lists of lists, in flow style.
    private static func inline(_ tree: YAMLTree) -> String {
        switch tree {
        case let .scalar(text): return YAMLText.quoted(text)
        case let .mapping(entries): return "{" + entries.map { YAMLText.quoted($0.key) + ": " + inline($0.value) }.joined(separator: ", ") + "}"
        case let .sequence(items): return "[" + items.map(inline).joined(separator: ", ") + "]"
        }
    }

    /// Plain when YAML reads the text back unchanged as text, else double-quoted.
    static func scalarText(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return "\"\"" }
        let indicators: Set<Unicode.Scalar> = ["-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "<", "=", "'", "\"", "%", "@", "`", " ", "\t"]
        let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"]
        let plainSafe = !indicators.contains(first) && last != " " && last != "\t" && last != ":"
            && !text.contains(": ") && !text.contains(" #") && !text.contains("\t")
            && !reserved.contains(text.lowercased())
            && text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F && !(0x80..<0xA0).contains($0.value) && $0.value != 0xFEFF && $0 != "\u{2028}" && $0 != "\u{2029}" }
        return plainSafe ? text : YAMLText.quoted(text)
    }
}
