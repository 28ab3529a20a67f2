import Foundation
import Yams

/// Decodes the YAML files that users write (codebooks, performance plans) with errors that
/// name the file, the line and column, and the key at fault.
package enum YAMLFile {
    /// Reads and decodes the file at `path`.
    package static func load<T: Decodable>(_ type: T.Type, path: String) throws -> T {
        try decode(type, from: try readText(path: path), file: path)
    }

    /// The file's text.
    package static func readText(path: String) throws(YAMLFileError) -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw YAMLFileError(file: path, line: nil, column: nil, keyPath: "",
                                message: "cannot read the file as UTF-8 text (\(error.localizedDescription))")
        }
    }

    /// Decodes YAML `text`; `file` names it in errors; `userInfo` reaches every nested decoder.
    package static func decode<T: Decodable>(_ type: T.Type, from text: String, file: String,
                                            userInfo: [CodingUserInfoKey: Any] = [:]) throws -> T {
        let root: Node
        do {
            guard let composed = try Yams.compose(yaml: text) else {
                throw YAMLFileError(file: file, line: 1, column: 1, keyPath: "", message: "the file is empty")
            }
            root = composed
        } catch let error as YAMLFileError {
            throw error
        } catch let error as YamlError {
            throw syntaxError(error, file: file)
        }
        do {
            return try YAMLDecoder().decode(type, from: root, userInfo: userInfo)
        } catch let error as DecodingError {
            throw locate(error, in: root, file: file)
        } catch let error as YAMLFileError {
            throw error
        } catch {
            throw YAMLFileError(file: file, line: nil, column: nil, keyPath: "", message: "\(error)")
        }
    }

    private static func syntaxError(_ error: YamlError, file: String) -> YAMLFileError {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return YAMLFileError(file: file, line: mark.line, column: mark.column, keyPath: "",
                                 message: "YAML syntax: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return YAMLFileError(file: file, line: context.mark.line, column: context.mark.column, keyPath: "",
                                 message: "duplicated keys \(duplicates.joined(separator: ", "))")
        default:
            return YAMLFileError(file: file, line: nil, column: nil, keyPath: "", message: "YAML: \(error)")
        }
    }

    private static func locate(_ error: DecodingError, in root: Node, file: String) -> YAMLFileError {
        let path: [any CodingKey]
        let message: String
        switch error {
        case let .keyNotFound(key, context):
            path = context.codingPath
            message = "missing required key '\(key.stringValue)'"
        case let .typeMismatch(type, context):
            path = context.codingPath
            message = "expected \(describe(type)): \(context.debugDescription)"
        case let .valueNotFound(type, context):
            path = context.codingPath
            message = "expected \(describe(type)), found nothing"
        case let .dataCorrupted(context):
            path = context.codingPath
            message = context.debugDescription
        @unknown default:
            path = []
            message = "\(error)"
        }
        let node = YAMLKeyPath.node(at: path, in: root)
        let mark = node?.mark ?? root.mark
        let keyPath = YAMLKeyPath.render(path)
        return YAMLFileError(file: file, line: mark?.line, column: mark?.column, keyPath: keyPath, message: message)
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text"
        case is Int.Type: return "a whole number"
        case is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") { return "a mapping" }
            return name
        }
    }
}

extension YAMLFile {
    /// YAML text for a value (used for files Polso writes itself, such as pushed values).
    package static func encode<T: Encodable>(_ value: T) throws -> String {
        try YAMLEncoder().encode(value)
    }
}
