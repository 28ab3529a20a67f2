/// One service (or all services pooled) by year.
public struct ServiceSeries: Sendable, Equatable, Codable {
    /// The service's name; empty for all services pooled.
    public var service: String
    /// By year, in ``SatisfactionSeries/years`` order.
    public var values: [ServiceYear]
}
