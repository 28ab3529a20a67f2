/// A matrix over ``PrimeField`` brought to reduced row echelon form: its rank, the vectors its
/// rows span, and its kernel.
struct RowEchelon: Sendable {
    /// The non-zero rows, reduced; row `i` has its leading 1 in column `pivots[i]`.
    private(set) var rows: [[UInt64]]
    /// The pivot column of each row.
    private(set) var pivots: [Int]
    /// Columns of the matrix.
    let columns: Int

    /// Reduces `matrix`, whose rows all have `columns` entries.
    init(_ matrix: [[UInt64]], columns: Int) {
        self.columns = columns
        // One flat buffer: elimination runs often on the planners' many small matrices.
        var flat = matrix.flatMap { $0 }
        let rowCount = matrix.count
        var pivots: [Int] = []
        var rank = 0
        flat.withUnsafeMutableBufferPointer { a in
            for column in 0..<columns where rank < rowCount {
                guard Self.bringPivot(in: a, column: column, to: rank, rows: rowCount, columns: columns) else { continue }
                let base = rank * columns
                let lead = a[base + column]
                if lead != 1 {
                    let scale = PrimeField.inverse(lead)
                    for c in column..<columns where a[base + c] != 0 { a[base + c] = PrimeField.multiply(a[base + c], scale) }
                }
                for other in 0..<rowCount where other != rank {
                    let offset = other * columns
                    let factor = a[offset + column]
                    guard factor != 0 else { continue }
                    for c in column..<columns {
                        let value = a[base + c]
                        guard value != 0 else { continue }
                        a[offset + c] = PrimeField.subtract(a[offset + c], factor == 1 ? value : PrimeField.multiply(factor, value))
                    }
                }
                pivots.append(column)
                rank += 1
            }
        }
        rows = (0..<rank).map { Array(flat[($0 * columns)..<(($0 + 1) * columns)]) }
        self.pivots = pivots
    }

    /// The pivot columns of the 0/1 `matrix` (the first independent columns, left to right), by
    /// forward elimination only, stopping once `rank` are found. Modulo the small prime 2³¹ − 1,
    /// for speed: columns independent modulo a prime are independent over the rationals (a
    /// rational dependency scaled to coprime integers stays one), so every set returned is
    /// independent; a dependency modulo the prime alone can only make the set shorter.
    static func pivotColumns(_ matrix: [[UInt64]], columns: Int, rank: Int) -> [Int] {
        let p: UInt64 = (1 << 31) - 1
        func inverse(_ a: UInt64) -> UInt64 {
            var result: UInt64 = 1, base = a, exponent = p - 2
            while exponent > 0 {
                if exponent & 1 == 1 { result = result * base % p }
                base = base * base % p
                exponent >>= 1
            }
            return result
        }
        var flat = matrix.flatMap { $0 }
        let rowCount = matrix.count
        var pivots: [Int] = []
        flat.withUnsafeMutableBufferPointer { a in
            var row = 0
            for column in 0..<columns where row < rowCount && pivots.count < rank {
                guard bringPivot(in: a, column: column, to: row, rows: rowCount, columns: columns) else { continue }
                let base = row * columns
                let lead = inverse(a[base + column])
                for other in (row + 1)..<rowCount {
                    let offset = other * columns
                    guard a[offset + column] != 0 else { continue }
                    let factor = p - a[offset + column] * lead % p
                    for c in column..<columns where a[base + c] != 0 {
                        a[offset + c] = (a[offset + c] + factor * a[base + c]) % p
                    }
                }
                pivots.append(column)
                row += 1
            }
        }
        return pivots
    }

    /// Swaps into row `target` of the flat matrix `a` the first row from `target` on with a non-zero
    /// entry in `column`; false when there is none.
    private static func bringPivot(in a: UnsafeMutableBufferPointer<UInt64>, column: Int, to target: Int, rows: Int, columns: Int) -> Bool {
        guard let found = (target..<rows).first(where: { a[$0 * columns + column] != 0 }) else { return false }
        if found != target {
            for c in column..<columns { a.swapAt(target * columns + c, found * columns + c) }
        }
        return true
    }

    /// Whether 0/1 rows over `columns` columns, each given by the columns where it is 1, determine
    /// the sum over the columns `union`: whether its indicator vector lies in their span. Both
    /// planners ask this of the published figures restricted to what they hide.
    static func determines(_ union: some Sequence<Int>, rows: [some Sequence<Int>], columns: Int) -> Bool {
        let echelon = RowEchelon(rows.map { ones in
            var row = [UInt64](repeating: 0, count: columns)
            for column in ones { row[column] = 1 }
            return row
        }, columns: columns)
        var target = [UInt64](repeating: 0, count: columns)
        for column in union { target[column] = 1 }
        return echelon.spans(target)
    }

    /// Whether `vector` is a linear combination of the rows.
    func spans(_ vector: [UInt64]) -> Bool {
        var rest = vector
        for (row, pivot) in zip(rows, pivots) where rest[pivot] != 0 {
            let factor = rest[pivot]
            for c in pivot..<columns where row[c] != 0 {
                rest[c] = PrimeField.subtract(rest[c], PrimeField.multiply(factor, row[c]))
            }
        }
        return rest.allSatisfy { $0 == 0 }
    }

    /// For each column, its coordinates in a basis of the kernel: a vector is spanned by the rows
    /// exactly when the sum of its entries times these signatures is zero (the row space is the
    /// orthogonal complement of the kernel). A column whose signature is all zeros is determined alone.
    func kernelSignatures() -> [[UInt64]] {
        let free = (0..<columns).filter { !pivots.contains($0) }
        var signatures = [[UInt64]](repeating: [UInt64](repeating: 0, count: free.count), count: columns)
        for (k, column) in free.enumerated() {
            signatures[column][k] = 1
            for (row, pivot) in zip(rows, pivots) where row[column] != 0 {
                signatures[pivot][k] = PrimeField.subtract(0, row[column])
            }
        }
        return signatures
    }
}
