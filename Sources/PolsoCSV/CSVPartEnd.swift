/// How the reading of one part of a file ended (``CSVPart``, or the first part read by
/// ``CSVReader``): what the merge of the parts needs to give the same lines, blank-line count
/// and verdict as one reading of the whole file.
package struct CSVPartEnd: Sendable, Equatable {
    /// The part ended between two records, with libcsv outside any field: the next part began
    /// where a reading of the whole file begins a record.
    package var atRecordBoundary = false
    /// Nothing was met that only a reading of the whole file can judge or locate: no error, no
    /// NUL byte, no byte that is not in the encoding the part was read in (for an encoding left to
    /// detection, no byte that is not UTF-8).
    package var clean = false
    /// Physical lines the part holds (the line the next part starts on, minus one).
    package var lines = 0
    /// Records the part holds.
    package var records = 0
    /// Blank lines before the part's first record (all of them when it holds no record).
    package var leadingBlankLines = 0
    /// Blank lines between two records of the part.
    package var blankLinesBetweenRecords = 0
    /// Blank lines after the part's last record.
    package var trailingBlankLines = 0

    /// A part that cannot be merged.
    package static let unusable = CSVPartEnd()

    /// Stops the reading of a part that cannot be merged.
    struct Unusable: Error {}

    package init() {}

    init(state: ParseState, atRecordBoundary: Bool, clean: Bool) {
        self.atRecordBoundary = atRecordBoundary && !state.inRecord
        self.clean = clean && state.error == nil
        lines = state.line - 1
        records = state.recordIndex
        leadingBlankLines = state.leadingBlankLines
        blankLinesBetweenRecords = state.blankLinesBetweenRecords
        trailingBlankLines = state.pendingBlankLines
    }

    /// The blank lines between records of the parts read one after another, as one reading of
    /// their bytes counts them (blank lines before the first record and after the last are not).
    package static func blankLinesBetweenRecords(_ parts: [CSVPartEnd]) -> Int {
        var total = 0
        var pending = 0
        var sawRecord = false
        for part in parts {
            guard part.records > 0 else {
                pending += part.leadingBlankLines
                continue
            }
            if sawRecord { total += pending + part.leadingBlankLines }
            total += part.blankLinesBetweenRecords
            pending = part.trailingBlankLines
            sawRecord = true
        }
        return total
    }
}
