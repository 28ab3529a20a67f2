/// The difference of two independent proportions with Newcombe's hybrid score interval (his method
/// 10, from the two Wilson intervals), in the same unit as the proportions given.
enum NewcombeInterval {
    /// The interval of p₁ − p₀, in percentage points; `nil` when a group is empty.
    static func percentPoints(successes1: Int, n1: Int, successes0: Int, n0: Int) -> ClosedInterval? {
        guard let w1 = WilsonInterval.of(successes: successes1, n: n1), let w0 = WilsonInterval.of(successes: successes0, n: n0) else {
            return nil
        }
        let p1 = Double(successes1) / Double(n1)
        let p0 = Double(successes0) / Double(n0)
        let d = p1 - p0
        let lower = d - ((p1 - w1.lower) * (p1 - w1.lower) + (w0.upper - p0) * (w0.upper - p0)).squareRoot()
        let upper = d + ((w1.upper - p1) * (w1.upper - p1) + (p0 - w0.lower) * (p0 - w0.lower)).squareRoot()
        return ClosedInterval(lower: lower * 100, upper: upper * 100)
    }
}
