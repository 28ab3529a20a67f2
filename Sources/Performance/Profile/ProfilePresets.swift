extension MeasurementProfile {
    /// The names of the presets, in the order the documentation lists them.
    package static let presetNames = ["standard", "tno", "massa-carrara", "pistoia", "pisa", "lucca", "piano-indicatori"]

    /// A named starting point for a profile, taken from the measurement systems of the source
    /// reports (see docs/plans.md); a plan can change any key after choosing one.
    ///
    /// - `standard`: higher `min(v/t, 1)`, lower `inverse`, `=` ratio, late dates 0 %, n.d.
    ///   excluded, capped, weighted sum at every level, no bands, 2 decimals.
    /// - `tno`: `standard`, but a strategic objective blends its own indicators 100 % and its
    ///   operational objectives 0 % (Toscana Nord-Ovest 2022).
    /// - `massa-carrara`: `standard`, but a strategic objective blends 60 % indicators and 40 %
    ///   operational objectives.
    /// - `pistoia`: `standard` with 0 decimals and bands `< 70` non raggiunto, `70 ≤ a < 80`
    ///   parzialmente raggiunto, `≥ 80` raggiunto.
    /// - `pisa`: `standard` with the weighted mean `Σ(w·a)/Σw` and bands `> 90` Eccellente,
    ///   `80 < a ≤ 90` Più che adeguato, `70 < a ≤ 80` Pienamente adeguato, `60 ≤ a ≤ 70` Non
    ///   pienamente adeguato, `< 60` Non adeguato.
    /// - `lucca`: `standard` with the plain mean at every level.
    /// - `piano-indicatori`: `standard` with lower-is-better `complement` (`max(0, 2 − v/t)`).
    package static func preset(named name: String) -> MeasurementProfile? {
        switch name {
        case "standard":
            return MeasurementProfile()
        case "tno":
            return MeasurementProfile(preset: name, rollUp: RollUpRules(byKind: [
                .strategic: .blend(BlendRule(indicators: PrintedNumber(100), objectives: PrintedNumber(0))),
            ]))
        case "massa-carrara":
            return MeasurementProfile(preset: name, rollUp: RollUpRules(byKind: [
                .strategic: .blend(BlendRule(indicators: PrintedNumber(60), objectives: PrintedNumber(40))),
            ]))
        case "pistoia":
            return MeasurementProfile(preset: name, bands: pistoiaBands, decimals: 0)
        case "pisa":
            return MeasurementProfile(preset: name, rollUp: RollUpRules(standard: .combine(.weightedMean)), bands: pisaBands)
        case "lucca":
            return MeasurementProfile(preset: name, rollUp: RollUpRules(standard: .combine(.mean)))
        case "piano-indicatori":
            return MeasurementProfile(preset: name, lowerIsBetter: .complement)
        default:
            return nil
        }
    }

    private static func edge(_ value: Int, inclusive: Bool) -> BandEdge {
        BandEdge(PrintedNumber(value), inclusive: inclusive)
    }

    // The preset scales are fixed, non-overlapping literals: `try!` cannot fail.
    private static let pistoiaBands = try! BandScale([
        Band(label: "non raggiunto", upper: edge(70, inclusive: false)),
        Band(label: "parzialmente raggiunto", lower: edge(70, inclusive: true), upper: edge(80, inclusive: false)),
        Band(label: "raggiunto", lower: edge(80, inclusive: true)),
    ])

    private static let pisaBands = try! BandScale([
        Band(label: "Non adeguato", upper: edge(60, inclusive: false)),
        Band(label: "Non pienamente adeguato", lower: edge(60, inclusive: true), upper: edge(70, inclusive: true)),
        Band(label: "Pienamente adeguato", lower: edge(70, inclusive: false), upper: edge(80, inclusive: true)),
        Band(label: "Più che adeguato", lower: edge(80, inclusive: false), upper: edge(90, inclusive: true)),
        Band(label: "Eccellente", lower: edge(90, inclusive: false)),
    ])
}
