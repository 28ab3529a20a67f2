import Foundation
import GRDB

/// The respondents stored in any wave of a survey, by respondent id and content fingerprint, and
/// the new file's respondents found among them.
///
/// Many tools number responses from 1 in every new survey (LimeSurvey, Microsoft Forms), so the
/// same id in another wave is not by itself the same respondent: the 2015 export's id 7 is not
/// the 2014 one. A respondent is the same when the id **and** the answers are. The file is
/// refused when such repeats are more than chance: their share of the file's respondents whose
/// id is stored exceeds the midpoint between the chance that two of its respondents answered
/// alike and certainty (``refuses(chance:)``). Within one wave an id alone is enough (checked by
/// the importer, with `--append`).
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
    }

    private struct Key: Hashable {
        var id: String
        var fingerprint: UInt64
    }

    /// The stored files with respondent ids.
    let files: [StoredFile]
    private var ids: Set<String> = []
    private var respondents: [Key: Location] = [:]

    /// The new file's respondents whose id is stored, in any wave of the survey.
    private(set) var idsStored = 0
    /// Those of them stored with the same answers.
    private(set) var repeatCount = 0
    /// The first repeats, in file order.
    private(set) var repeats: [Repeat] = []
    /// How many repeats a refusal lists.
    static let listed = 5

    /// Loads the respondents of `files` that have respondent ids.
    init(_ db: Database, files: [StoredFile]) throws {
        self.files = files.filter(\.hasIds)
        for (index, file) in self.files.enumerated() {
            let wave = try Int64.fetchOne(db, sql: "SELECT wave_id FROM import WHERE id = ?", arguments: [file.importId]) ?? -1
            let rows = try Row.fetchAll(db, sql: "SELECT response_id, line FROM respondent WHERE wave_id = ? AND import_id = ? ORDER BY id",
                                        arguments: [wave, file.importId])
            // Fingerprints and respondents are both in file order; a store edited by hand is skipped.
            guard rows.count == file.fingerprints.count else { continue }
            for (row, fingerprint) in zip(rows, file.fingerprints) {
                guard let id: String = row["response_id"] else { continue }
                ids.insert(id)
                let key = Key(id: id, fingerprint: fingerprint)
                if respondents[key] == nil { respondents[key] = Location(file: index, line: row["line"]) }
            }
        }
    }

    /// Whether any respondent id is stored at all (else nothing needs checking).
    var isEmpty: Bool { ids.isEmpty }

    /// Checks one respondent of the new file.
    mutating func check(id: String, fingerprint: UInt64, line: Int) {
        guard ids.contains(id) else { return }
        idsStored += 1
        guard let stored = respondents[Key(id: id, fingerprint: fingerprint)] else { return }
        repeatCount += 1
        if repeats.count < Self.listed { repeats.append(Repeat(line: line, id: id, stored: stored)) }
    }

    /// Whether the repeats are beyond coincidence, given `chance`, the chance that two of the
    /// file's respondents answered alike: repeats / ids stored > (1 + chance) / 2.
    func refuses(chance: Double) -> Bool {
        repeatCount > 0 && Double(repeatCount) * 2 > Double(idsStored) * (1 + chance)
    }
}
