/// The stored years a `--years` selection shows.
enum YearChoice {
    /// The stored years in `selection` (all without one).
    /// - Throws: ``PolsoError`` when the selection holds no stored year.
    static func shown(stored: [Int], selection: Set<Int>?) throws(PolsoError) -> [Int] {
        guard let selection else { return stored }
        let shown = stored.filter { selection.contains($0) }
        guard !shown.isEmpty else {
            throw PolsoError("no stored year in \(selection.sorted().map(String.init).joined(separator: ", ")); stored: \(stored.map(String.init).joined(separator: ", "))",
                             kind: .missingData)
        }
        return shown
    }
}
