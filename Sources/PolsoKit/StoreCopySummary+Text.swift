import Reports
import Store

extension StoreCopySummary {
    /// The summary as `polso store copy` prints it: totals and time, then each table with its rows,
    /// bytes and content digest (``StoreCopyReport``).
    public func text() -> String {
        StoreCopyReport(source: source, destination: destination,
                        tables: tables.map { StoreCopyReport.Table(name: $0.name, rows: $0.rows, bytes: $0.bytes, digest: $0.digest) },
                        rows: rows, bytes: bytes, seconds: seconds).render()
    }
}
