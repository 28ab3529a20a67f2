import Foundation

/// A YAML file that cannot be used, located as precisely as the problem allows.
package struct YAMLFileError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file's path as given.
    package var file: String
    /// 1-based line, when known.
    package var line: Int?
    /// 1-based column, when known.
    package var column: Int?
    /// The key path at fault, e.g. `blocks[2].sections[0].items[3].code`; empty for the whole file.
    package var keyPath: String
    /// What is wrong and what was expected.
    package var message: String

    /// Creates an error.
    package init(file: String, line: Int?, column: Int?, keyPath: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.message = message
    }

    /// `file:line:column: key 'a.b': message`.
    package var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let column { text += ":\(column)" }
        text += ": "
        if !keyPath.isEmpty { text += "key '\(keyPath)': " }
        return text + message
    }
}
