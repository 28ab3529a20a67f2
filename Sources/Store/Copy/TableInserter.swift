/// Writes rows into one table of a ``TableSession`` (batched statements into SQLite, COPY into PostgreSQL).
package protocol TableInserter {
    /// Writes one row, values in the inserter's column order.
    func insert(_ row: [TableValue]) throws
    /// Writes what is still buffered; the inserter is not used after.
    func finish() throws
}
