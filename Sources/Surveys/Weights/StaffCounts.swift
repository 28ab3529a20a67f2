import PolsoCSV

/// Staff counts by stratum, read from a weights file (`--weights`, docs/weighting.md): the
/// population that weighted figures are post-stratified to.
///
/// The file is a CSV with a header row naming its columns — `question`, `stratum`, `staff` and,
/// optionally, `year` — and one row per stratum (and year). Every row names the same demographic
/// question of the codebook, or `unit`; a stratum is one of the question's options (a label or
/// synonym in any language, or its 1-based number), or an organisational unit as imported with
/// `--unit`; staff is a whole number above 0.
package struct StaffCounts: Sendable, Equatable {
    /// The file read.
    package var path: String
    /// The stratifying question's position in ``Codebook/demographics``; `nil` when the strata are
    /// organisational units (``questionCode`` `unit`).
    package var question: Int?
    /// Its code (`gender`, `contract`…), or `unit`.
    package var questionCode: String
    /// The strata's names by code (``StaffCount/option`` − 1): the question's options, or the
    /// units in the order the file first gives them.
    package var strataLabels: [String]
    /// The strata's names per language code, when the codebook gives the options by language.
    package var localizedStrataLabels: [String: [String]]

    /// The code that stands for the strata being units.
    package static let unitQuestion = "unit"
    /// Whether the rows carry a year.
    package var byYear: Bool
    /// The rows, in file order.
    package var rows: [StaffCount]

    /// Staff per option code (1-based) for `year`; `nil` when the file gives years and not this one.
    package func counts(year: Int) -> [Int: Int]? {
        let chosen = rows.filter { !byYear || $0.year == year }
        guard !chosen.isEmpty else { return nil }
        return Dictionary(uniqueKeysWithValues: chosen.map { ($0.option, $0.staff) })
    }

    /// The years the file gives, ascending (empty when the counts hold for every year).
    package var years: [Int] { Array(Set(rows.compactMap(\.year))).sorted() }

    /// Reads and checks `path` against the demographic questions of `codebook`.
    /// - Throws: ``StaffCountsError`` naming the file, line, column and value at fault, or
    ///   ``CSVError`` when the file is no readable CSV.
    package init(path: String, codebook: Codebook) throws {
        self.path = path
        var columns: [String: Int] = [:]
        var rows: [StaffCount] = []
        var question: (index: Int?, code: String, line: Int)?
        var parser: DemographicParser?
        var units: [String] = []
        var seen: [String: Int] = [:]
        let reader = try CSVReader(path: path)
        func fail(_ line: Int, _ column: String?, _ value: String?, _ problem: String) -> StaffCountsError {
            StaffCountsError(file: path, line: line, column: column.flatMap { columns[$0].map { ($0 + 1, column!) } },
                             value: value, problem: problem)
        }
        try reader.forEachRecord { record in
            let fields = record.strings().map { $0.trimmingWhitespace() }
            if record.index == 0 {
                for (position, name) in fields.enumerated() {
                    let key = name.lowercased()
                    guard Self.columnNames.contains(key) else {
                        throw StaffCountsError(file: path, line: record.line, column: (position + 1, name), value: name,
                                               problem: "unknown column; the columns are question, stratum, staff and optionally year")
                    }
                    guard columns[key] == nil else {
                        throw StaffCountsError(file: path, line: record.line, column: (position + 1, name), value: name, problem: "the column appears twice")
                    }
                    columns[key] = position
                }
                for required in ["question", "stratum", "staff"] where columns[required] == nil {
                    throw StaffCountsError(file: path, line: record.line, column: nil, value: nil,
                                           problem: "the header lacks the column \(required); it must name question, stratum, staff and optionally year")
                }
                return
            }
            if fields.allSatisfy(\.isEmpty) { return }
            func field(_ name: String) -> String {
                guard let position = columns[name], position < fields.count else { return "" }
                return fields[position]
            }
            let code = field("question")
            if let question {
                guard code == question.code else {
                    throw fail(record.line, "question", code, "every row must name the same question, \(question.code) (line \(question.line)): weights follow one question")
                }
            } else if code == Self.unitQuestion {
                question = (nil, code, record.line)
            } else {
                guard let index = codebook.demographics.firstIndex(where: { $0.code == code }) else {
                    let known = (codebook.demographics.map(\.code) + [Self.unitQuestion]).joined(separator: ", ")
                    throw fail(record.line, "question", code, "\(codebook.instrument) has no such demographic question; use one of: \(known)")
                }
                question = (index, code, record.line)
                parser = DemographicParser(question: codebook.demographics[index], missingWords: [])
            }
            let label = field("stratum")
            let option: Int
            if let parser {
                guard let parsed = parser.parse(label), parsed > 0 else {
                    let options = parser.question.options.joined(separator: ", ")
                    throw fail(record.line, "stratum", label, label.isEmpty ? "the stratum is empty; write one of: \(options)"
                                                                              : "no option of \(code); its options: \(options)")
                }
                option = Int(parsed)
            } else {
                guard !label.isEmpty else {
                    throw fail(record.line, "stratum", label, "the stratum is empty; write the unit's name as given to polso import --unit")
                }
                if !units.contains(label) { units.append(label) }
                option = units.firstIndex(of: label)! + 1
            }
            let staffText = field("staff")
            guard let staff = Int(staffText), staffText.allSatisfy(\.isASCII) else {
                throw fail(record.line, "staff", staffText, "the staff count must be a whole number of people, written without separators")
            }
            guard staff > 0 else {
                throw fail(record.line, "staff", staffText, "the staff count must be above 0: a stratum without staff has nothing to weight to; leave the row out")
            }
            var year: Int?
            if columns["year"] != nil {
                let text = field("year")
                guard let value = Int(text), (1900...2200).contains(value) else {
                    throw fail(record.line, "year", text, "the year must be a year such as 2016 (every row of a file with a year column has one)")
                }
                year = value
            }
            let key = "\(year.map(String.init) ?? "")/\(option)"
            if let first = seen[key] {
                throw fail(record.line, "stratum", label, "the stratum \(parser?.question.options[option - 1] ?? label)"
                           + "\(year.map { " in \($0)" } ?? "") is already on line \(first): give each stratum once\(year == nil ? "" : " per year")")
            }
            seen[key] = record.line
            rows.append(StaffCount(year: year, option: option, staff: staff, line: record.line))
        }
        guard let question, !rows.isEmpty else {
            throw StaffCountsError(file: path, line: 1, column: nil, value: nil, problem: "no staff counts: write one row per stratum under the header question,stratum,staff")
        }
        self.question = question.index
        questionCode = question.code
        let demographic = question.index.map { codebook.demographics[$0] }
        strataLabels = demographic?.options ?? units
        localizedStrataLabels = demographic?.localizedOptions ?? [:]
        byYear = columns["year"] != nil
        self.rows = rows
    }

    static let columnNames: Set<String> = ["question", "stratum", "staff", "year"]
}
