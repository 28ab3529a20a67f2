import Foundation

/// The engines the store's tests run on (the store suite, the server's): every such test on both.
public enum StoreEngineKind: String, CustomStringConvertible, Sendable, CaseIterable {
    case sqlite
    case postgres

    public var description: String { rawValue }

    /// Both engines.
    public static let all: [StoreEngineKind] = allCases
}
