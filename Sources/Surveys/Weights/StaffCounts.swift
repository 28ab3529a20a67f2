import PolsoCSV

/// Staff counts by stratum, read from a weights file (`--weights`, docs/weighting.md): the
/// population that weighted figures are post-stratified to.
///
/// The file is a CSV with a header row naming its columns — `question`, `stratum`, `staff` and,
/// optionally, `year` — and one row per stratum (and year). Every row names the same demographic
/// question of the codebook; a stratum is one of its options (a label or synonym in any language,
/// or its 1-based number); staff is a whole number above 0.
public struct StaffCounts: Sendable, Equatable {
    /// The file read.
    public var path: String
    /// The stratifying question's position in ``Codebook/demographics``.
    public var question: Int
    /// Its code (`gender`, `contract`…).
    public var questionCode: String
    /// Whether the rows carry a year.
    public var byYear: Bool
    /// The rows, in file order.
    public var rows: [StaffCount]

    /// Staff per option code (1-based) for `year`; `nil` when the file gives years and not this one.
    public func counts(year: Int) -> [Int: Int]? {
        let chosen = rows.filter { !byYear || $0.year == year }
        guard !chosen.isEmpty else { return nil }
        return Dictionary(uniqueKeysWithValues: chosen.map { ($0.option, $0.staff) })
    }

    /// The years the file gives, ascending (empty when the counts hold for every year).
    public var years: [Int] { Array(Set(rows.compactMap(\.year))).sorted() }

    /// Reads and checks `path` against the demographic questions of `codebook`.
    /// - Throws: ``StaffCountsError`` naming the file, line, column and value at fault, or
    ///   ``CSVError`` when the file is no readable CSV.
    public init(path: String, codebook: Codebook) throws {
        self.path = path
        var columns: [String: Int] = [:]
        var rows: [StaffCount] = []
        var question: (index: Int, code: String, line: Int)?
        var parser: DemographicParser?
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
            } else {
                guard let index = codebook.demographics.firstIndex(where: { $0.code == code }) else {
                    let known = codebook.demographics.map(\.code).joined(separator: ", ")
                    throw fail(record.line, "question", code, "\(codebook.instrument) has no such demographic question; use one of: \(known)")
                }
                question = (index, code, record.line)
                parser = DemographicParser(question: codebook.demographics[index], missingWords: [])
            }
            let label = field("stratum")
            guard let option = parser?.parse(label), option > 0 else {
                let options = codebook.demographics[question!.index].options.joined(separator: ", ")
                throw fail(record.line, "stratum", label, label.isEmpty ? "the stratum is empty; write one of: \(options)"
                                                                          : "no option of \(code); its options: \(options)")
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
                throw fail(record.line, "stratum", label, "the stratum \(codebook.demographics[question!.index].options[Int(option) - 1])"
                           + "\(year.map { " in \($0)" } ?? "") is already on line \(first): give each stratum once\(year == nil ? "" : " per year")")
            }
            seen[key] = record.line
            rows.append(StaffCount(year: year, option: Int(option), staff: staff, line: record.line))
        }
        guard let question, !rows.isEmpty else {
            throw StaffCountsError(file: path, line: 1, column: nil, value: nil, problem: "no staff counts: write one row per stratum under the header question,stratum,staff")
        }
        self.question = question.index
        questionCode = question.code
        byYear = columns["year"] != nil
        self.rows = rows
    }

    static let columnNames: Set<String> = ["question", "stratum", "staff", "year"]
}

/// One row of a weights file.
public struct StaffCount: Sendable, Equatable {
    /// The year it holds for; `nil` for every year.
    public var year: Int?
    /// The option of the stratifying question (1-based, as stored).
    public var option: Int
    /// Staff in the stratum.
    public var staff: Int
    /// Its line in the file.
    public var line: Int
}

/// A weights file that cannot be used, located.
public struct StaffCountsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file.
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column and its name, when one is at fault.
    public var column: (number: Int, name: String)?
    /// The value at fault.
    public var value: String?
    /// What is wrong and what to do.
    public var problem: String

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.description == rhs.description
    }

    /// `file:line:column (name): 'value': problem`.
    public var description: String {
        var text = "\(file):\(line)"
        if let column { text += ":\(column.number) (\(column.name))" }
        if let value { text += ": '\(value)'" }
        return text + ": " + problem
    }
}
