/// A sink whose responses can be gathered in parts and merged in file order: what an import
/// that reads a large file in parts, one per core, needs (the tallies of a dry run).
package protocol MergeableSink: ResponseSink {
    /// An empty sink for the responses of one part of the file (its ``ResponseSink/begin(_:)``
    /// is not called: the layout is the one given here).
    static func part(for layout: ResponseLayout) -> Self

    /// Adds the responses of `part`, which come after this sink's, as if they had been added
    /// here one by one. The part's ``ResponseRow/line``s were counted from 1 within it: the
    /// file's line is `lineOffset` more. Returns `false`, having changed nothing, when it cannot
    /// (the file is then read on in one piece).
    mutating func append(_ part: Self, lineOffset: Int) -> Bool
}
