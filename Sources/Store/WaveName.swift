/// A wave as messages name it: `anac-2013 2016`, `anac-2013 2016 unit 'Ragioneria'`.
struct WaveName: CustomStringConvertible {
    var instrument: String
    var year: Int
    var unit: String

    var description: String {
        "\(instrument) \(year)" + (unit.isEmpty ? "" : " unit '\(unit)'")
    }

    /// The command that removes the wave.
    var removeCommand: String {
        "polso waves remove --survey \(instrument) --year \(year)" + (unit.isEmpty ? "" : " --unit '\(unit)'")
    }
}
