/// A decimal number exactly as a source document prints it: weights (`33,34`), targets
/// (`15,00 %`), measured values (`5,23`) and published results (`88,80 %`).
///
/// The digits are kept exactly (an integer count of `10^-decimals` units), so weights are never
/// regenerated and sums such as `33,34 + 33,33 + 33,33` are exact. The number of decimals
/// printed is kept too: it says how precisely a published figure was rounded, which is what
/// the checks compare against.
public struct PrintedNumber: Sendable, Hashable, CustomStringConvertible {
    /// The number times `10^decimals`: `33,34` is 3334.
    public let units: Int64
    /// How many decimals were printed: `33,34` has 2, `50` has 0.
    public let decimals: Int
    /// The text as written in the plan, e.g. `33,34` or `15,00 %`.
    public let text: String

    /// A number from its exact units; `text` defaults to the plain decimal form.
    package init(units: Int64, decimals: Int, text: String? = nil) {
        self.units = units
        self.decimals = decimals
        self.text = text ?? Self.plainText(units: units, decimals: decimals)
    }

    /// A whole number.
    package init(_ value: Int) {
        self.init(units: Int64(value), decimals: 0)
    }

    /// Reads a number as people print it, when its reading is certain.
    ///
    /// Returns `nil` for text that is not a number and for an ambiguous one (`1.295` without a
    /// declared notation); ``read(_:notation:)`` says which.
    package init?(parsing raw: String, notation: NumberNotation? = nil) {
        guard case let .number(number) = Self.read(raw, notation: notation) else { return nil }
        self = number
    }

    /// Reads a number as people print it.
    ///
    /// Accepted: an optional sign (`-`, `+`, `−`), digits, a decimal separator and thousands
    /// separators in groups of three. A trailing `%`, `‰` or `€` and a leading `€` are ignored (the
    /// unit is declared separately). At most 12 decimals.
    ///
    /// With a declared `notation` the separators are settled (``NumberNotation``) and a number
    /// written otherwise is not a number. Without one:
    /// - both `.` and `,`: the last one is the decimal separator (`1.234,5`, `1,234.5`);
    /// - several of one separator: thousands (`1.234.567`, `1,234,567`);
    /// - one separator: the decimal separator (`33,34`, `92.15`, `0.500`), except when it follows
    ///   one to three digits not starting with 0 and is followed by exactly three digits
    ///   (`1.295`, `881.000`, `2,094`): that reads as thousands in one notation and as a decimal in
    ///   the other, so it is ``NumberReading/ambiguous(thousands:decimal:)``.
    package static func read(_ raw: String, notation: NumberNotation? = nil) -> NumberReading {
        let written = raw.trimmingCharacters(in: " \t")
        var body = Substring(raw.trimmingCharacters(in: " \t\u{00A0}"))
        for symbol in ["%", "‰", "€"] where body.hasSuffix(symbol) {
            body = body.dropLast().trimmingSuffix(" \u{00A0}")
        }
        if body.hasPrefix("€") { body = body.dropFirst().trimmingPrefix(" \u{00A0}") }
        var negative = false
        if let first = body.first, first == "-" || first == "+" || first == "−" {
            negative = first != "+"
            body = body.dropFirst()
        }
        func number(_ separators: NumberNotation) -> PrintedNumber? {
            digits(body, decimal: separators.decimalSeparator, grouping: separators.groupingSeparator, negative: negative, text: written)
        }
        if let notation { return number(notation).map(NumberReading.number) ?? .invalid }
        let points = body.filter { $0 == "." }.count
        let commas = body.filter { $0 == "," }.count
        let separators: NumberNotation
        switch (points, commas) {
        case (0, 0...1), (2..., 0): separators = .italian
        case (1, 0), (0, 2...): separators = .english
        default: separators = body.lastIndex(of: ",")! > body.lastIndex(of: ".")! ? .italian : .english
        }
        if points + commas == 1, let separator = body.firstIndex(where: { $0 == "." || $0 == "," }) {
            let head = body[..<separator]
            let tail = body[body.index(after: separator)...]
            if (1...3).contains(head.count), head.first != "0", tail.count == 3, (head + tail).allSatisfy(\.isASCIIDigit),
               let thousands = number(body[separator] == "." ? .italian : .english),
               let decimal = number(body[separator] == "." ? .english : .italian) {
                return .ambiguous(thousands: thousands, decimal: decimal)
            }
        }
        return number(separators).map(NumberReading.number) ?? .invalid
    }

    /// The number in `body` with the given separators: at most one decimal separator, thousands
    /// separators only in the integer part and in groups of three.
    private static func digits(_ body: Substring, decimal: Character, grouping: Character, negative: Bool, text: String) -> PrintedNumber? {
        let pieces = body.split(separator: decimal, omittingEmptySubsequences: false)
        guard pieces.count <= 2 else { return nil }
        let fractionPart = pieces.count == 2 ? pieces[1] : ""
        guard validGrouping(pieces[0], separator: grouping) else { return nil }
        let integerPart = pieces[0].filter { $0 != grouping }
        guard !integerPart.isEmpty || !fractionPart.isEmpty,
              fractionPart.count <= 12,
              integerPart.allSatisfy(\.isASCIIDigit), fractionPart.allSatisfy(\.isASCIIDigit)
        else { return nil }
        var units: Int64 = 0
        for digit in (integerPart + fractionPart) {
            let (shifted, overflow1) = units.multipliedReportingOverflow(by: 10)
            let (added, overflow2) = shifted.addingReportingOverflow(Int64(digit.asciiValue! - 48))
            guard !overflow1, !overflow2 else { return nil }
            units = added
        }
        return PrintedNumber(units: negative ? -units : units, decimals: fractionPart.count, text: text)
    }

