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

/// A dry run of a large file tallies each part of it on its own core, then adds the tallies.
extension WaveTally: MergeableSink {
    /// An empty tally of the layout's codebook.
    package static func part(for layout: ResponseLayout) -> WaveTally { WaveTally(codebook: layout.codebook) }

    /// Adds the part's counts (lines play no part in them).
    package mutating func append(_ part: WaveTally, lineOffset: Int) -> Bool { append(part) }
}

/// A dry run of a large satisfaction export tallies each part of it on its own core.
extension ServiceTallies: MergeableSink {
    /// Empty tallies of the layout's codebook (a satisfaction codebook, as the tallies being merged into).
    package static func part(for layout: ResponseLayout) -> ServiceTallies { ServiceTallies(codebook: layout.codebook)! }

    /// Adds the part's counts (lines play no part in them).
    package mutating func append(_ part: ServiceTallies, lineOffset: Int) -> Bool { append(part) }
}
