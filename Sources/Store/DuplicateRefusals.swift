import Foundation

extension SurveyStore {
    /// Refuses a file whose respondents are a stored file's, or the first ones of a stored file,
    /// or begin with a stored file's, by content (``ContentRelation``).
    static func refuseSameContent(path: String, fingerprints: [UInt64], chance: () throws -> Double, stored: [StoredFile],
                                  mention: StoredFileMention) throws {
        for file in stored {
            guard let relation = try ContentRelation.between(new: fingerprints, stored: file.fingerprints, chance: chance()) else { continue }
            let (n, m) = (fingerprints.count, file.fingerprints.count)
            let what: String
            let (named, removal) = (mention.name(file), mention.removal(of: file.wave))
            switch relation {
            case .same:
                what = """
                    same content as \(named): the same \(n) respondent\(n == 1 ? "" : "s") with the same answers in the same order \
                    (line ends, BOM, quoting, encoding, answer spelling and CSV or workbook make no difference). Nothing was stored. \
                    One export belongs to one wave: if it went into the wrong year or is to be replaced, remove that wave first \
                    (\(removal)) and import it again.
                    """
            case .earlierPart:
                what = """
                    an earlier partial export of \(named): its \(n) respondents are the first \(n) of the \(m) stored from that file, \
                    with the same answers. Nothing was stored: the complete export is already in the store.
                    """
            case .extends:
                what = """
                    \(named) is an earlier partial export of this one: its \(m) stored respondents are the first \(m) of this file's \(n), \
                    with the same answers. Nothing was stored. To replace it with this complete export, remove that wave first \
                    (\(removal)) and import this file; to add only the \(n - m) later respondents, import a file \
                    holding only them with --append.
                    """
            case .sameReordered:
                what = """
                    the same respondents as \(named), with the same answers, in another order (\(n) respondent\(n == 1 ? "" : "s")). \
                    Nothing was stored. One export belongs to one wave: if it went into the wrong year or is to be replaced, \
                    remove that wave first (\(removal)) and import it again.
                    """
            case .partOf:
                what = """
                    all \(n) of its respondents are among the \(m) stored from \(named), with the same answers (in another order): \
                    a part of that export, already in the store. Nothing was stored.
                    """
            case .includes:
                what = """
                    the \(m) respondents stored from \(named) are all among this file's \(n), with the same answers (in another \
                    order). Nothing was stored. To replace that file with this one, remove its wave first \
                    (\(removal)) and import this file; to add only the \(n - m) others, import a file holding only \
                    them with --append.
                    """
            }
            throw StoreError("\(path): not imported: \(what)")
        }
    }

    /// Refuses a file that repeats respondents stored in any wave of the survey: the same
    /// respondent ids with the same answers beyond coincidence, or the same unique ids
    /// (``StoredRespondents``).
    static func refuseRepeatedRespondents(path: String, stored: StoredRespondents, chance: () throws -> Double,
                                          mention: StoredFileMention) throws {
        guard stored.repeatCount > 0, try stored.refuses(chance: chance()) else { return }
        let count = stored.repeatCount
        // How many ids other bodies store is theirs to know.
        let ofStored = stored.files.contains { mention.hides($0.wave) } ? "" : "of \(stored.idsStored) whose id is stored; "
        var lines = ["""
            \(path): not imported: \(count) of its respondents \(count == 1 ? "is" : "are") already stored in the survey, with the same \
            respondent id and the same answers (\(ofStored)chance would match so many less than once in a million):
            """]
        for item in stored.repeats {
            let other = item.sameAnswers ? "" : " with other answers (an id this long names one response: edited since?)"
            let file = stored.files[item.stored.file]
            let location = mention.hides(file.wave) ? "a respondent of \(mention.name(file))" : "line \(item.stored.line) of \(file)"
            lines.append("  line \(item.line): id \"\(item.id)\" is \(location)\(other)")
        }
        if count > stored.repeats.count { lines.append("  … and \(count - stored.repeats.count) more") }
        let first = stored.files[stored.repeats[0].stored.file]
        lines.append("""
            Nothing was stored. A respondent is counted once: if this file replaces the stored one, remove its wave first \
            (\(mention.removal(of: first.wave))) and import this file; if it adds responses collected since, import a file holding only \
            the new ones.
            """)
        throw StoreError(lines.joined(separator: "\n"))
    }
}