    /// The value as a binary floating-point number, for computation.
    public var value: Double { Double(units) / Double(Self.powerOfTen(decimals)) }

    /// The text as written.
    public var description: String { text }

    /// Whether the number is zero.
    public var isZero: Bool { units == 0 }

    /// Whether the number is below zero.
    public var isNegative: Bool { units < 0 }

    /// The exact sum of printed numbers, with as many decimals as the most precise term.
    ///
    /// Sums beyond 64-bit range (never met in a plan) fall back to binary arithmetic, rounded
    /// to the same decimals, rather than trapping.
    package static func sum(_ numbers: [PrintedNumber]) -> PrintedNumber {
        let decimals = numbers.map(\.decimals).max() ?? 0
        var total: Int64 = 0
        for number in numbers {
            guard let aligned = number.units(at: decimals) else { return approximateSum(numbers, decimals: decimals) }
            let (added, overflow) = total.addingReportingOverflow(aligned)
            guard !overflow else { return approximateSum(numbers, decimals: decimals) }
            total = added
        }
        return PrintedNumber(units: total, decimals: decimals)
    }

    /// Whether this number equals `other` exactly, whatever the decimals printed (`100` and `100,00`).
    package func isEqualInValue(to other: PrintedNumber) -> Bool {
        let decimals = max(self.decimals, other.decimals)
        guard let mine = units(at: decimals), let theirs = other.units(at: decimals) else { return value == other.value }
        return mine == theirs
    }

    /// The units rescaled to more decimals, or `nil` beyond 64 bits.
    private func units(at decimals: Int) -> Int64? {
        let (scaled, overflow) = units.multipliedReportingOverflow(by: Self.powerOfTen(decimals - self.decimals))
        return overflow ? nil : scaled
    }

    private static func approximateSum(_ numbers: [PrintedNumber], decimals: Int) -> PrintedNumber {
        let total = numbers.reduce(0) { $0 + $1.value }
        let scaled = (total * Double(powerOfTen(decimals))).rounded()
        guard let units = Int64(exactly: scaled) else {
            return PrintedNumber(units: total < 0 ? Int64.min : Int64.max, decimals: 0)
        }
        return PrintedNumber(units: units, decimals: decimals)
    }

    /// Whether a raw `computed` value is displayed as this number when rounded half-up (half away
    /// from zero) to the same number of decimals: `93,458` is displayed as `93`, `96,5` is not.
    ///
    /// It is exactly the display rule (``HalfUpRounding``), so a printed figure is admitted if and
    /// only if Polso would print the computed value the same way: `93,25` computed as
    /// `93.24999999999999` (binary noise) displays and is admitted as `93,3`, while `93,2499999999`
    /// displays and is admitted as `93,2`.
    package func admits(_ computed: Double) -> Bool {
        guard let scaled = HalfUpRounding.scaledInteger(computed, places: decimals) else { return false }
        return scaled == units
    }

    /// The raw values that are displayed as this number: `34` stands for anything from 33,5 to
    /// 34,5, `10,14` for 10,135 to 10,145 (both ends included, for simplicity).
    public var displayInterval: ClosedRange<Double> {
        let half = 0.5 / Double(Self.powerOfTen(decimals))
        return (value - half)...(value + half)
    }

    static func powerOfTen(_ exponent: Int) -> Int64 { HalfUpRounding.powerOfTen(exponent) }

    private static func validGrouping(_ integerPart: Substring, separator: Character) -> Bool {
        guard integerPart.contains(separator) else { return true }
        let groups = integerPart.split(separator: separator, omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count) else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    private static func plainText(units: Int64, decimals: Int) -> String {
        let unit = UInt64(powerOfTen(decimals))
        let magnitude = units.magnitude
        var text = (units < 0 ? "-" : "") + String(magnitude / unit)
        if decimals > 0 {
            let fraction = String(magnitude % unit)
            text += "," + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return text
    }
}

extension Character {
    /// `0`–`9` only (not other Unicode digits).
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension StringProtocol {
    /// The text without the given leading and trailing characters.
    func trimmingCharacters(in characters: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, characters.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, characters.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}

extension Substring {
    func trimmingSuffix(_ characters: String) -> Substring {
        var slice = self
        while let last = slice.last, characters.contains(last) { slice = slice.dropLast() }
        return slice
    }

    func trimmingPrefix(_ characters: String) -> Substring {
        var slice = self
        while let first = slice.first, characters.contains(first) { slice = slice.dropFirst() }
        return slice
    }
}
