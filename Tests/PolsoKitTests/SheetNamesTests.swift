import PolsoKit
import Testing

/// Sheet names from table titles follow Excel's rules.
@Suite("SheetNames: Excel's sheet-name rules")
struct SheetNamesTests {
    @Test("at most 31 code points, none of []:*?/\\, no edge apostrophe, unique regardless of case")
    func rules() {
        var names = SheetNames()
        #expect(names.unique("Benessere organizzativo") == "Benessere organizzativo")
        #expect(names.unique("BENESSERE organizzativo") == "BENESSERE organizzativo (2)")
        #expect(names.unique("a/b: c? [d] *e* \\f") == "a-b- c- -d- -e- -f")
        let long = "Grado di condivisione del sistema di valutazione — 2016 — genere"
        let first = names.unique(long)
        #expect(first == "Grado di condivisione del siste" && first.unicodeScalars.count == 31)
        let second = names.unique(long)
        #expect(second == "Grado di condivisione del s (2)" && second.unicodeScalars.count == 31)
        #expect(names.unique("'citato'") == "citato")
        #expect(names.unique("") == "Sheet")
        #expect(names.unique("History") == "Sheet (2)")
    }
}
