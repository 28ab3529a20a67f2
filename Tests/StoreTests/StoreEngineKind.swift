import Foundation

/// The engines the store suite runs on, every test on both (``PostgresTestServer``).
enum StoreEngineKind: String, CustomStringConvertible, Sendable, CaseIterable {
    case sqlite
    case postgres

    var description: String { rawValue }

    /// Both engines.
    static let all: [StoreEngineKind] = allCases
}
