/// A matrix over ``PrimeField`` brought to reduced row echelon form: its rank, the vectors its
/// rows span, and its kernel.
package struct RowEchelon: Sendable {
    /// The non-zero rows, reduced; row `i` has its leading 1 in column `pivots[i]`.
    package private(set) var rows: [[UInt64]]
    /// The pivot column of each row.
    package private(set) var pivots: [Int]
    /// Columns of the matrix.
    package let columns: Int

    /// Reduces `matrix`, whose rows all have `columns` entries.
    package init(_ matrix: [[UInt64]], columns: Int) {
        self.columns = columns
        var rows = matrix
        var pivots: [Int] = []
        var rank = 0
        for column in 0..<columns where rank < rows.count {
            guard let pivotRow = (rank..<rows.count).first(where: { rows[$0][column] != 0 }) else { continue }
            rows.swapAt(rank, pivotRow)
            let scale = PrimeField.inverse(rows[rank][column])
            rows[rank] = rows[rank].map { PrimeField.multiply($0, scale) }
            for other in rows.indices where other != rank && rows[other][column] != 0 {
                let factor = rows[other][column]
                for c in column..<columns where rows[rank][c] != 0 {
                    rows[other][c] = PrimeField.subtract(rows[other][c], PrimeField.multiply(factor, rows[rank][c]))
                }
            }
            pivots.append(column)
            rank += 1
        }
        self.rows = Array(rows.prefix(rank))
        self.pivots = pivots
    }

    /// Whether `vector` is a linear combination of the rows.
    package func spans(_ vector: [UInt64]) -> Bool {
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
    package func kernelSignatures() -> [[UInt64]] {
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
