import PolsoYAML
@testable import Surveys
import Testing

/// Two sections of one block: A on the default 1–6 scale, B on 1–4 and 10–13.
let mixedScalesYAML = """
    instrument: mixed
    version: "1"
    title: "Scale miste"
    scale: {min: 1, max: 6}
    blocks:
      - id: b
        title: "Blocco"
        sections:
          - code: A
            title: "Sei punti"
            items:
              - {code: A1, text: "a1"}
          - code: B
            title: "Misti"
            items:
              - {code: B1, text: "b1", scale: {min: 1, max: 4}}
              - {code: B2, text: "b2", scale: {min: 10, max: 13}, reversed: true}

    """

@Suite("Scales: what is averaged together shares one scale, or is rescaled")
struct ScaleCheckTests {
    static func decode(_ old: String = "", _ new: String = "") throws -> Codebook {
        try Codebook.decode(yaml: old.isEmpty ? mixedScalesYAML : mixedScalesYAML.replacingOccurrences(of: old, with: new), file: "mixed.yaml")
    }

    static func error(_ old: String = "", _ new: String = "") -> YAMLFileError? {
        #expect(throws: YAMLFileError.self) { _ = try decode(old, new) }
    }

    @Test("a section of two scales is refused naming its items and their scales")
    func mixedSection() {
        let error = Self.error()
        #expect(error?.keyPath == "blocks[0].sections[1]")
        #expect(error?.message.hasPrefix("section 'B' mixes scales: B1 on 1–4; B2 on 10–13; items averaged together must share one scale") == true)
    }

    @Test("a section rescaled alone leaves its block mixing 0–100 with 1–6: refused naming the sections")
    func mixedBlock() {
        let error = Self.error("        title: \"Misti\"\n", "        title: \"Misti\"\n        rescale: {to: [0, 100]}\n")
        #expect(error?.keyPath == "blocks[0]")
        #expect(error?.message.hasPrefix("block 'b' mixes scales: sections A on 1–6; B on 0–100;") == true)
    }

    @Test("rescale on the block: reversal on the item's scale first, then the linear map; the nearest rescale wins")
    func rescaled() throws {
        let codebook = try Self.decode("    title: \"Blocco\"\n", "    title: \"Blocco\"\n    rescale: {to: [0, 10]}\n")
        // A1 on 1–6: 6 → 10, 1 → 0; B1 on 1–4: 2 → 3,333; B2 reversed on 10–13: 10 → 13 → 10, 12 → 11 → 3,333.
        #expect(codebook.score(raw: 6, item: 0) == 10)
        #expect(codebook.score(raw: 1, item: 0) == 0)
        #expect(abs(codebook.score(raw: 2, item: 1) - 10.0 / 3) < 1e-12)
        #expect(codebook.score(raw: 10, item: 2) == 10)
        #expect(abs(codebook.score(raw: 12, item: 2) - 10.0 / 3) < 1e-12)
        #expect(codebook.scoredPoint(raw: 12, item: 2) == 11)
        #expect(codebook.scoreRange(ofItem: 2) == 0...10)
        // A codebook-wide rescale to 0–100 does not override the block's 0–10.
        let nearest = try Codebook.decode(yaml: mixedScalesYAML
            .replacingOccurrences(of: "    title: \"Blocco\"\n", with: "    title: \"Blocco\"\n    rescale: {to: [0, 10]}\n")
            .replacingOccurrences(of: "scale: {min: 1, max: 6}\n", with: "scale: {min: 1, max: 6}\nrescale: {to: [0, 100]}\n"), file: "m.yaml")
        #expect(nearest.scoreRange(ofItem: 0) == 0...10)
    }

    @Test("a rescale must go from low to high", arguments: ["[100, 0]", "[0]", "[5, 5]"])
    func badRescale(bounds: String) {
        let error = Self.error("    title: \"Blocco\"\n", "    title: \"Blocco\"\n    rescale: {to: \(bounds)}\n")
        #expect(error?.keyPath == "blocks[0].rescale.to")
        #expect(error?.message == "rescale needs to: [low, high] with low < high, e.g. to: [0, 100]")
    }

    @Test("scale points must fit the stored byte: negative or large codes belong under codes")
    func outOfByte() {
        let error = Self.error("scale: {min: 1, max: 6}", "scale: {min: -2, max: 6}")
        #expect(error?.message.hasPrefix("the points of a scale must lie within 0–251; found -2–6") == true)
    }
}

extension ScaleCheckTests {
    @Test("an importance item and the section it rates must share one scale: their gap subtracts them")
    func importanceScale() throws {
        // Section B rescaled onto 1–6, so block b is on 1–6; then an importance block rating section A.
        let base = mixedScalesYAML.replacingOccurrences(of: "        title: \"Misti\"\n", with: "        title: \"Misti\"\n        rescale: {to: [1, 6]}\n")
        func importance(_ rescale: String) -> String {
            base + """
                  - id: importanza
                    title: "Importanza"
                    synthesis: false
                \(rescale)    sections:
                      - code: Q
                        title: "Importanza"
                        items:
                          - {code: Q1, text: "q1", importance_of: A}

                """
        }
        _ = try Codebook.decode(yaml: importance(""), file: "m.yaml")
        let error = #expect(throws: YAMLFileError.self) {
            _ = try Codebook.decode(yaml: importance("    rescale: {to: [0, 100]}\n"), file: "m.yaml")
        }
        #expect(error?.keyPath == "blocks[1].sections[0]")
        #expect(error?.message == "item Q1, the importance of section 'A', is on 0–100 and section 'A' on 1–6: their gap subtracts one from the other; put both on one scale (rescale the importance block the same way)")
    }
}
