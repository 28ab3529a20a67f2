import Foundation

/// Excel sheet names made from table titles: at most 31 code points, none of `[]:*?/\`, no
/// leading or trailing apostrophe, unique regardless of case.
package struct SheetNames {
    private var taken: Set<String> = []

    /// No name given yet.
    package init() {}

    /// `title` as a sheet name not given before (`Title (2)` for a second).
    package mutating func unique(_ title: String) -> String {
        var base = String(title.map { "[]:*?/\\".contains($0) || $0.isNewline ? "-" : $0 })
        base = base.trimmingCharacters(in: .whitespaces)
        while base.hasPrefix("'") { base.removeFirst() }
        if base.isEmpty || base.lowercased() == "history" { base = "Sheet" }
        var candidate = Self.cut(base, to: 31)
        var number = 2
        while taken.contains(candidate.lowercased()) {
            let tail = " (\(number))"
            candidate = Self.cut(base, to: 31 - tail.count) + tail
            number += 1
        }
        taken.insert(candidate.lowercased())
        return candidate
    }

    /// `text` cut to `count` code points (as Excel and libxlsxwriter count), with no apostrophe or space left at the end.
    private static func cut(_ text: String, to count: Int) -> String {
        var cut = String(String.UnicodeScalarView(text.unicodeScalars.prefix(count)))
        while cut.hasSuffix("'") || cut.hasSuffix(" ") { cut.removeLast() }
        return cut.isEmpty ? "Sheet" : cut
    }
}
