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
Writes sample_inference.json beside this file.

Then the same figures post-stratified to the staff counts by gender in STAFF (respondents who did
not give their gender left out, as `--weights-missing drop` does): weight (N_h / N) / (n_h / n),
item means with statsmodels' DescrStatsW, the linearised standard error with each respondent's
term multiplied by its weight (explicit loop), degrees of freedom and guards on Kish's effective n
(sum w)^2 / sum w^2 rounded down, the design effect n * sum w^2 / (sum w)^2 by hand; writes
sample_weighted.json. (pip install scipy statsmodels)
"""
import csv
import json
import math
import os

from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.weightstats import DescrStatsW
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
    gender = header.index("R01")
    data = []
    for row in rows[1:]:
        if not row:
            continue
        answers = {"gender": row[gender].strip()}
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


def compared(m1, v1, n1, m0, v0, n0):
    """A mean's SE and 95 % interval (t on n1 - 1 df), and its Welch test and Hedges' g against the previous year's."""
    se = math.sqrt(v1 + v0)
    t = (m1 - m0) / se
    df = (v1 + v0) ** 2 / (v1 ** 2 / (n1 - 1) + v0 ** 2 / (n0 - 1))
    half = stats.t.ppf(0.975, n1 - 1) * math.sqrt(v1)
    s1, s0 = math.sqrt(v1 * n1), math.sqrt(v0 * n0)
    g = (m1 - m0) / math.sqrt((s1 ** 2 + s0 ** 2) / 2) * (1 - 3 / (4 * (n1 + n0 - 2) - 1))
    return {"mean": m1, "se": math.sqrt(v1), "lower": m1 - half, "upper": m1 + half,
            "t": t, "df": df, "p": float(2 * stats.t.sf(abs(t), df)), "g": g}


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
        positive, positive_low, positive_high = pooled_positive(years[2016][0], list(weights))
        c = compared(m1, v1, n1, m0, v0, n0)
        results.append({"positive": positive, "positiveLower": positive_low, "positiveUpper": positive_high, "code": name,
                        **{k: c[k] for k in ("mean", "se", "lower", "upper")}, "n": n1, **{k: c[k] for k in ("t", "df", "p", "g")}})
    ps = [r["p"] for r in results]
    for r, h, b in zip(results, multipletests(ps, method="holm")[1], multipletests(ps, method="fdr_bh")[1]):
        r["holm"] = float(h)
        r["bh"] = float(b)
    with open(os.path.join(HERE, "sample_inference.json"), "w") as handle:
        json.dump(results, handle, indent=1)
    weighted(years, tests)


# Staff by gender and year: the weights file of the CLI test (WeightedCLITests).
STAFF = {2015: {"Donna": 150, "Uomo": 110}, 2016: {"Donna": 140, "Uomo": 120}}


def with_weights(data, year):
    """The respondents whose gender is a stratum, each with its post-stratification weight."""
    kept = [r for r in data if r["gender"] in STAFF[year]]
    sizes = {h: sum(1 for r in kept if r["gender"] == h) for h in STAFF[year]}
    total = sum(STAFF[year].values())
    return [(r, (STAFF[year][r["gender"]] / total) / (sizes[r["gender"]] / len(kept))) for r in kept]


def kish(weights):
    """Effective n and design effect of a list of weights (Kish)."""
    s, s2 = sum(weights), sum(w * w for w in weights)
    return s * s / s2, len(weights) * s2 / (s * s)


def weighted_estimate(rows, weights):
    """The weighted mean of weighted item means and its linearised variance; effective n of the units."""
    means, totals = {}, {}
    for code in weights:
        answered = [(r[code], w) for r, w in rows if code in r]
        means[code] = DescrStatsW([x for x, _ in answered], weights=[w for _, w in answered]).mean
        totals[code] = sum(w for _, w in answered)
    mean = sum(c * means[code] for code, c in weights.items())
    units = [(r, w) for r, w in rows if any(code in r for code in weights)]
    z = [w * sum(c * (r[code] - means[code]) / totals[code] for code, c in weights.items() if code in r) for r, w in units]
    m = len(units)
    effective, _ = kish([w for _, w in units])
    return mean, m / (m - 1) * sum(v * v for v in z), math.floor(effective + 1e-9), effective


