import Foundation
import ZIPFoundation

/// The sample exports and plans compiled into the binary (``BundledSampleArchive``, written by
/// `surveys/embed.py`), so that `polso demo` runs from any folder, with nothing installed beside
/// the binary.
package enum BundledSamples {
    /// Every bundled file's bytes by its repository path (`surveys/anac-2013/samples/limesurvey-2014.csv`,
    /// `reports/pistoia-2016/plan.yaml`).
    /// - Throws: ``PolsoError`` when the archive compiled in is unreadable (a damaged binary).
    package static func files() throws(PolsoError) -> [String: Data] {
        guard let data = Data(base64Encoded: BundledSampleArchive.base64, options: .ignoreUnknownCharacters) else {
            throw PolsoError("the samples built into this polso binary are damaged (not base64): rebuild it", kind: .badInput)
        }
        do {
            let archive = try Archive(data: data, accessMode: .read)
            var files: [String: Data] = [:]
            for entry in archive where entry.type == .file {
                var bytes = Data()
                _ = try archive.extract(entry) { bytes.append($0) }
                files[entry.path] = bytes
            }
            return files
        } catch {
            throw PolsoError("the samples built into this polso binary are damaged (\(error)): rebuild it", kind: .badInput)
        }
    }
}
