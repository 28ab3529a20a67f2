/// What a ``DemoRequest`` wrote.
public struct DemoOutcome: Sendable {
    /// The demo's folder, as the request named it.
    public var folder: String
    /// The HTML report of each bundled plan, in the demo's order.
    public var reports: [String]
}
