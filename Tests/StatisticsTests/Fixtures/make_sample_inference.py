#!/usr/bin/env python3
"""The 2016-vs-2015 inference of the bundled ANAC samples, computed independently of Polso.

Reads surveys/anac-2013/samples/limesurvey-2015.csv and -2016.csv with Python's csv module, scores
the negatively worded items 7 - x, and for every section of the synthesis blocks and every MEDIA:
the published mean (mean of item means; MEDIA = mean of section means), its delta-method standard
error from each respondent's linearised value (explicit loop), the 95 % interval (scipy t), the
t test of 2016 - 2015 with Welch-Satterthwaite df, Hedges' g, and Holm's and Benjamini-Hochberg's
adjustment over the 17 tests (statsmodels multipletests); the pooled % positive (answers 4-6 of all
the items) with its respondent-level (linearised ratio) variance, effective size p(1 - p) / Var
bounded by the respondents and the answers, and Wilson's interval on it (statsmodels proportion_confint).
Writes sample_inference.json beside this file. (pip install scipy statsmodels)
"""
import csv
import json
import math
import os

from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportion_confint

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
# The 2015 sample gives answers as the ANAC labels, 2014 and 2016 as points.
LABELS = {"Per nulla d'accordo": 1, "Poco d'accordo": 2, "Parzialmente d'accordo": 3, "Abbastanza d'accordo": 4,
          "Molto d'accordo": 5, "Del tutto d'accordo": 6}
REVERSED = {"A.04", "A.05", "A.09", "B.04", "B.07", "H.05"}
BLOCKS = [("benessere", "ABCDEFGHI"), ("condivisione", "LMN"), ("superiore", "OP")]


def read(year):
    path = os.path.join(ROOT, f"surveys/anac-2013/samples/limesurvey-{year}.csv")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    header = rows[0]
    columns = {}
    for index, name in enumerate(header):
        code = name.split(".")[0]
        if len(code) == 3 and code[0] in "ABCDEFGHILMNOP" and code[1:].isdigit():
            columns[f"{code[0]}.{code[1:]}"] = index
    data = []
    for row in rows[1:]:
        if not row:
            continue
        answers = {}
        for code, index in columns.items():
            value = row[index].strip()
            if value:
                x = LABELS[value] if value in LABELS else int(value)
                answers[code] = 7 - x if code in REVERSED else x
        data.append(answers)
    return data, sorted(columns)


def estimate(data, weights):
    """weights: item code -> weight. Mean of weighted item means and its delta-method variance."""
    means, counts = {}, {}
    for code in weights:
        values = [r[code] for r in data if code in r]
        counts[code] = len(values)
        means[code] = sum(values) / len(values)
    mean = sum(w * means[c] for c, w in weights.items())
    units = [r for r in data if any(c in r for c in weights)]
    z = [sum(w * (r[c] - means[c]) / counts[c] for c, w in weights.items() if c in r) for r in units]
    m = len(units)
    return mean, m / (m - 1) * sum(v * v for v in z), m


def pooled_positive(data, items):
    pairs = [(sum(1 for c in items if c in r and r[c] >= 4), sum(1 for c in items if c in r)) for r in data]
    pairs = [(s, a) for s, a in pairs if a > 0]
    m = len(pairs)
    total = sum(a for _, a in pairs)
    r = sum(s for s, _ in pairs) / total
    variance = m / (m - 1) * sum((s - r * a) ** 2 for s, a in pairs) / total ** 2
    n = min(total, max(m, r * (1 - r) / variance)) if 0 < r < 1 and variance > 0 else m
    low, high = proportion_confint(r * n, n, alpha=0.05, method="wilson")
    return r * 100, float(low) * 100, float(high) * 100


def main():
    years = {year: read(year) for year in (2015, 2016)}
    codes = years[2016][1]
    tests = []
    for block, letters in BLOCKS:
        block_weights = {}
        for letter in letters:
            items = [c for c in codes if c[0] == letter]
            weights = {c: 1 / len(items) for c in items}
            tests.append((letter, weights))
            for c in items:
                block_weights[c] = 1 / (len(items) * len(letters))
        tests.append((block, block_weights))
    results = []
    for name, weights in tests:
        m1, v1, n1 = estimate(years[2016][0], weights)
        m0, v0, n0 = estimate(years[2015][0], weights)
        se = math.sqrt(v1 + v0)
        t = (m1 - m0) / se
        df = (v1 + v0) ** 2 / (v1 ** 2 / (n1 - 1) + v0 ** 2 / (n0 - 1))
        half = stats.t.ppf(0.975, n1 - 1) * math.sqrt(v1)
        s1, s0 = math.sqrt(v1 * n1), math.sqrt(v0 * n0)
        g = (m1 - m0) / math.sqrt((s1 ** 2 + s0 ** 2) / 2) * (1 - 3 / (4 * (n1 + n0 - 2) - 1))
        positive, positive_low, positive_high = pooled_positive(years[2016][0], list(weights))
        results.append({"positive": positive, "positiveLower": positive_low, "positiveUpper": positive_high,
                        "code": name, "mean": m1, "se": math.sqrt(v1), "lower": m1 - half, "upper": m1 + half,
                        "n": n1, "t": t, "df": df, "p": float(2 * stats.t.sf(abs(t), df)), "g": g})
    ps = [r["p"] for r in results]
    for r, h, b in zip(results, multipletests(ps, method="holm")[1], multipletests(ps, method="fdr_bh")[1]):
        r["holm"] = float(h)
        r["bh"] = float(b)
    with open(os.path.join(HERE, "sample_inference.json"), "w") as handle:
        json.dump(results, handle, indent=1)


if __name__ == "__main__":
    main()
