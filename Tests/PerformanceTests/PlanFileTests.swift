import Testing
import Performance
import PlanFiles
import PolsoYAML

@Suite("plan.yaml")
struct PlanFileTests {
    let minimal = """
    body: Camera di Commercio di Prova
    year: 2020
    profile:
      preset: massa-carrara
      tolerance: 90
      late_dates: proportional
      bands:
        - label: basso
          below: 70
        - label: alto
          from: 70
    children:
      - code: OS1
        kind: strategic
        weight: 33,34
        mission: 011.005
        indicators:
          - code: I1
            comparator: ">="
            target: 15,00 %
            unit: "%"
            value:
              numerator: 763
              denominator: 828
            weight: 50
            printed:
              value: 92,15 %
          - code: I2
            comparator: by-date
            target: 28/02/2019
            value: 2019-03-01
            weight: 50
        children:
          - code: OO1
            kind: operational
            weight: 100
            indicators:
              - code: I1
                comparator: yes-no
                target: si
                value: no
                weight: 100
      - code: OS2
        kind: strategic
        weight: 66,66
        indicators:
          - code: I1
            comparator: "<="
            target: 0
            value: n.d.
            weight: 100
    """

    func error(_ text: String) -> YAMLFileError? {
        do {
            _ = try PlanFile.decode(text, file: "plan.yaml")
            return nil
        } catch {
            return error
        }
    }

    @Test("a plan reads into the model, weights and values as printed")
    func reads() throws {
        let plan = try PlanFile.decode(minimal, file: "plan.yaml")
        #expect(plan.profile.preset == "massa-carrara")
        #expect(plan.profile.tolerance?.value == 90)
        #expect(plan.profile.lateDates == .proportional)
        #expect(plan.profile.bands?.band(for: 70)?.label == "alto")
        let os1 = plan.root.children[0]
        #expect(os1.weight?.text == "33,34")
        #expect(os1.mission == "011.005")
        #expect(os1.indicators[0].source == .typed(.ratio(numerator: PrintedNumber(763), denominator: PrintedNumber(828))))
        #expect(os1.indicators[0].printed.value?.text == "92,15 %")
        #expect(os1.indicators[1].unit == .date)
        #expect(os1.children[0].indicators[0].source == .typed(.yesNo(false)))
        #expect(plan.root.children[1].indicators[0].source == .typed(.notAvailable))
        #expect(plan.root.code == "Ente")
        #expect(plan.root.name == "Camera di Commercio di Prova")
    }

    @Test("errors name the line and the key", arguments: [
        // A misspelt key.
        ("      - code: A\n        kind: strategic\n        wieght: 100\n", 6, "children[0].wieght", "unknown key 'wieght'"),
        // An override without a justification.
        ("      - code: A\n        kind: strategic\n        weight: 100\n        override:\n          achievement: 100\n",
         8, "children[0].override.justification", "written justification"),
        // A comparator that does not exist.
        ("      - code: A\n        kind: strategic\n        weight: 100\n        indicators:\n          - code: I\n"
            + "            comparator: \"=>\"\n            target: 5\n            weight: 100\n",
         9, "children[0].indicators[0].comparator", "unknown comparator '=>'"),
        // A value that is not a number.
        ("      - code: A\n        kind: strategic\n        weight: 100\n        indicators:\n          - code: I\n"
            + "            comparator: \">=\"\n            target: 5\n            value: cinque\n            weight: 100\n",
         11, "children[0].indicators[0].value", "'cinque' is not a number"),
        // A deadline that is not a date.
        ("      - code: A\n        kind: strategic\n        weight: 100\n        indicators:\n          - code: I\n"
            + "            comparator: by-date\n            target: 31/13/2016\n            weight: 100\n",
         10, "children[0].indicators[0].target", "is not a date"),
        // A node kind that does not exist.
        ("      - code: A\n        kind: objective\n        weight: 100\n", 5, "children[0].kind", "unknown value 'objective'"),
        // A code that names the position given to a code printed twice (A, A → A, A#2).
        ("      - code: A\n        kind: strategic\n        weight: 50\n      - code: A\n        kind: strategic\n        weight: 50\n"
            + "      - code: A#2\n        kind: strategic\n        weight: 0\n",
         10, "children[2].code", "names the same path as a repeated sibling code"),
        // A weight missing under a weighted sum.
        ("      - code: A\n        kind: strategic\n", 4, "children[0].weight", "missing"),
    ])
    func located(tree: String, line: Int, key: String, message: String) throws {
        let found = try #require(error(normalise(tree)))
        #expect(found.file == "plan.yaml")
        #expect(found.line == line)
        #expect(found.keyPath == key)
        #expect(found.message.contains(message))
    }

    /// The tree under `children:` of a two-line header, so that line numbers are easy to count:
    /// line 1 `body`, 2 `year`, 3 `children:`, the tree from line 4.
    func normalise(_ tree: String) -> String {
        "body: X\nyear: 2020\nchildren:\n" + tree
    }

