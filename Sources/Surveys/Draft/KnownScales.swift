/// Answer words a draft recognises: ordered label lists of common scales, and the words that mean
/// "not applicable" or "don't know", in Italian and English.
enum KnownScales {
    /// A complete verbal scale, lowest point first.
    struct LabelList {
        var labels: [String]
        /// The first positive point, 1-based.
        var positiveFrom: Int
        var name: String
    }

    static let lists: [LabelList] = [
        LabelList(labels: ["No", "Yes"], positiveFrom: 2, name: "no/yes"),
        LabelList(labels: ["No", "Sì"], positiveFrom: 2, name: "no/sì"),
        LabelList(labels: ["No", "Si"], positiveFrom: 2, name: "no/si"),
        LabelList(labels: ["No", "Sí"], positiveFrom: 2, name: "no/sí"),
        LabelList(labels: ["Não", "Sim"], positiveFrom: 2, name: "não/sim"),
        LabelList(labels: ["Non", "Oui"], positiveFrom: 2, name: "non/oui"),
        LabelList(labels: ["Nein", "Ja"], positiveFrom: 2, name: "nein/ja"),
        LabelList(labels: ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"],
                  positiveFrom: 4, name: "agreement (English, 5 points)"),
        LabelList(labels: ["Strongly disagree", "Disagree", "Somewhat disagree", "Neither agree nor disagree",
                           "Somewhat agree", "Agree", "Strongly agree"], positiveFrom: 5, name: "agreement (English, 7 points)"),
        LabelList(labels: ["Strongly disagree", "Disagree", "Agree", "Strongly agree"], positiveFrom: 3,
                  name: "agreement (English, 4 points)"),
        LabelList(labels: ["Very dissatisfied", "Dissatisfied", "Neither satisfied nor dissatisfied", "Satisfied", "Very satisfied"],
                  positiveFrom: 4, name: "satisfaction (English, 5 points)"),
        LabelList(labels: ["Not at all satisfied", "Slightly satisfied", "Moderately satisfied", "Very satisfied", "Extremely satisfied"],
                  positiveFrom: 3, name: "satisfaction (English, 5 points)"),
        LabelList(labels: ["Poor", "Fair", "Good", "Very good", "Excellent"], positiveFrom: 3, name: "quality (English, 5 points)"),
        LabelList(labels: ["Very poor", "Poor", "Fair", "Good", "Very good"], positiveFrom: 4, name: "quality (English, 5 points)"),
        LabelList(labels: ["Never", "Rarely", "Sometimes", "Often", "Always"], positiveFrom: 4, name: "frequency (English)"),
        LabelList(labels: ["Not at all important", "Slightly important", "Moderately important", "Very important", "Extremely important"],
                  positiveFrom: 3, name: "importance (English)"),
        LabelList(labels: ["Per niente soddisfatto", "Poco soddisfatto", "Abbastanza soddisfatto", "Molto soddisfatto"],
                  positiveFrom: 3, name: "soddisfazione (4 punti)"),
        LabelList(labels: ["Per nulla soddisfatto", "Poco soddisfatto", "Abbastanza soddisfatto", "Molto soddisfatto"],
                  positiveFrom: 3, name: "soddisfazione (4 punti)"),
        LabelList(labels: ["Molto insoddisfatto", "Insoddisfatto", "Né soddisfatto né insoddisfatto", "Soddisfatto", "Molto soddisfatto"],
                  positiveFrom: 4, name: "soddisfazione (5 punti)"),
        LabelList(labels: ["Per nulla d'accordo", "Poco d'accordo", "Abbastanza d'accordo", "Molto d'accordo"],
                  positiveFrom: 3, name: "accordo (4 punti)"),
        LabelList(labels: ["Per niente d'accordo", "Poco d'accordo", "Abbastanza d'accordo", "Molto d'accordo"],
                  positiveFrom: 3, name: "accordo (4 punti)"),
        LabelList(labels: ["Fortemente in disaccordo", "In disaccordo", "Né d'accordo né in disaccordo", "D'accordo", "Fortemente d'accordo"],
                  positiveFrom: 4, name: "accordo (5 punti)"),
        LabelList(labels: ["Completamente in disaccordo", "In disaccordo", "Né d'accordo né in disaccordo", "D'accordo", "Completamente d'accordo"],
                  positiveFrom: 4, name: "accordo (5 punti)"),
        LabelList(labels: ["Scarsa", "Insufficiente", "Sufficiente", "Buona", "Ottima"], positiveFrom: 3, name: "qualità (5 punti)"),
        LabelList(labels: ["Scarso", "Insufficiente", "Sufficiente", "Buono", "Ottimo"], positiveFrom: 3, name: "qualità (5 punti)"),
        LabelList(labels: ["Mai", "Raramente", "A volte", "Spesso", "Sempre"], positiveFrom: 4, name: "frequenza"),
        LabelList(labels: ["Per niente", "Poco", "Abbastanza", "Molto"], positiveFrom: 3, name: "intensità (4 punti)"),
        LabelList(labels: ["Per niente", "Poco", "Abbastanza", "Molto", "Moltissimo"], positiveFrom: 3, name: "intensità (5 punti)"),
    ]

