import Statistics
import Surveys

/// A dry-run import aggregates straight into a tally instead of the store.
extension WaveTally: ResponseSink {
    public mutating func begin(_ layout: ResponseLayout) throws {}

    public mutating func add(_ response: ResponseRow) throws {
        add(answers: UnsafeRawBufferPointer(response.answers))
    }
}
