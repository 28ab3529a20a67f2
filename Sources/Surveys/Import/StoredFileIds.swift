/// The respondent ids of one stored file, each with its position among the file's stored
/// respondents (which finds its content fingerprint) and its line in the file, loaded once per
/// import into the same compact form as the new file's ids (``ResponseIdIndex``), for both
/// checks: an id already in the wave, and a respondent already in another wave.
package struct StoredFileIds: Sendable {
    /// Position by id.
    private var positions = ResponseIdIndex()
    /// Line by position (positions only grow: unit steps while lines do too).
    private var lines = AscendingIds()
    /// The stored respondents, with an id or not.
    package private(set) var respondents = 0

    package init() {}

    /// Adds the next stored respondent: its id (nil or empty when it has none) and line.
    package mutating func add(_ id: UnsafeRawBufferPointer?, line: Int) {
        let position = Int32(truncatingIfNeeded: respondents)
        respondents += 1
        guard let id, !id.isEmpty else { return }
        // A store edited by hand may repeat an id within a file: the first one counts.
        guard positions.insert(id, tag: position) == nil else { return }
        lines.append(UInt64(position), tag: Int32(truncatingIfNeeded: line))
    }

    /// The position and line of `id`, if the file holds it.
    package func find(_ id: UnsafeRawBufferPointer) -> (position: Int, line: Int)? {
        guard let position = positions.tag(of: id), let line = lines.tag(of: UInt64(position)) else { return nil }
        return (Int(position), Int(line))
    }
}
