import ArgumentParser
import PolsoKit

/// A facade request whose options the argument parser checks before the command runs.
protocol ValidatedRequest {
    func validate() throws(PolsoError)
}

extension ValidatedRequest {
    /// The facade's check of the options, as the argument parser's usage error (status 2).
    func validateOptions() throws {
        do {
            try validate()
        } catch {
            throw ValidationError(error.message)
        }
    }
}

extension WellbeingRequest: ValidatedRequest {}
extension ImportRequest: ValidatedRequest {}
extension SatisfactionRequest: ValidatedRequest {}
extension BenchmarkRequest: ValidatedRequest {}
