import Foundation

/// Slows down password guessing: after a few failed sign-ins for one account, or from one
/// address, each further attempt must wait twice as long as the last (1 s, 2 s, 4 s… up to
/// 15 minutes). A success clears the account's and the address's count.
package actor LoginThrottle {
    /// Failures allowed for one account before waiting starts.
    static let freeAttemptsPerAccount = 3
    /// Failures allowed from one address: higher, since an office's staff may share one address.
    static let freeAttemptsPerAddress = 20
    /// The first wait.
    static let baseDelay: TimeInterval = 1
    /// The longest wait.
    static let maximumDelay: TimeInterval = 15 * 60

    private struct Record {
        var failures: Int
        var lastFailure: Date
    }

    private var accounts: [String: Record] = [:]
    private var addresses: [String: Record] = [:]
    private let now: @Sendable () -> Date

    package init(now: @escaping @Sendable () -> Date) {
        self.now = now
    }

    /// How long the account or the address must still wait before trying again (0: it may try now).
    package func wait(account: String, address: String) -> TimeInterval {
        let time = now()
        return max(remaining(accounts[account], free: Self.freeAttemptsPerAccount, at: time),
                   remaining(addresses[address], free: Self.freeAttemptsPerAddress, at: time))
    }

    /// Counts a failed attempt.
    package func recordFailure(account: String, address: String) {
        let time = now()
        accounts[account, default: Record(failures: 0, lastFailure: time)].failures += 1
        accounts[account]!.lastFailure = time
        addresses[address, default: Record(failures: 0, lastFailure: time)].failures += 1
        addresses[address]!.lastFailure = time
        forgetStale(at: time)
    }

    /// Clears the counts after a successful sign-in.
    package func recordSuccess(account: String, address: String) {
        accounts[account] = nil
        addresses[address] = nil
    }

    /// The wait after `failures` failed attempts, `free` of which cost nothing.
    package static func delay(afterFailures failures: Int, free: Int) -> TimeInterval {
        guard failures >= free else { return 0 }
        let exponent = min(failures - free, 20)
        return min(baseDelay * pow(2, Double(exponent)), maximumDelay)
    }

    private func remaining(_ record: Record?, free: Int, at time: Date) -> TimeInterval {
        guard let record else { return 0 }
        return max(0, record.lastFailure.addingTimeInterval(Self.delay(afterFailures: record.failures, free: free)).timeIntervalSince(time))
    }

    /// Drops records idle for a day, so that a scan of many names cannot grow memory for ever.
    private func forgetStale(at time: Date) {
        guard accounts.count + addresses.count > 10_000 else { return }
        let cutoff = time.addingTimeInterval(-86_400)
        accounts = accounts.filter { $0.value.lastFailure > cutoff }
        addresses = addresses.filter { $0.value.lastFailure > cutoff }
    }
}
