/// How much a workbook may decompress to before it is refused.
///
/// An `.xlsx` file is a ZIP archive whose parts can be made to decompress a thousand times larger
/// than they are on disk. Every part is checked twice: against the size its ZIP header declares,
/// before any byte is decompressed, and against the bytes actually produced, while streaming.
package struct WorkbookLimits: Sendable, Equatable {
    /// The most bytes one sheet's XML may decompress to. The sheet is streamed, so this bounds
    /// reading time, not memory.
    package var sheetBytes: Int
    /// The most bytes the shared-strings part may decompress to. Its strings are held in memory
    /// while the sheet is read, so this bounds memory.
    package var sharedStringsBytes: Int
    /// The most bytes any other part (workbook, relationships, styles) may decompress to.
    package var otherPartBytes: Int

    /// The defaults: 1 GiB of sheet XML (several hundred thousand respondents of a long
    /// questionnaire), 256 MiB of shared strings, 16 MiB for the other parts.
    package init(sheetBytes: Int = 1 << 30, sharedStringsBytes: Int = 256 << 20, otherPartBytes: Int = 16 << 20) {
        self.sheetBytes = sheetBytes
        self.sharedStringsBytes = sharedStringsBytes
        self.otherPartBytes = otherPartBytes
    }
}
