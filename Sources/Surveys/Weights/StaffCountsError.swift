import PolsoCSV

/// A weights file that cannot be used, located.
public struct StaffCountsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file.
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column and its name, when one is at fault.
    public var column: (number: Int, name: String)?
    /// The value at fault.
    public var value: String?
    /// What is wrong and what to do.
    public var problem: String

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.description == rhs.description
    }

    /// `file:line:column (name): 'value': problem`.
    public var description: String {
        var text = "\(file):\(line)"
        if let column { text += ":\(column.number) (\(column.name))" }
        if let value { text += ": '\(value)'" }
        return text + ": " + problem
    }
}
