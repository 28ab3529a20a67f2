import Foundation

/// What `polso store copy` did: every table copied and verified, and how long it took.
public struct StoreCopySummary: Sendable, Equatable {
    /// The source store, as messages name it (no password).
    public var source: String
    /// The destination store, as messages name it (no password).
    public var destination: String
    /// The tables, parents before children.
    public var tables: [CopiedTable]
    /// Seconds from opening the source to the commit.
    public var seconds: TimeInterval

    /// Rows over every table.
    public var rows: Int { tables.reduce(0) { $0 + $1.rows } }
    /// Text and binary bytes over every table.
    public var bytes: Int { tables.reduce(0) { $0 + $1.bytes } }
}
