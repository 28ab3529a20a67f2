/// Means of means, as the ANAC reports compute them: a section mean (*media dell'ambito*) is the
/// plain mean of its item means, and a block's MEDIA the plain mean of its section means. The
/// synthesis ratio (*rapporto sull'anno precedente*) divides two MEDIA (``YearOverYear``).
enum MeanOfMeans {
    /// The plain mean of the values that exist; `nil` when none does.
    static func of(_ values: [Double?]) -> Double? {
        let present = values.compactMap { $0 }
        guard !present.isEmpty else { return nil }
        return present.reduce(0, +) / Double(present.count)
    }
}
