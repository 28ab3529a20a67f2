import Foundation
import PolsoCSV
@testable import PolsoWorkbook
import Testing

/// `forms.xlsx` cut short and with bytes changed at many places: every reading either succeeds
/// with the twin's records (a change the CRC-32 or XML cannot see, e.g. in an unused part) or
/// stops with a ``WorkbookError`` naming the file; none crashes or hangs.
@Suite("Workbook reader: damaged files")
struct DamagedWorkbookTests {
    static let original = try! [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixture.path("forms.xlsx"))))

    static func outcome(of bytes: [UInt8]) throws -> Result<[[String]], WorkbookError> {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("polso-damaged-\(UUID().uuidString).xlsx").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let reader = try WorkbookReader(path: path)
            var rows: [[String]] = []
            try reader.forEachRecord { rows.append($0.strings()) }
            return .success(rows)
        } catch let error as WorkbookError {
            #expect(error.file == path)
            return .failure(error)
        }
    }

    @Test("cut short at 40 lengths")
    func truncated() throws {
        for step in 1..<40 {
            let length = Self.original.count * step / 40
            let result = try Self.outcome(of: Array(Self.original.prefix(length)))
            if case .success = result { Issue.record("a workbook cut to \(length) of \(Self.original.count) bytes was read") }
        }
    }

    @Test("one byte changed at 60 places")
    func flipped() throws {
        let twin = try Fixture.records("forms.xlsx").map(\.1)
        var refused = 0
        for step in 0..<60 {
            var bytes = Self.original
            let offset = 30 + (bytes.count - 60) * step / 60
            bytes[offset] ^= 0x5A
            switch try Self.outcome(of: bytes) {
            case let .success(rows): #expect(rows == twin, "byte \(offset) changed, yet read as other records")
            case .failure: refused += 1
            }
        }
        #expect(refused > 30)
    }
}
