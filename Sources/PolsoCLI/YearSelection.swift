import ArgumentParser

/// A span of years: `2016`, `2014-2016`, or `2014,2016`.
struct YearSelection: ExpressibleByArgument {
    var years: Set<Int>

    init?(argument: String) {
        var years: Set<Int> = []
        for part in argument.split(separator: ",") {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false)
            if bounds.count == 1, let year = Int(bounds[0]) {
                years.insert(year)
            } else if bounds.count == 2, let from = Int(bounds[0]), let to = Int(bounds[1]), from <= to, to - from <= 100 {
                years.formUnion(from...to)
            } else {
                return nil
            }
        }
        guard !years.isEmpty else { return nil }
        self.years = years
    }
}