    /// The known lists holding every one of `labels` (compared like answers), shortest first.
    static func lists(containing labels: [String]) -> [LabelList] {
        let keys = Set(labels.map(TextKey.text))
        return lists.filter { keys.isSubset(of: Set($0.labels.map(TextKey.text))) }.sorted { $0.labels.count < $1.labels.count }
    }

    /// The end of a scale a word labels (`Per nulla d'accordo` the low end, `Del tutto d'accordo` the high one).
    enum End { case low, high }

    /// The end of a scale that `word` labels, if its words say so.
    static func anchorEnd(_ word: String) -> End? {
        let key = TextKey.text(word)
        if lowAnchors.contains(where: key.contains) { return .low }
        if highAnchors.contains(where: key.contains) { return .high }
        return nil
    }

    private static let lowAnchors = [
        "per nulla", "per niente", "not at all", "disagree", "disaccordo", "never", "mai", "pessim", "insoddisfatt",
        "dissatisfied", "very poor", "nessun", "minimo", "lowest",
    ]
    private static let highAnchors = [
        "del tutto", "completamente", "completely", "totally", "strongly agree", "fortemente d'accordo", "always", "sempre",
        "ottim", "excellent", "pienamente", "extremely", "estremamente", "very satisfied", "molto soddisfatto", "massimo", "highest",
    ]

    /// Answers that mean "not applicable": kept out of denominators.
    static func isNotApplicable(_ value: String) -> Bool {
        let key = TextKey.text(value)
        return notApplicableWords.contains(key) || notApplicablePrefixes.contains { key.hasPrefix($0) }
    }

    /// Answers that mean "don't know" or a refusal.
    static func isNoAnswer(_ value: String) -> Bool {
        noAnswerWords.contains(TextKey.text(value)) || dontKnowWords.contains(TextKey.text(value))
    }

    /// Answers that mean "don't know" (the others of ``isNoAnswer(_:)`` are refusals: missing).
    static func isDontKnow(_ value: String) -> Bool {
        dontKnowWords.contains(TextKey.text(value))
    }

    private static let notApplicableWords: Set<String> = [
        "n/a", "na", "n.a", "n.a.", "not applicable", "non applicabile", "non pertinente", "non applicable",
        "no basis for evaluation", "no basis to evaluate", "does not apply", "non so valutare", "-oth-",
    ]
    private static let notApplicablePrefixes = ["non ho usato", "non ho utilizzato", "non ho atteso", "did not use", "i did not use",
                                                "not used", "never used"]
    private static let dontKnowWords: Set<String> = [
        "non so", "non saprei", "don't know", "dont know", "do not know", "i don't know", "no opinion", "nessuna opinione",
    ]
    private static let noAnswerWords: Set<String> = [
        "preferisco non rispondere", "prefer not to answer", "prefer not to say", "non risponde", "no answer", "nessuna risposta",
    ]
}
