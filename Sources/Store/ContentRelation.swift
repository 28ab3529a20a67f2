import Foundation

/// How a new file's respondents relate to a stored file's: their content fingerprints
/// (``RowFingerprint``) compared in file order.
///
/// Two people can answer alike, so single identical rows mean nothing; a relation counts only
/// when it is beyond coincidence: the chance that the common rows match one by one by accident,
/// `c^k` for `k` common rows where `c` is the chance that two respondents of the new file
/// answered alike (``AnswerChance``), is at most one in a million (``Coincidence/limit``).
enum ContentRelation: Equatable {
    /// The same respondents, with the same answers, in the same order.
    case same
    /// The new file's respondents are the first ones of the stored file: an earlier partial export.
    case earlierPart
    /// The stored file's respondents are the first ones of the new file: the stored file is an
    /// earlier partial export of the new one.
    case extends
    /// The same respondents with the same answers, in another order.
    case sameReordered
    /// Every respondent of the new file is among the stored file's (in another order): a part of it.
    case partOf
    /// Every respondent of the stored file is among the new file's (in another order).
    case includes

    /// The relation of `new` to `stored`, when there is one beyond coincidence, `chance` being
    /// the chance that two respondents answered alike (asked only when the rows match).
    static func between(new: [UInt64], stored: [UInt64], chance: @autoclosure () throws -> Double) rethrows -> ContentRelation? {
        let common = min(new.count, stored.count)
        guard common > 0 else { return nil }
        if new[..<common] == stored[..<common] {
            guard try pow(chance(), Double(common)) <= Coincidence.limit else { return nil }
            if new.count == stored.count { return .same }
            return new.count < stored.count ? .earlierPart : .extends
        }
        // In another order: every row of the smaller file is a row of the larger, each used once.
        // By chance, one row matches some row of the larger file with probability at most
        // larger × chance, so all of them at most that to the power of the smaller count.
        let (smaller, larger) = new.count <= stored.count ? (new, stored) : (stored, new)
        var wanted: [UInt64: Int] = [:]
        for row in smaller { wanted[row, default: 0] += 1 }
        var missing = smaller.count
        for row in larger where missing > 0 {
            guard let left = wanted[row], left > 0 else { continue }
            wanted[row] = left - 1
            missing -= 1
        }
        guard missing == 0 else { return nil }
        guard try pow(min(1, Double(larger.count) * chance()), Double(smaller.count)) <= Coincidence.limit else { return nil }
        if new.count == stored.count { return .sameReordered }
        return new.count < stored.count ? .partOf : .includes
    }
}
