/// A wave as messages name it: `anac-2013 2016`, `anac-2013 2016 unit 'Ragioneria'`, and in a
/// store of several bodies `anac-2013 2016 of body 'cciaa-pistoia'`.
package struct WaveName: CustomStringConvertible {
    var instrument: String
    var year: Int
    var unit: String
    /// The body's code, named only when the store holds several.
    var body: String?

    /// The wave of an instrument, year and unit (and body, named in a store of several).
    package init(instrument: String, year: Int, unit: String, body: String? = nil) {
        self.instrument = instrument
        self.year = year
        self.unit = unit
        self.body = body
    }

    package var description: String {
        "\(instrument) \(year)" + (unit.isEmpty ? "" : " unit '\(unit)'") + (body.map { " of body '\($0)'" } ?? "")
    }

    /// The command that removes the wave.
    package var removeCommand: String {
        "polso waves remove --survey \(instrument) --year \(year)" + (unit.isEmpty ? "" : " --unit '\(unit)'") + (body.map { " --body \($0)" } ?? "")
    }
}
