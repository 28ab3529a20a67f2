"""Independent figures for the duplicate checks (Tests/StoreTests/DuplicateCheckTests.swift and
the comments of Tests/PolsoCLITests/SameContentCLITests.swift): the binomial upper tail by exact
sums of math.comb, the chance of two alike answer rows, and the FNV-1a fingerprint of one row.

Run: python3 Tests/Checks/coincidence.py
"""
from math import comb

MASK = (1 << 64) - 1
BASIS, PRIME = 0xCBF29CE484222325, 0x100000001B3


def tail(successes, trials, chance):
    """P(X >= successes) for X ~ Binomial(trials, chance)."""
    return sum(comb(trials, k) * chance**k * (1 - chance) ** (trials - k) for k in range(successes, trials + 1))


def answer_chance(rows):
    """The chance that two respondents answered alike: the larger of the product over the fields
    of the sum of squared shares of each value, and the share of pairs of different rows that are
    identical. `rows` are tuples of stored codes (answers, then demographic options)."""
    n = len(rows)
    if n < 2:
        return 1.0
    product = 1.0
    for field in range(len(rows[0])):
        values = [row[field] for row in rows]
        product *= sum((values.count(v) / n) ** 2 for v in set(values))
    alike = sum(rows.count(r) * (rows.count(r) - 1) for r in set(rows)) / (n * (n - 1))
    return max(product, alike)


# The twelve answer rows of Tests/PolsoCLITests/SameContentCLITests.swift.
ROWS = [(1, 2), (3, 4), (5, 5), (2, 2), (4, 1), (3, 3), (1, 5), (2, 4), (5, 1), (4, 4), (3, 1), (2, 5)]
FRESH = [(5, 2), (1, 3), (4, 2), (5, 3), (1, 4), (2, 1)]


def fingerprint(answers, demographics):
    """FNV-1a 64 over the answer bytes, their count, the demographic bytes, their count."""
    h = BASIS
    for byte in list(answers) + [len(answers)] + list(demographics) + [len(demographics)]:
        h = ((h ^ byte) * PRIME) & MASK
    return h


if __name__ == "__main__":
    print("tail(8, 8, 1/8)    =", repr(tail(8, 8, 1 / 8)))
    print("tail(1, 12, 1/12)  =", repr(tail(1, 12, 1 / 12)))
    print("tail(2, 12, 1/12)  =", repr(tail(2, 12, 1 / 12)))
    print("tail(6, 6, 1/12)   =", repr(tail(6, 6, 1 / 12)))
    print("tail(30, 200, .05) =", repr(tail(30, 200, 0.05)))
    print("answer_chance of [(1,1),(1,2),(2,2),(2,2)] =", answer_chance([(1, 1), (1, 2), (2, 2), (2, 2)]))
    print("answer_chance of [(1,1),(1,1),(1,1),(2,2)] =", answer_chance([(1, 1), (1, 1), (1, 1), (2, 2)]))
    for k in range(2, 13):
        c = answer_chance(ROWS[:k])
        print(f"first {k:2} rows: chance {c:.6f}, chance^{k} = {c ** k:.3e}")
    later = ROWS[6:] + FRESH
    c = answer_chance(later)
    print(f"ids 7-18 file: chance {c:.6f}, 6 of 6 ids: {tail(6, 6, c):.3e}")
    c = answer_chance(ROWS)
    print(f"renumbered file: chance {c:.6f}, 2 or more of 12: {tail(2, 12, c):.4f}, 12 of 12: {tail(12, 12, c):.3e}")
    print("fingerprint([1,2],[3]) = 0x%016x" % fingerprint([1, 2], [3]))
