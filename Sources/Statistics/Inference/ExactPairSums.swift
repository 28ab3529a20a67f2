/// The unweighted pairwise sums of ``ItemCoMoments`` over a run of respondents, kept as small
/// integers eight lanes at a time, for items whose scores are small integers (the 1–6 ANAC scale,
/// reversed or not).
///
/// Unweighted, every term ``ItemCoMoments`` adds is an integer (a count, a score, a product of
/// two scores), so each of its `Double` sums is an integer below 2⁵³ and exact: adding the same
/// terms as integers and converting once gives the same `Double`, bit for bit, in any grouping.
/// A lane holds at most ``flushEvery`` respondents' terms, each at most the largest score squared
/// in magnitude, so it never overflows before ``ItemCoMoments`` drains it into its sums.
struct ExactPairSums: Sendable, Equatable {
    /// Number of items.
    let items: Int
    /// Vectors of eight lanes per row (items padded to a multiple of eight).
    private let width: Int
    /// The largest score in magnitude that the lanes take.
    private let largest: Int16
    /// Respondents whose terms the lanes may hold before they are drained.
    let flushEvery: Int
    /// Respondents added since the last drain.
    private(set) var pending = 0
    /// Four planes of `items × width` vectors (respondents who answered both items, Σ xᵢ, Σ xⱼ,
    /// Σ xᵢxⱼ; row i, lane j; only j ≥ i is read), then this respondent's answered flags and scores.
    private var lanes: [SIMD8<Int16>]

    /// Lanes for `items` items whose scores are integers of magnitude at most `largestScore`;
    /// `nil` when that is too large for 16-bit lanes to hold a useful run of respondents.
    init?(items: Int, largestScore: Int) {
        let square = max(1, largestScore * largestScore)
        guard items > 0, largestScore >= 0, square <= Int(Int16.max) / 64 else { return nil }
        self.items = items
        width = (items + 7) / 8
        largest = Int16(largestScore)
        flushEvery = Int(Int16.max) / square
        lanes = Array(repeating: SIMD8(), count: (4 * items + 2) * width)
    }

    /// Adds one respondent (`values[i]` is its score of item i when `answered[i]`), unless a
    /// score is not an integer within the lanes' range: then nothing is added and it returns false.
    mutating func add(values: UnsafeBufferPointer<Double>, answered: UnsafeBufferPointer<Bool>) -> Bool {
        let k = items, width = width, largest = Double(largest)
        let plane = k * width
        let ok = lanes.withUnsafeMutableBufferPointer { lanes -> Bool in
            let row = 4 * plane
            for i in 0..<k {
                var flag: Int16 = 0, score: Int16 = 0
                if answered[i] {
                    let value = values[i]
                    guard value.magnitude <= largest, value.rounded(.towardZero) == value else { return false }
                    flag = 1
                    score = Int16(value)
                }
                lanes[row + (i >> 3)][i & 7] = flag
                lanes[row + width + (i >> 3)][i & 7] = score
            }
            for i in 0..<k where answered[i] {
                let x = SIMD8<Int16>(repeating: lanes[row + width + (i >> 3)][i & 7])
                // Vectors left of the diagonal's are skipped; the lanes left of it within its
                // vector take terms that are never read.
                for c in (i >> 3)..<width {
                    let a = lanes[row + c], v = lanes[row + width + c]
                    let cell = i * width + c
                    lanes[cell] &+= a
                    lanes[plane + cell] &+= a &* x
                    lanes[2 * plane + cell] &+= v
                    lanes[3 * plane + cell] &+= v &* x
                }
            }
            return true
        }
        if ok { pending += 1 }
        return ok
    }

    /// Adds the lanes into `sums` (``ItemCoMoments``' layout: per pair i ≤ j, row-major over the
    /// k × k grid, the four sums side by side) and empties them.
    mutating func drain(into sums: inout [Double]) {
        guard pending > 0 else { return }
        let k = items, width = width, plane = k * width
        for i in 0..<k {
            for j in i..<k {
                let cell = i * width + (j >> 3), lane = j & 7
                let target = (i * k + j) * 4
                for part in 0..<4 { sums[target + part] += Double(lanes[part * plane + cell][lane]) }
            }
        }
        for index in 0..<(4 * plane) { lanes[index] = SIMD8() }
        pending = 0
    }
}
