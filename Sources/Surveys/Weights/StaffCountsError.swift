import PolsoCSV

/// A weights file that cannot be used, located.
package struct StaffCountsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file.
    package var file: String
    /// 1-based line.
    package var line: Int
    /// 1-based column and its name, when one is at fault.
    package var column: (number: Int, name: String)?
    /// The value at fault.
    package var value: String?
    /// What is wrong and what to do.
    package var problem: String

    package static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.description == rhs.description
    }

    /// `file:line:column (name): 'value': problem`.
    package var description: String {
        var text = "\(file):\(line)"
        if let column { text += ":\(column.number) (\(column.name))" }
        if let value { text += ": '\(value)'" }
        return text + ": " + problem
    }
}
