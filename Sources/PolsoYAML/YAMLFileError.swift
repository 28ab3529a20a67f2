import Foundation

/// A YAML file that cannot be used, located as precisely as the problem allows.
public struct YAMLFileError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file's path as given.
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column, when known.
    public var column: Int?
    /// The key path at fault, e.g. `blocks[2].sections[0].items[3].code`; empty for the whole file.
    public var keyPath: String
    /// What is wrong and what was expected.
    public var message: String

    /// Creates an error.
    public init(file: String, line: Int?, column: Int?, keyPath: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.message = message
    }

    /// `file:line:column: key 'a.b': message`.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let column { text += ":\(column)" }
        text += ": "
        if !keyPath.isEmpty { text += "key '\(keyPath)': " }
        return text + message
    }
}
