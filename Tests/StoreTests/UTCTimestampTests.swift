import Foundation
import Store
import Testing

/// The store's timestamps, written without Foundation's formatters, are the text those formatters
/// write for the same moments.
@Suite("UTC timestamps")
struct UTCTimestampTests {
    @Test("ISO 8601 and the lock's readable form equal Foundation's formatters over 1970–2100, leap days and fractions included")
    func sameAsFoundation() throws {
        let iso = ISO8601DateFormatter()
        let readable = DateFormatter()
        readable.locale = Locale(identifier: "en_US_POSIX")
        readable.timeZone = TimeZone(identifier: "UTC")
        readable.dateFormat = "yyyy-MM-dd HH:mm:ss 'UTC'"
        var moments: [Date] = [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 951_782_400),  // 2000-02-29
                               Date(timeIntervalSince1970: 1_709_164_799.999), Date(timeIntervalSince1970: 4_102_444_799)]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 { moments.append(Date(timeIntervalSince1970: Double.random(in: 0..<4_102_444_800, using: &generator))) }
        for moment in moments {
            #expect(UTCTimestamp.iso8601(moment) == iso.string(from: moment), "\(moment.timeIntervalSince1970)")
            #expect(UTCTimestamp.readable(moment) == readable.string(from: moment), "\(moment.timeIntervalSince1970)")
        }
        #expect(UTCTimestamp.iso8601(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00Z")
    }
}
