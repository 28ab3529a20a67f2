import Statistics
import Surveys

/// A dry-run import aggregates straight into a tally instead of the store.
extension WaveTally: ResponseSink {
    /// Nothing to prepare: the tally was sized from the codebook.
    package mutating func begin(_ layout: ResponseLayout) throws {}

    /// Counts the response.
    package mutating func add(_ response: ResponseRow) throws {
        add(answers: UnsafeRawBufferPointer(response.answers))
    }
}

/// A dry-run import of a satisfaction export aggregates straight into per-service tallies.
extension ServiceTallies: ResponseSink {
    /// Nothing to prepare: the tallies were sized from the codebook.
    package mutating func begin(_ layout: ResponseLayout) throws {}

    /// Counts the response under its service.
    package mutating func add(_ response: ResponseRow) throws {
        add(answers: UnsafeRawBufferPointer(response.answers), demographics: UnsafeRawBufferPointer(response.demographics))
    }
}
