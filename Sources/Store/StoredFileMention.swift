/// How an import's refusals name a stored file: in full, or, when it is another body's and the
/// importer may not see that body's waves (``OtherBodies/withheld``), only as another body's.
package struct StoredFileMention {
    /// The body the file is being imported into.
    var body: String
    var otherBodies: OtherBodies

    /// Whether `wave` is another body's that the refusal must not name.
    func hides(_ wave: WaveName) -> Bool {
        otherBodies == .withheld && wave.body != nil && wave.body != body
    }

    /// `sat-2023.csv (wave …, imported …)`, or `a file of another body`.
    func name(_ file: StoredFile) -> String {
        hides(file.wave) ? "a file of another body" : file.description
    }

    /// The command that removes `wave`, or who can remove another body's wave.
    func removal(of wave: WaveName) -> String {
        hides(wave) ? "that body's analysts or the network's administrator can; only they see its waves" : wave.removeCommand
    }
}
