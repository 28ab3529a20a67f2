import Surveys

/// What the detailed wellbeing statistics need from one pass over a group's respondents:
/// answer counts, per-respondent section and block indexes, and each section's item
/// covariances over the respondents who answered all its items.
///
/// - section index of a respondent: mean of their scored answers in the section, kept only when
///   they answered at least half of its items;
/// - block index: mean of the respondent's section indexes in the block;
/// - reliability uses complete cases (listwise deletion) per section.
///
/// Respondents added with a post-stratification weight weigh in every figure but reliability
/// (Cronbach's alpha describes the questionnaire, not the staff, and stays unweighted).
///
/// Two independent parts take every respondent: ``WellbeingIndexes`` (counts, indexes, % positive)
/// and ``covariation`` (covariances and pairwise sums); a reader may feed the second on another
/// thread (``addIndexes(answers:weight:)``), in the same order, for the same figures.
package struct WellbeingAccumulator: Sendable {
    private var indexes: WellbeingIndexes
    /// The covariances and pairwise sums, which a caller may take out, feed on another thread
    /// with the same respondents in the same order, and put back.
    package var covariation: WellbeingCovariation

    /// An empty accumulator for a codebook.
    package init(codebook: Codebook) {
        let scoring = WellbeingScoring(codebook: codebook)
        indexes = WellbeingIndexes(scoring: scoring, tally: WaveTally(codebook: codebook))
        covariation = WellbeingCovariation(scoring: scoring)
    }

    /// Answer counts (means, distributions, percentages).
    package var tally: WaveTally { indexes.tally }
    /// Per flat section: the respondents' section indexes.
    var sectionIndexes: [Moments] { indexes.sectionIndexes }
    /// Per flat section: respondents whose index is at least its ``indexCuts`` entry (their Σ w
    /// when weighted).
    package var sectionIndexAtLeastCut: [Double] { indexes.sectionIndexAtLeastCut }
    /// Per block: the respondents' block indexes.
    var blockIndexes: [Moments] { indexes.blockIndexes }
    /// Per flat section: item covariances over complete cases.
    var sectionCovariances: [CovarianceAccumulator] { covariation.sectionCovariances }
    /// Per flat section: the index value that counts as a favourable climate, the midpoint of
    /// the section's scale (3,5 on 1–6; 50 on a section rescaled to 0–100).
    var indexCuts: [Double] { indexes.scoring.indexCuts }
    /// Per block: pairwise sums of its items (the standard errors of MEDIA and of the section means).
    var blockCoMoments: [ItemCoMoments] { covariation.coMoments.map { $0.settled() } }
    /// Per flat section and per block: the respondents' positive and valid answers, for the
    /// interval of the pooled % positive.
    var sectionPositives: [ClusteredProportion] { indexes.sectionPositives }
    var blockPositives: [ClusteredProportion] { indexes.blockPositives }

    /// Adds one respondent's raw answer codes (one byte per item, in codebook order), with its
    /// post-stratification weight when the figures are weighted.
    package mutating func add(answers: UnsafeRawBufferPointer, weight: Double? = nil) {
        indexes.add(answers: answers, weight: weight)
        covariation.add(answers: answers, weight: weight)
    }

    /// Adds one respondent to every figure but ``covariation``'s, which the caller adds it to.
    package mutating func addIndexes(answers: UnsafeRawBufferPointer, weight: Double? = nil) {
        indexes.add(answers: answers, weight: weight)
    }

    /// Adds one respondent's answers given as an array (tests only).
    mutating func add(answers: [UInt8], weight: Double? = nil) {
        answers.withUnsafeBytes { add(answers: $0, weight: weight) }
    }
}
