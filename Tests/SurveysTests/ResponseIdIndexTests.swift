import Foundation
import PolsoTestSupport
@testable import Surveys
import Testing

/// The compact respondent-id set against a dictionary of strings, the exact reference: the same
/// answer for every id, whatever the shape of the numbering.
@Suite("Respondent-id index")
struct ResponseIdIndexTests {
    /// Numberings as tools write them, each with some repeats and lines that skip (quoted line breaks).
    static let shapes: [String] = ["consecutive", "gappy", "descending", "shuffled", "text", "mixed"]

    static func ids(_ shape: String, count: Int, random: inout SeededRandom) -> [String] {
        switch shape {
        case "consecutive": return (1...count).map(String.init)
        case "gappy":
            var next = UInt64(10_234_567_890)
            return (0..<count).map { _ in
                next += UInt64.random(in: 1...5_000, using: &random)
                return String(next)
            }
        case "descending": return (1...count).reversed().map(String.init)
        case "shuffled": return (1...count).map(String.init).shuffled(using: &random)
        case "text": return (0..<count).map { _ in "R_" + String((0..<15).map { _ in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".randomElement(using: &random)! }) }
        default:
            // Ascending with some out of order, leading zeros (`007` is not `7`), 0, 19-digit and text ids.
            return (1...count).map { index in
                switch Int.random(in: 0..<20, using: &random) {
                case 0: return String(Int.random(in: 0...index, using: &random))
                case 1: return "00" + String(index)
                case 2: return "1234567890123456789"
                case 3: return "uuid:\(index % 7)"
                default: return String(index * 3)
                }
            }
        }
    }

    /// Inserts `ids` (with some repeated) on lines that mostly step by one, checking every answer
    /// against a dictionary; returns both.
    static func fill(_ ids: [String], random: inout SeededRandom, firstLine: Int32 = 2) -> (ResponseIdIndex, [String: Int32]) {
        var index = ResponseIdIndex()
        var reference: [String: Int32] = [:]
        var line = firstLine
        var all = ids
        for _ in 0..<(ids.count / 50) { all.insert(ids.randomElement(using: &random)!, at: Int.random(in: 0...all.count, using: &random)) }
        for id in all {
            let earlier = Array(id.utf8).withUnsafeBytes { index.insert($0, tag: line) }
            #expect(earlier == reference[id], "\(id) at \(line)")
            if reference[id] == nil { reference[id] = line }
            line += Int.random(in: 0..<10, using: &random) == 0 ? Int32.random(in: 2...4, using: &random) : 1
        }
        return (index, reference)
    }

    @Test("every id found with its first line, every other id not found", arguments: shapes)
    func exact(shape: String) {
        var random = SeededRandom(seed: 15)
        for count in [1, 127, 128, 129, 1_000, 20_000] {
            let (index, reference) = Self.fill(Self.ids(shape, count: count, random: &random), random: &random)
            #expect(index.count == reference.count)
            for (id, line) in reference {
                #expect(Array(id.utf8).withUnsafeBytes { index.tag(of: $0) } == line, "\(shape) \(count): \(id)")
            }
            for absent in ["0", "007", String(count * 3 + 1), "10234567890", "R_", "", "18446744073709551615"] where reference[absent] == nil {
                #expect(Array(absent.utf8).withUnsafeBytes { index.tag(of: $0) } == nil, "\(shape) \(count): \(absent)")
            }
        }
    }

    @Test("two parts overlap exactly when they share an id; appended, the lines move by the offset", arguments: shapes)
    func parts(shape: String) {
        var random = SeededRandom(seed: 16)
        let ids = Self.ids(shape, count: 3_000, random: &random)
        for split in [1, 1_500, 2_999] {
            var (first, firstReference) = Self.fill(Array(ids[..<split]), random: &random)
            let (later, laterReference) = Self.fill(Array(ids[split...]), random: &random, firstLine: 1)
            let shared = laterReference.keys.contains { firstReference[$0] != nil }
            #expect(first.overlaps(later) == shared, "\(shape) split at \(split)")
            guard !shared else { continue }
            first.append(later, offset: 1_000_000)
            #expect(first.count == firstReference.count + laterReference.count)
            for (id, line) in firstReference { #expect(Array(id.utf8).withUnsafeBytes { first.tag(of: $0) } == line) }
            for (id, line) in laterReference { #expect(Array(id.utf8).withUnsafeBytes { first.tag(of: $0) } == line + 1_000_000) }
        }
    }

    @Test("consecutive ids on consecutive lines keep no steps; a stored file finds position and line")
    func compact() {
        var ascending = AscendingIds()
        for id in 1...1_000 { ascending.append(UInt64(id), tag: Int32(id + 1)) }
        #expect(ascending.tag(of: 1) == 2 && ascending.tag(of: 1_000) == 1_001 && ascending.tag(of: 1_001) == nil && ascending.tag(of: 0) == nil)
        var lines: [Int32] = []
        ascending.forEach { _, line in lines.append(line) }
        #expect(lines == (2...1_001).map(Int32.init))
        // Lines may step back across a part's start: kept as given.
        var stepping = AscendingIds()
        for (id, line) in [(5, 10), (6, 3), (9, 2_000_000_000), (10, -4)] { stepping.append(UInt64(id), tag: Int32(line)) }
        #expect([5, 6, 9, 10, 7].map { stepping.tag(of: UInt64($0)) } == [10, 3, 2_000_000_000, -4, nil])

        // A block that keeps unit steps for a while and then needs its steps (they are written
        // only then): a gap at every place of the first block, and in a later one.
        for gapAt in [1, 2, 3, 64, 126, 127, 128, 129, 300] {
            var gappy = AscendingIds()
            var expected: [(UInt64, Int32)] = []
            for index in 0..<400 {
                let id = UInt64(index + 1 + (index >= gapAt ? 5 : 0))
                let line = Int32(index + 2 + (index >= gapAt + 10 ? 3 : 0))
                gappy.append(id, tag: line)
                expected.append((id, line))
            }
            #expect(expected.allSatisfy { gappy.tag(of: $0.0) == $0.1 }, "gap at \(gapAt)")
            #expect(gappy.tag(of: UInt64(gapAt + 2)) == nil, "an id in the gap")
            var seen: [(UInt64, Int32)] = []
            gappy.forEach { seen.append(($0, $1)) }
            #expect(seen.map(\.0) == expected.map(\.0) && seen.map(\.1) == expected.map(\.1), "gap at \(gapAt)")
        }

        var stored = StoredFileIds()
        for (id, line) in [("7", 2), (nil, 3), ("", 4), ("R_abc", 6), ("7", 7), ("8", 8)] as [(String?, Int)] {
            if let id { Array(id.utf8).withUnsafeBytes { stored.add($0, line: line) } } else { stored.add(nil, line: line) }
        }
        #expect(stored.respondents == 6)
        #expect(Array("7".utf8).withUnsafeBytes { stored.find($0) }.map { [$0.position, $0.line] } == [0, 2])
        #expect(Array("R_abc".utf8).withUnsafeBytes { stored.find($0) }.map { [$0.position, $0.line] } == [3, 6])
        #expect(Array("8".utf8).withUnsafeBytes { stored.find($0) }.map { [$0.position, $0.line] } == [5, 8])
        #expect(Array("9".utf8).withUnsafeBytes { stored.find($0) } == nil)
    }
}
