#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether a file is read in parts, one per core (issue 15), or in one piece.
///
/// Only a regular file that is not hashed while read can be read in parts; standard input, a
/// pipe, and an import that records the file's SHA-256 are read in one piece whatever is asked.
package enum CSVSplit: Sendable, Equatable {
    /// `POLSO_CSV_PARTS` when set (1 for one piece, N for N parts whatever the size); else one
    /// part per core for a file of at least ``threshold`` bytes, one piece below.
    case automatic
    /// `count` parts of about equal size, each starting at the first likely record boundary after
    /// its nominal start (``RecordBoundary``); 1 reads in one piece.
    case parts(Int)
    /// Parts starting exactly at these byte offsets (tests): a part that does not start at a record
    /// boundary is read again by the reader of the part before it.
    case offsets([Int])

    /// Below this size a file is read in one piece: the whole reading takes under about 30 ms
    /// (8 MiB at the 250–300 MB/s of one core), so the few milliseconds a second core could save
    /// are lost in the process's start, and a file this size is a survey of under about 40,000
    /// respondents for 40 items.
    package static let threshold = 8 << 20
    /// The environment variable that forces a number of parts (benchmarks, tests through the CLI).
    package static let variable = "POLSO_CSV_PARTS"
    /// The most parts a file is read in.
    package static let maximumParts = 64

    /// The parts' start offsets (after the first part, which starts at 0) in a file of `size`
    /// bytes; empty to read it in one piece.
    /// - Throws: ``CSVError`` for a `POLSO_CSV_PARTS` that is not a number of parts.
    func starts(size: Int, path: String, delimiter: UInt8, firstRecord: Int) throws -> [Int] {
        var count: Int
        switch self {
        case let .offsets(offsets):
            return Array(Set(offsets.filter { $0 > firstRecord && $0 < size })).sorted()
        case let .parts(parts):
            count = parts
        case .automatic:
            if let text = getenv(Self.variable).map({ String(cString: $0) }), !text.isEmpty {
                guard let parts = Int(text), (1...Self.maximumParts).contains(parts) else {
                    throw CSVError(file: path, line: 0, column: 0, kind: .unreadable(
                        "\(Self.variable) is '\(text)': it must be a number of parts from 1 to \(Self.maximumParts), or unset to choose by the file's size"))
                }
                count = parts
            } else {
                count = size >= Self.threshold ? Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) : 1
            }
        }
        count = min(max(count, 1), Self.maximumParts)
        guard count > 1 else { return [] }
        var starts: [Int] = []
        for part in 1..<count {
            let nominal = max(firstRecord, size / count * part)
            let limit = part + 1 < count ? size / count * (part + 1) : size
            guard nominal > (starts.last ?? 0), nominal < limit,
                  let start = RecordBoundary.guess(after: nominal, before: limit, inFile: path, delimiter: delimiter) else { continue }
            starts.append(start)
        }
        return starts
    }
}
