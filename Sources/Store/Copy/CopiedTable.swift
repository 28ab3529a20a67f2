/// One table as ``StoreCopy`` copied it: its rows, their text and binary bytes, and the content
/// digest found equal on both sides.
public struct CopiedTable: Sendable, Equatable {
    /// The table's name.
    public var name: String
    /// Rows copied.
    public var rows: Int
    /// Bytes of text and binary values copied (answers, demographics, codebooks, names…).
    public var bytes: Int
    /// The SHA-256 of the table's rows in key order (``TableDigest``), the same read back from the destination.
    public var digest: String
}
