import Foundation
import Surveys

/// The respondents stored in any wave of a survey, by respondent id and content fingerprint, and
/// the new file's respondents found among them.
///
/// Many tools number responses from 1 in every new survey (LimeSurvey, Microsoft Forms), and
/// people number paper forms P1, P2… every year, so the same short id in another wave is not by
/// itself the same respondent: the 2015 export's id 7 is not the 2014 one. Such an id is a repeat
/// when its answers are the same too, and the file is refused when its repeats are beyond
/// coincidence: at least that many matches, among the ids stored, would arise by chance less
/// than once in a million (``Coincidence``). An id of ``uniqueIdLength`` characters or more (a
/// UUID, a Qualtrics `R_…` id) names one response only: stored in another wave, it is a repeat
/// whatever its answers. Within one wave an id alone is enough (checked by the importer, with
/// `--append`).
struct StoredRespondents {
    /// Where a respondent is stored: the file (index in ``files``) and its line there.
    struct Location: Equatable {
        var file: Int
        var line: Int
    }

    /// A repeated respondent: its line and id in the new file and where it is stored.
    struct Repeat: Equatable {
        var line: Int
        var id: String
        var stored: Location
        /// Whether the stored respondent gave the same answers (always, but for a unique id).
        var sameAnswers: Bool
    }

    /// The stored files with respondent ids.
    let files: [StoredFile]
    /// Their ids, in the order of ``files`` (``StoredFileIds``).
    private let ids: [StoredFileIds]

    /// The new file's respondents with a short id stored in the survey.
    private(set) var shortIdsStored = 0
    /// Those of them stored with the same answers.
    private(set) var shortRepeats = 0
    /// The new file's respondents with a unique id (``uniqueIdLength``) stored in the survey.
    private(set) var uniqueRepeats = 0
    /// The first repeats, in file order.
    private(set) var repeats: [Repeat] = []
    /// How many repeats a refusal lists.
    static let listed = 5
    /// The length from which an id is taken to name one response only.
    static let uniqueIdLength = 16

    /// The new file's respondents whose id is stored in the survey.
    var idsStored: Int { shortIdsStored + uniqueRepeats }
    /// Its repeated respondents.
    var repeatCount: Int { shortRepeats + uniqueRepeats }

    /// The respondents of `files` that have respondent ids, their ids read by `ids` (each file
    /// read once for both checks of an import: ``StoredFileIds``).
    init(files: [StoredFile], ids: (StoredFile) throws -> StoredFileIds) throws {
        var kept: [StoredFile] = []
        var keptIds: [StoredFileIds] = []
        for file in files where file.hasIds {
            let fileIds = try ids(file)
            // Fingerprints and respondents are both in file order; a store edited by hand is skipped.
            guard fileIds.respondents == file.fingerprints.count else { continue }
            kept.append(file)
            keptIds.append(fileIds)
        }
        self.files = kept
        self.ids = keptIds
    }

    /// Whether any respondent id is stored at all (else nothing needs checking).
    var isEmpty: Bool { files.isEmpty }

    /// Checks one respondent of the new file, its id given as UTF-8 bytes.
    mutating func check(id bytes: UnsafeRawBufferPointer, fingerprint: UInt64, line: Int) {
        // The first file holding the id, and the first holding it with the same answers.
        var first: Location?
        var same: Location?
        for (index, fileIds) in ids.enumerated() {
            guard let found = fileIds.find(bytes) else { continue }
            let location = Location(file: index, line: found.line)
            if first == nil { first = location }
            if files[index].fingerprints[found.position] == fingerprint {
                same = location
                break
            }
        }
        guard let first else { return }
        if bytes.count >= Self.uniqueIdLength {
            uniqueRepeats += 1
            if repeats.count < Self.listed { repeats.append(Repeat(line: line, id: String(decoding: bytes, as: UTF8.self), stored: same ?? first, sameAnswers: same != nil)) }
            return
        }
        shortIdsStored += 1
        guard let same else { return }
        shortRepeats += 1
        if repeats.count < Self.listed { repeats.append(Repeat(line: line, id: String(decoding: bytes, as: UTF8.self), stored: same, sameAnswers: true)) }
    }

    /// Whether the repeats are beyond coincidence, given `chance`, the chance that two of the
    /// file's respondents answered alike: any unique id, or short-id repeats that chance would
    /// give less than once in a million.
    func refuses(chance: Double) -> Bool {
        uniqueRepeats > 0 || (shortRepeats > 0 && Coincidence.atLeast(shortRepeats, of: shortIdsStored, chance: chance) <= Coincidence.limit)
    }
}
