import PolsoCSV
import PolsoWorkbook
import PolsoYAML
import Store
import SurveyMetrics
import Surveys

/// The one error the library's operations throw: what went wrong, where, and what to do.
///
/// Every error of the modules below (reader, workbook, YAML, store, codebooks, staff counts, survey data)
/// becomes one of these in ``PolsoError/init(_:)``, so a front end maps a single type to its
/// messages and statuses (the CLI: exit status 1).
public struct PolsoError: Error, CustomStringConvertible, Sendable {
    /// What kind of failure, for a front end that answers differently (an HTTP status, say).
    public enum Kind: Sendable, Equatable {
        /// An input file or option is wrong: a CSV, workbook, YAML, codebook or plan.
        case badInput
        /// An option's value is outside what the operation accepts (the CLI: a usage error, status 2).
        case usage
        /// The store cannot be opened, is not Polso's, or a stored record is damaged.
        case store
        /// The store lacks the survey data asked for (a wave, a unit, a block…).
        case missingData
        /// An output could not be written.
        case output
        /// The operation ran and found problems to report (`plan check`).
        case checkFailed
    }

    /// The kind of failure.
    public var kind: Kind
    /// The complete message, with file, line, column, value and advice where they apply.
    public var message: String

    /// An error with a complete message.
    public init(_ message: String, kind: Kind = .badInput) {
        self.message = message
        self.kind = kind
    }

    /// The message.
    public var description: String { message }

    /// The library's error as a ``PolsoError``, or `nil` for an error the library does not raise
    /// (a programming error or the argument parser's own).
    public init?(_ error: any Error) {
        switch error {
        case let error as PolsoError: self = error
        case let error as ImportFailure: self.init(error.description)
        case let error as CSVError: self.init(error.description)
        case let error as WorkbookError: self.init(error.description)
        case let error as YAMLFileError: self.init(error.description)
        case let error as CodebookDraftError: self.init(error.description)
        case let error as StaffCountsError: self.init(error.description)
        case let error as StoreError: self.init(error.message, kind: .store)
        case let error as CodebookLookupError: self.init(error.message)
        case let error as SurveyDataError: self.init(error.message, kind: .missingData)
        default: return nil
        }
    }

    /// Runs `body`, turning the library's errors into ``PolsoError``; any other error passes unchanged.
    public static func catching<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw PolsoError(error) ?? error
        }
    }
}
