/// Respondent ids already stored in the wave an import appends to, with where each came from.
package struct StoredResponseIds: Sendable {
    /// Where an id was stored: the file (index in ``files``) and its line there.
    package struct Location: Sendable, Equatable {
        package var file: Int
        package var line: Int
        package init(file: Int, line: Int) {
            self.file = file
            self.line = line
        }
    }

    /// The wave, as the refusal names it (`anac-2013 2016 (whole body)`).
    package var wave: String
    /// The files imported into it.
    package var files: [String]
    /// The ids of each file, in the order of ``files``.
    package var ids: [StoredFileIds]

    /// Stored ids of a wave: the files' names and, in the same order, their ids.
    package init(wave: String, files: [String], ids: [StoredFileIds]) {
        precondition(files.count == ids.count, "one set of ids per file")
        self.wave = wave
        self.files = files
        self.ids = ids
    }

    /// Where `id` is stored, in the first file that holds it.
    package func location(of id: UnsafeRawBufferPointer) -> Location? {
        for (file, ids) in ids.enumerated() {
            if let found = ids.find(id) { return Location(file: file, line: found.line) }
        }
        return nil
    }
}
