import Dispatch
import Statistics

/// Adds respondents to a ``WellbeingCovariation`` on a second core while the calling thread reads
/// the store and adds them to the other figures (``WellbeingAccumulator/addIndexes(answers:weight:)``).
///
/// The respondents' answer bytes are copied into a batch; a full batch goes to the other core
/// while the next fills, so at most two batches exist (``batchRows`` rows each). The covariation
/// takes the respondents in the order they were read, one batch after the other, so its figures
/// are those of adding them one by one on one thread.
package final class CovariationWorker: @unchecked Sendable {
    /// Respondents per batch, by default.
    package static let batchRows = 16_384
    private let batchLength: Int
    // Touched by the other core only between `submit`'s dispatch and the group's wait, which
    // orders every access.
    private var covariation: WellbeingCovariation
    private var working: [UInt8] = []
    private var filling: [UInt8] = []
    private let rowLength: Int
    private let group = DispatchGroup()

    /// A worker for rows of `rowLength` answer bytes (the codebook's items), `batchRows` a batch.
    init(_ covariation: WellbeingCovariation, rowLength: Int, batchRows: Int = batchRows) {
        precondition(batchRows > 0)
        self.covariation = covariation
        self.rowLength = rowLength
        batchLength = batchRows * rowLength
        filling.reserveCapacity(batchLength)
    }

    /// Adds one respondent's answer bytes (`rowLength` of them).
    func add(_ answers: UnsafeRawBufferPointer) {
        precondition(answers.count == rowLength, "answer row of \(answers.count) bytes for \(rowLength) items")
        filling.append(contentsOf: answers)
        if filling.count == batchLength { submit() }
    }

    /// The covariation of every respondent added, once the other core is done.
    func finish() -> WellbeingCovariation {
        if !filling.isEmpty { submit() }
        group.wait()
        return covariation
    }

    private func submit() {
        group.wait()
        swap(&working, &filling)
        filling.removeAll(keepingCapacity: true)
        DispatchQueue.global().async(group: group) { self.addWorking() }
    }

    private func addWorking() {
        let length = rowLength
        working.withUnsafeBytes { rows in
            for start in stride(from: 0, to: rows.count, by: length) {
                covariation.add(answers: UnsafeRawBufferPointer(rebasing: rows[start..<(start + length)]))
            }
        }
    }
}
