import Foundation
import PolsoCSV

/// Reads one demographic cell: an option's text or one of its synonyms (in any language), its
/// 1-based number, or a LimeSurvey code `A<n>`.
struct DemographicParser {
    let question: DemographicQuestion
    private let options: [String: Int]
    private let missingWords: Set<String>

    init(question: DemographicQuestion, missingWords: [String]) {
        self.question = question
        var options: [String: Int] = [:]
        for (index, option) in question.options.enumerated() {
            options[TextKey.text(option)] = index
            for synonym in question.synonyms[index] { options[TextKey.text(synonym)] = index }
        }
        self.options = options
        self.missingWords = Set(missingWords.map(TextKey.text))
    }

    /// The code of a cell given as bytes, remembering the distinct cells already seen (a
    /// demographic column holds a handful of distinct values, so most cells are a cache hit).
    mutating func parse(_ bytes: UnsafeRawBufferPointer) -> UInt8? {
        if let code = seenCode(bytes) { return code }
        let code = parse(String(decoding: bytes, as: UTF8.self))
        if let code, seenCodes.count < 64 {
            seenBytes += bytes
            seenEnds.append(seenBytes.count)
            seenCodes.append(code)
        }
        return code
    }

    /// The same parser with the cells seen so far in storage of its own, for a session read on
    /// another thread: the two never share a reference count in the per-row lookup.
    func detached() -> DemographicParser {
        var copy = self
        copy.seenBytes = seenBytes.map { $0 }
        copy.seenEnds = seenEnds.map { $0 }
        copy.seenCodes = seenCodes.map { $0 }
        return copy
    }

    /// The cells seen, laid end to end (cell `i` ends at `seenEnds[i]`), and their codes: flat
    /// arrays, so that a lookup touches no reference count.
    private var seenBytes: [UInt8] = []
    private var seenEnds: [Int] = []
    private var seenCodes: [UInt8] = []

    private func seenCode(_ bytes: UnsafeRawBufferPointer) -> UInt8? {
        seenBytes.withUnsafeBytes { seen in
            var start = 0
            for (index, end) in seenEnds.enumerated() {
                if end - start == bytes.count && (bytes.isEmpty || memcmp(seen.baseAddress! + start, bytes.baseAddress!, bytes.count) == 0) {
                    return seenCodes[index]
                }
                start = end
            }
            return nil
        }
    }

    /// 0 for missing, else the option's 1-based position; `nil` when the cell is no option.
    func parse(_ raw: String) -> UInt8? {
        let key = TextKey.text(raw)
        if key.isEmpty || missingWords.contains(key) { return 0 }
        if let index = options[key] { return UInt8(index + 1) }
        let upper = raw.trimmingWhitespace().uppercased()
        for prefix in ["AO", "A", ""] where upper.hasPrefix(prefix) {
            if let position = Int(upper.dropFirst(prefix.count)), position >= 1, position <= question.options.count {
                return UInt8(position)
            }
        }
        return nil
    }
}
