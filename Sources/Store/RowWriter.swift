/// Writes an import's respondent rows into its engine's `respondent` table, in file order.
package protocol RowWriter: AnyObject {
    /// Writes one respondent.
    func write(line: Int, answers: UnsafeBufferPointer<UInt8>, demographics: UnsafeBufferPointer<UInt8>,
                        responseId: UnsafeRawBufferPointer) throws
    /// Ends the rows: everything written is in the table (of the open transaction) when it returns.
    func finish() throws
}
