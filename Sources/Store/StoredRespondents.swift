import Foundation

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

    /// An id by its 64-bit hash (no text kept or built per row: a million stored ids are checked
    /// in a fraction of a second; two ids sharing a hash, a chance of 3 in 10^8 among a million, would
    /// need the same answers too to count).
    private struct Key: Hashable {
        var id: UInt64
        var fingerprint: UInt64
    }

    /// The stored files with respondent ids.
    let files: [StoredFile]
    private var ids: Set<UInt64> = []
    private var respondents: [Key: Location] = [:]
    /// Where each unique id is stored (short ids are looked up with their answers).
    private var firstLocation: [UInt64: Location] = [:]

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

    /// Loads the respondents of `files` that have respondent ids.
    init(_ db: any ImportTransaction, files: [StoredFile]) throws {
        self.files = files.filter(\.hasIds)
        for (index, file) in self.files.enumerated() {
            // Fingerprints and respondents are both in file order; a store edited by hand is skipped.
            guard try db.respondentCount(importId: file.importId) == file.fingerprints.count else { continue }
            var position = 0
            try db.respondentIds(importId: file.importId) { text, line in
                defer { position += 1 }
                guard let text else { return }
                let id = Self.hash(text.utf8)
                ids.insert(id)
                let key = Key(id: id, fingerprint: file.fingerprints[position])
                let location = Location(file: index, line: line)
                if respondents[key] == nil { respondents[key] = location }
                if text.utf8.count >= Self.uniqueIdLength && firstLocation[id] == nil { firstLocation[id] = location }
            }
        }
    }

    /// Whether any respondent id is stored at all (else nothing needs checking).
    var isEmpty: Bool { ids.isEmpty }

    /// Checks one respondent of the new file, its id given as UTF-8 bytes.
    mutating func check(id bytes: UnsafeRawBufferPointer, fingerprint: UInt64, line: Int) {
        let id = Self.hash(bytes)
        guard ids.contains(id) else { return }
        let stored = respondents[Key(id: id, fingerprint: fingerprint)]
        if bytes.count >= Self.uniqueIdLength {
            uniqueRepeats += 1
            let location = stored ?? firstLocation[id] ?? Location(file: 0, line: 0)
            if repeats.count < Self.listed { repeats.append(Repeat(line: line, id: String(decoding: bytes, as: UTF8.self), stored: location, sameAnswers: stored != nil)) }
            return
        }
        shortIdsStored += 1
        guard let stored else { return }
        shortRepeats += 1
        if repeats.count < Self.listed { repeats.append(Repeat(line: line, id: String(decoding: bytes, as: UTF8.self), stored: stored, sameAnswers: true)) }
    }

    /// FNV-1a 64 of an id's bytes.
    private static func hash<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }

    /// Whether the repeats are beyond coincidence, given `chance`, the chance that two of the
    /// file's respondents answered alike: any unique id, or short-id repeats that chance would
    /// give less than once in a million.
    func refuses(chance: Double) -> Bool {
        uniqueRepeats > 0 || (shortRepeats > 0 && Coincidence.atLeast(shortRepeats, of: shortIdsStored, chance: chance) <= Coincidence.limit)
    }
}
