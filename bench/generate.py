#!/usr/bin/env python3
"""Writes a benchmark export: N respondents x 40 items (bench/codebook-40.yaml), LimeSurvey-like.

Usage: python3 bench/generate.py OUT.csv [respondents=1000000]
Deterministic (fixed seed). About 2 % of answers are blank; every field is quoted as
LimeSurvey does; CRLF line ends.
"""
import random
import sys

def main():
    out = sys.argv[1]
    respondents = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    rng = random.Random(40)
    codes = [f"S{s}{i:02d}" for s in range(1, 9) for i in range(1, 6)]
    values = ['"1"', '"2"', '"3"', '"4"', '"5"', '"6"', '""']
    weights = [5, 9, 17, 28, 26, 13, 2]
    # A pool of pre-built rows keeps generation fast; rows are drawn from it at random.
    pool = [",".join(rng.choices(values, weights, k=40)) for _ in range(4096)]
    genders = ['"Donna"', '"Uomo"', '""']
    with open(out, "w", encoding="utf-8", newline="") as handle:
        handle.write(",".join(f'"{h}"' for h in ["id", "submitdate", "lastpage"] + codes + ["gender"]) + "\r\n")
        lines = []
        for r in range(1, respondents + 1):
            lines.append(f'"{r}","1980-01-01 00:00:00","4",{pool[rng.randrange(4096)]},{genders[rng.randrange(3)]}\r\n')
            if len(lines) == 10000:
                handle.write("".join(lines))
                lines = []
        handle.write("".join(lines))

if __name__ == "__main__":
    main()
