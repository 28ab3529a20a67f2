import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A moment in UTC as the store records it, written by the C library's `strftime`. Foundation's
/// date formatters load ICU's calendar and locale data for these fixed, locale-free formats: about
/// 9 MiB of an import's peak memory (issue 15), for one timestamp.
package enum UTCTimestamp {
    /// `2026-11-29T10:02:11Z`, as `ISO8601DateFormatter` writes it (the whole second of the time rounded to the millisecond).
    package static func iso8601(_ date: Date) -> String { format(date, "%Y-%m-%dT%H:%M:%SZ") }

    /// `2026-11-29 10:02:11 UTC`, as the writer lock records when its holder took it.
    package static func readable(_ date: Date) -> String { format(date, "%Y-%m-%d %H:%M:%S UTC") }

    private static func format(_ date: Date, _ pattern: String) -> String {
        // To the millisecond first, as Foundation's formatters do, then the whole second.
        var seconds = time_t(((date.timeIntervalSince1970 * 1000).rounded() / 1000).rounded(.down))
        var parts = tm()
        _ = gmtime_r(&seconds, &parts)
        var buffer = [CChar](repeating: 0, count: 64)
        let count = strftime(&buffer, buffer.count, pattern, &parts)
        return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