def weighted_positive(rows, items):
    triples = [(sum(1 for c in items if c in r and r[c] >= 4), sum(1 for c in items if c in r), w) for r, w in rows]
    triples = [t for t in triples if t[1] > 0]
    m = len(triples)
    total = sum(w * a for _, a, w in triples)
    r = sum(w * s for s, _, w in triples) / total
    variance = m / (m - 1) * sum(w * w * (s - r * a) ** 2 for s, a, w in triples) / total ** 2
    fewest, _ = kish([w for _, _, w in triples])
    most = total ** 2 / sum(w * w * a for _, a, w in triples)
    n = min(most, max(fewest, r * (1 - r) / variance)) if 0 < r < 1 and variance > 0 else fewest
    low, high = proportion_confint(r * n, n, alpha=0.05, method="wilson")
    return r * 100, float(low) * 100, float(high) * 100


def weighted_item(rows, code):
    """An item's weighted mean, SD, interval, % positive and its Wilson interval on the effective n."""
    answered = [(r[code], w) for r, w in rows if code in r]
    x = [a for a, _ in answered]
    w = [b for _, b in answered]
    n = len(x)
    d = DescrStatsW(x, weights=w)
    sw = sum(w)
    sd = math.sqrt(n / (n - 1) * sum(b * (a - d.mean) ** 2 for a, b in answered) / sw)
    se = math.sqrt(n / (n - 1) * sum(b * b * (a - d.mean) ** 2 for a, b in answered)) / sw
    effective, _ = kish(w)
    half = stats.t.ppf(0.975, math.floor(effective + 1e-9) - 1) * se
    positive = sum(b for a, b in answered if a >= 4) / sw
    low, high = proportion_confint(positive * effective, effective, alpha=0.05, method="wilson")
    return {"code": code, "n": n, "mean": float(d.mean), "sd": sd, "lower": d.mean - half, "upper": d.mean + half,
            "effectiveN": effective, "positive": positive * 100, "positiveLower": float(low) * 100, "positiveUpper": float(high) * 100}


def weighted(years, tests):
    rows = {year: with_weights(years[year][0], year) for year in years}
    results = []
    for name, weights in tests:
        m1, v1, n1, e1 = weighted_estimate(rows[2016], weights)
        m0, v0, n0, _ = weighted_estimate(rows[2015], weights)
        positive, positive_low, positive_high = weighted_positive(rows[2016], list(weights))
        results.append({"code": name, "previousMean": m0, "effectiveN": e1, **compared(m1, v1, n1, m0, v0, n0),
                        "positive": positive, "positiveLower": positive_low, "positiveUpper": positive_high})
    ps = [r["p"] for r in results]
    for r, h in zip(results, multipletests(ps, method="holm")[1]):
        r["holm"] = float(h)
    # Section A's respondents' index (mean of their answers in A, kept from half the items) and its share >= 3.5.
    items_a = [c for c in years[2016][1] if c[0] == "A"]
    indexes = []
    for r, w in rows[2016]:
        answered = [r[c] for c in items_a if c in r]
        if answered and 2 * len(answered) >= len(items_a):
            indexes.append((sum(answered) / len(answered), w))
    index = DescrStatsW([i for i, _ in indexes], weights=[w for _, w in indexes])
    share = sum(w for i, w in indexes if i >= 3.5) / sum(w for _, w in indexes) * 100
    participation = {}
    for year in rows:
        effective, deff = kish([w for _, w in rows[year]])
        participation[str(year)] = {"respondents": len(rows[year]), "effectiveN": effective, "designEffect": deff,
                                    "weights": {h: w for h in STAFF[year] for r, w in rows[year] if r["gender"] == h}}
    output = {"tests": results, "participation": participation, "indexA": {"mean": float(index.mean), "percentAtLeastCut": share},
              "items": [weighted_item(rows[2016], code) for code in ("A.01", "A.04", "H.05", "O.01")]}
    with open(os.path.join(HERE, "sample_weighted.json"), "w") as handle:
        json.dump(output, handle, indent=1)


if __name__ == "__main__":
    main()
