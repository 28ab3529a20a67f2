/// An engine whose tables ``StoreCopy`` can read and write, table by table.
package protocol StoreTables {
    /// Runs `body` on a consistent snapshot of the store (one read transaction).
    func readingTables<T>(_ body: (any TableSession) throws -> T) throws -> T
    /// Runs `body` in one write transaction under the store's writer lock: committed when it
    /// returns, rolled back when it throws or the connection dies. A failure's message names
    /// `operation` and says that nothing was stored.
    func writingTables<T>(operation: String, _ body: (any TableSession) throws -> T) throws -> T
}
