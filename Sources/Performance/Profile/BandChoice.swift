/// Which band scale judges a level.
public enum BandChoice: Sendable, Equatable {
    /// No verbal judgement.
    case none
    /// The profile's scale of that name (`bands` is the profile's default scale).
    case named(String)
}
