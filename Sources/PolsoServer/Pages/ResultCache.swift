import Synchronization

/// Computed page inputs kept while what they were computed from is unchanged: each entry holds
/// the fingerprint of its sources (the body's waves and files, its plans' files), and a request
/// whose fingerprint differs computes afresh. An import, a removal or a push — from the pages or
/// from the command line — changes the fingerprint, so nothing stale is ever shown.
package final class ResultCache<Value: Sendable>: Sendable {
    private let entries = Mutex<[String: (fingerprint: String, value: Value)]>([:])
    /// The most entries kept; beyond it the cache starts again empty.
    package let capacity: Int

    package init(capacity: Int = 512) { self.capacity = capacity }

    /// The value for `key` computed from sources with `fingerprint`, computing it when absent or stale.
    package func value(for key: String, fingerprint: String, compute: () throws -> Value) rethrows -> Value {
        if let entry = entries.withLock({ $0[key] }), entry.fingerprint == fingerprint { return entry.value }
        let value = try compute()
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll() }
            entries[key] = (fingerprint, value)
        }
        return value
    }
}
