import PolsoTestSupport
import PolsoYAML
import Surveys
import Testing

@Suite("Codebook files")
struct CodebookTests {
    /// A valid codebook, one line per key, with numbered lines for the error tests below.
    static let lines = [
        "instrument: prova",          // 1
        "version: \"1\"",             // 2
        "scale:",                     // 3
        "  min: 1",                   // 4
        "  max: 6",                   // 5
        "blocks:",                    // 6
        "  - id: b",                  // 7
        "    title: Blocco",          // 8
        "    sections:",              // 9
        "      - code: A",            // 10
        "        title: Sezione A",   // 11
        "        items:",             // 12
        "          - code: A.01",     // 13
        "            text: Primo",    // 14
        "          - code: A.02",     // 15
        "            text: Secondo",  // 16
        "            reversed: true", // 17
    ]

    /// The codebook with `line` (1-based) replaced, loaded from a file; returns the error and the path.
    func loadError(replacing line: Int, with text: String) throws -> (YAMLFileError?, String) {
        try withTemporaryFolder { folder in
            var lines = Self.lines
            lines[line - 1] = text
            let path = try folder.write("codebook.yaml", text: lines.joined(separator: "\n") + "\n")
            let error = #expect(throws: YAMLFileError.self) { _ = try Codebook.load(path: path) }
            return (error, path)
        }
    }

    @Test("the valid base loads, with its reversed item")
    func valid() throws {
        let codebook = try Codebook.decode(yaml: Self.lines.joined(separator: "\n"), file: "prova.yaml")
        #expect(codebook.items.map(\.code) == ["A.01", "A.02"])
        #expect(codebook.items.map(\.reversed) == [false, true])
        #expect(codebook.scale == Scale(min: 1, max: 6, positiveFrom: 4))
        #expect(codebook.blocks.map(\.inSynthesis) == [true])
    }

    @Test("an unknown key names the file, its line and the key path")
    func unknownKey() throws {
        let (error, path) = try loadError(replacing: 17, with: "            revresed: true")
        #expect(error?.file == path)
        #expect(error?.line == 17)
        #expect(error?.keyPath == "blocks[0].sections[0].items[1].revresed")
        #expect(error?.message == "unknown key 'revresed'; expected one of: aliases, code, codes, importance_of, reversed, scale, text")
        #expect(error?.description.hasPrefix("\(path):17:") == true)
    }

    @Test("an unknown key whose value is a nested block points at the key's line")
    func unknownKeyWithNestedValue() throws {
        let (error, _) = try loadError(replacing: 12, with: "        itmes:")
        #expect(error?.line == 12)
        #expect(error?.keyPath == "blocks[0].sections[0].itmes")
    }

    @Test("a duplicate item code names the second one's line")
    func duplicateItemCode() throws {
        let (error, path) = try loadError(replacing: 15, with: "          - code: A.01")
        #expect(error?.file == path)
        #expect(error?.line == 15)
        #expect(error?.keyPath == "blocks[0].sections[0].items[1].code")
        #expect(error?.message == "item code 'A.01' is used twice")
    }

    @Test("a scale whose max is not above its min names scale.max")
    func badScale() throws {
        let (error, path) = try loadError(replacing: 4, with: "  min: 7")
        #expect(error?.file == path)
        #expect(error?.line == 5)
        #expect(error?.keyPath == "scale.max")
        #expect(error?.message == "a scale needs min < max and at most 101 points; found 7–6")
    }

    @Test("a scale label outside the scale names scale.labels")
    func badScaleLabel() throws {
        let (error, _) = try loadError(replacing: 5, with: "  max: 6\n  labels: {1: Mai, 7: Sempre}")
        #expect(error?.line == 6)
        #expect(error?.keyPath == "scale.labels")
        #expect(error?.message == "label for 7, which is not a point of the scale 1–6")
    }

    @Test("a missing required key names its mapping")
    func missingKey() throws {
        let (error, _) = try loadError(replacing: 14, with: "            # text left out")
        #expect(error?.keyPath.hasPrefix("blocks[0].sections[0].items[0]") == true)
        #expect(error?.line == 13)
    }

    @Test("the built-in ANAC codebook loads: 15 sections, importance outside synthesis, 5 demographics")
    func anac() throws {
        let codebook = try Codebook.load(path: Repository.anacCodebook)
        #expect(codebook.instrument == "anac-2013")
        #expect(codebook.blocks.flatMap(\.sections).map(\.code) == ["A", "B", "C", "D", "E", "F", "G", "H", "I", "Q", "L", "M", "N", "O", "P"])
        #expect(codebook.blocks.map(\.inSynthesis) == [true, false, true, true])
        #expect(codebook.demographics.map(\.code) == ["gender", "contract", "age", "tenure", "role"])
        #expect(codebook.scale.reversed(2) == 5)
    }
}
