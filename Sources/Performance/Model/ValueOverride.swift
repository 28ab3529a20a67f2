/// A manual value that replaces the measured one. It must carry a written justification, and it
/// stays visible in every output next to the measured value.
public struct ValueOverride: Sendable, Equatable {
    /// The value set by hand.
    public let value: MeasuredValue
    /// Why, in words.
    public let justification: String

    /// A value override; throws ``OverrideError/missingJustification`` when the justification is blank.
    package init(value: MeasuredValue, justification: String) throws(OverrideError) {
        self.justification = try OverrideError.requireJustification(justification)
        self.value = value
    }
}
