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


def row_chance(rows):
    """Sum of squared shares of each distinct row."""
    return sum((rows.count(r) / len(rows)) ** 2 for r in set(rows))


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
    print("(1/12)^5, (1/12)^6 =", (1 / 12) ** 5, (1 / 12) ** 6)
    print("row_chance(1,1,2,3)=", row_chance([1, 1, 2, 3]))
    print("fingerprint([1,2],[3]) = 0x%016x" % fingerprint([1, 2], [3]))
