/// The tables of one store inside one transaction, engine-neutral: what ``StoreCopy`` reads from
/// the source (a consistent snapshot) and writes into the destination (all or nothing).
package protocol TableSession {
    /// The store's tables, without the engine's own bookkeeping (GRDB's or PostgreSQL's list of
    /// applied migrations, which each engine writes for itself).
    func tables() throws -> [String]
    /// The columns of `table`, in the table's order.
    func columns(of table: String) throws -> [String]
    /// The number of rows of `table`.
    func count(_ table: String) throws -> Int
    /// Calls `body` with every row of `table` (values in `columns` order), ordered by `key`
    /// ascending, nulls first, text by bytes: the same order on both engines. Rows are read in
    /// batches, so memory stays flat whatever the table's size.
    func forEachRow(_ table: String, columns: [String], key: [String], _ body: ([TableValue]) throws -> Void) throws
    /// Deletes every row of `table`.
    func deleteAll(_ table: String) throws
    /// A writer of rows into `table`, values in `columns` order.
    func inserter(_ table: String, columns: [String]) throws -> any TableInserter
    /// Moves the counter that numbers new rows of `table` past its largest `id` (PostgreSQL's
    /// identity sequences; SQLite numbers from the largest id already).
    func advanceCounter(_ table: String) throws
}
