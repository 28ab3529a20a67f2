/// How one item's raw answers become scores: reversal on its own scale (``Scale/reversed(_:)``),
/// then the rescaling onto the common scale, if any.
struct ItemScoring: Sendable {
    let scale: Scale
    let reversed: Bool
    let rescale: Rescale?

    @inline(__always)
    func point(_ raw: Int) -> Int { reversed ? scale.reversed(raw) : raw }

    @inline(__always)
    func score(_ raw: Int) -> Double {
        let value = Double(point(raw))
        return rescale?.apply(value, from: Double(scale.min)...Double(scale.max)) ?? value
    }

    /// The scale the scores are on.
    var range: ClosedRange<Double> { rescale?.to ?? Double(scale.min)...Double(scale.max) }
}
