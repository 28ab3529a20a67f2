import Foundation

/// The chance that two respondents of a file answered alike (every answer and demographic option
/// the same), estimated from the file's own rows as the larger of two estimates:
///
/// - field by field, as if answers were independent: the product over the fields of the sum of
///   the squared shares of each value, `Π Σ p²` (few rows already tell a long questionnaire from
///   chance);
/// - row by row: the share of pairs of different respondents whose rows are identical,
///   `Σ c(c − 1) / (n(n − 1))` over the distinct rows (catches respondents who answer in blocks,
///   where the fields are not independent).
///
/// With one respondent, or everyone answering alike, the chance is 1: nothing can be told.
package struct AnswerChance {
    /// The chance for the respondents of an import, read back from the store, with their
    /// fingerprints in file order.
    static func of(_ db: any ImportTransaction, importId: Int64, wave: Int64, fingerprints: [UInt64]) throws -> Double {
        var tally = AnswerChance()
        try db.respondentRows(importId: importId, wave: wave) { answers, demographics in
            tally.add(answers: answers, demographics: demographics)
        }
        return tally.chance(fingerprints: fingerprints)
    }

    private var counts: [UInt32] = []
    private var fields = 0
    /// The rows added.
    package private(set) var rows = 0

    package init() {}

    /// Adds one respondent's stored codes.
    package mutating func add(answers: UnsafeBufferPointer<UInt8>, demographics: UnsafeBufferPointer<UInt8>) {
        if rows == 0 {
            fields = answers.count + demographics.count
            counts = [UInt32](repeating: 0, count: fields * 256)
        }
        guard answers.count + demographics.count == fields else { return }
        rows += 1
        counts.withUnsafeMutableBufferPointer { counts in
            for (field, value) in answers.enumerated() { counts[field &* 256 &+ Int(value)] &+= 1 }
            for (offset, value) in demographics.enumerated() { counts[(answers.count &+ offset) &* 256 &+ Int(value)] &+= 1 }
        }
    }

    /// The chance, given the rows' fingerprints (``RowFingerprint``) for the row-by-row estimate.
    package func chance(fingerprints: [UInt64]) -> Double {
        guard rows >= 2 else { return 1 }
        let total = Double(rows)
        var product = 1.0
        for field in 0..<fields {
            var sum = 0.0
            for value in 0..<256 where counts[field * 256 + value] > 0 {
                let share = Double(counts[field * 256 + value]) / total
                sum += share * share
            }
            product *= sum
        }
        let sorted = fingerprints.sorted()
        var pairs = 0.0
        var run = 1
        for index in 1...sorted.count {
            if index < sorted.count && sorted[index] == sorted[index - 1] {
                run += 1
            } else {
                pairs += Double(run) * Double(run - 1)
                run = 1
            }
        }
        let alike = pairs / (Double(sorted.count) * Double(sorted.count - 1))
        return max(product, alike)
    }
}