    @Test("profile errors: unknown preset, blend shares, overlapping bands")
    func profileErrors() throws {
        let preset = try #require(error("body: X\nyear: 2020\nprofile:\n  preset: siena\n"))
        #expect(preset.line == 4)
        #expect(preset.keyPath == "profile.preset")
        let blend = try #require(error("""
        body: X
        year: 2020
        profile:
          rollup:
            strategic:
              blend:
                indicators: 60
                objectives: 50
        """))
        #expect(blend.keyPath == "profile.rollup.strategic.blend.objectives")
        #expect(blend.message.contains("sum to 100"))
        let bands = try #require(error("""
        body: X
        year: 2020
        profile:
          bands:
            - label: a
              below: 70
              to: 71
        """))
        #expect(bands.keyPath == "profile.bands[0].to")
    }

    @Test("a flow mapping splits an Italian decimal comma: the error points at it")
    func flowComma() throws {
        let found = try #require(error("""
        body: X
        year: 2020
        children:
          - code: A
            kind: strategic
            weight: 100
            printed: {achievement: 94,23 %}
        """))
        #expect(found.line == 7)
        #expect(found.message.contains("unknown key"))
    }

    /// A plan whose numbers read differently in the two notations, with `numbers:` as given (line 3).
    func notationPlan(_ declaration: String) -> String {
        """
        body: X
        year: 2020
        \(declaration)
        profile:
          tolerance: 90
        children:
          - code: A
            kind: strategic
            weight: 100
            indicators:
              - code: I1
                comparator: ">="
                target: 1.295
                value: 881.000
                weight: 100
              - code: I2
                comparator: "<="
                target: 2,094
                value:
                  numerator: 1.500
                  denominator: 3
                weight: 0
        """
    }

    func number(_ target: Target) -> Double? {
        if case let .number(number) = target { return number.value }
        return nil
    }

    @Test("1.295 is refused without a declared notation: file, line, key, both readings and the key that settles it")
    func ambiguousNumber() throws {
        let found = try #require(error(notationPlan("document: prova")))
        #expect(found.file == "plan.yaml")
        #expect(found.line == 13)
        #expect(found.keyPath == "children[0].indicators[0].target")
        #expect(found.message.contains("'1.295' can be read two ways"))
        #expect(found.message.contains("1295 if '.' separates thousands (numbers: it)"))
        #expect(found.message.contains("1 and 295 thousandths if '.' is the decimal separator (numbers: en)"))
        #expect(found.description.hasPrefix("plan.yaml:13:"))
        // A decimal comma before three digits is just as ambiguous.
        let comma = try #require(error(notationPlan("document: prova").replacingOccurrences(of: "1.295", with: "1295")
            .replacingOccurrences(of: "881.000", with: "881")))
        #expect(comma.keyPath == "children[0].indicators[1].target")
        #expect(comma.message.contains("2094 if ',' separates thousands (numbers: en)"))
        #expect(comma.message.contains("2 and 94 thousandths if ',' is the decimal separator (numbers: it)"))
    }

    @Test("numbers: it reads '.' as thousands and ',' as decimals, numbers: en the reverse", arguments: [
        // notation, target of I1, decimals of 881.000 and 1.500 (0: '.' separates thousands, 3: it is the decimal point), target of I2
        ("it", 1295.0, 0, 2.094), ("en", 1.295, 3, 2094.0),
    ])
    func declaredNotation(notation: String, target: Double, decimals: Int, secondTarget: Double) throws {
        let plan = try PlanFile.decode(notationPlan("numbers: \(notation)"), file: "plan.yaml")
        let first = plan.root.children[0].indicators[0], second = plan.root.children[0].indicators[1]
        #expect(number(first.target) == target)
        #expect(first.source.measured == .number(PrintedNumber(units: 881_000, decimals: decimals, text: "881.000")))
        #expect(number(second.target) == secondTarget)
        #expect(second.source.measured == .ratio(numerator: PrintedNumber(units: 1500, decimals: decimals, text: "1.500"),
                                                  denominator: PrintedNumber(3)))
    }

    @Test("a number written in the other notation than the declared one is refused, with the fix")
    func otherNotation() throws {
        let found = try #require(error(notationPlan("numbers: it").replacingOccurrences(of: "tolerance: 90", with: "tolerance: 92.15")))
        #expect(found.line == 5)
        #expect(found.keyPath == "profile.tolerance")
        #expect(found.message.contains("'92.15' does not follow the plan's notation 'numbers: it'"))
        #expect(found.message.contains("write 92,15"))
        let unknown = try #require(error(notationPlan("numbers: fr")))
        #expect(unknown.line == 3)
        #expect(unknown.keyPath == "numbers")
        #expect(unknown.message.contains("expected one of: it, en"))
    }
}
