#!/usr/bin/env python3
"""Reference values for Polso's inference and reliability code, computed independently.

Regenerate with:  python3 Tests/StatisticsTests/Fixtures/make_inference_fixtures.py
(needs scipy and numpy: pip install scipy numpy). Writes inference.json beside this file; the
Swift tests read it, so running them needs no Python.

- Student t: scipy.stats.t.cdf / sf / ppf.
- Welch: scipy.stats.ttest_ind(equal_var=False) on raw samples.
- Moments: numpy mean and std(ddof=1); confidence intervals with scipy's t.ppf.
- Reliability: Cronbach's alpha, alpha if item deleted and the corrected item-rest correlation,
  each from its definition on the raw answer matrix (numpy), not from a covariance shortcut.
- Hedges' g: (mean1 - mean0) / sqrt((s1^2 + s0^2) / 2) * (1 - 3 / (4 (n1 + n0 - 2) - 1)), numpy.
- Mean of item means: its delta-method variance from each respondent's linearised value
  z_r = sum_i w_i a_ri (x_ri - mean_i) / n_i (explicit loop, not Polso's pairwise sums), checked here
  against a 4000-draw respondent bootstrap; the t test of two years on it; the same data's Welch
  test on respondent indexes (the contradiction case: indexes rise, the published mean falls).
- Multiplicity: statsmodels.stats.multitest.multipletests, methods "holm" and "fdr_bh".
- Wilson: statsmodels.stats.proportion.proportion_confint(method="wilson").
- Fisher: scipy.stats.fisher_exact, two-sided.
(pip install scipy numpy statsmodels)
"""
import json
import os
import random

import numpy as np
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportion_confint

HERE = os.path.dirname(os.path.abspath(__file__))


def cronbach(matrix):
    k = matrix.shape[1]
    item_variances = matrix.var(axis=0, ddof=1).sum()
    total_variance = matrix.sum(axis=1).var(ddof=1)
    return k / (k - 1) * (1 - item_variances / total_variance)


def hedges_g(a, b):
    average = (np.var(a, ddof=1) + np.var(b, ddof=1)) / 2
    return float((np.mean(a) - np.mean(b)) / np.sqrt(average) * (1 - 3 / (4 * (len(a) + len(b) - 2) - 1)))


def mean_of_means(rows, weights):
    """The published mean and its delta-method variance; rows hold None for a missing answer."""
    k = len(weights)
    answered = [[r[i] for r in rows if r[i] is not None] for i in range(k)]
    means = [float(np.mean(a)) for a in answered]
    counts = [len(a) for a in answered]
    estimate = sum(w * m for w, m in zip(weights, means))
    units = [r for r in rows if any(v is not None for v in r)]
    z = [sum(weights[i] * (r[i] - means[i]) / counts[i] for i in range(k) if r[i] is not None) for r in units]
    m = len(units)
    return estimate, m / (m - 1) * sum(v * v for v in z), m


def bootstrap_se(rows, weights, rng, draws=4000):
    values = []
    for _ in range(draws):
        sample = [rows[rng.randrange(len(rows))] for _ in rows]
        k = len(weights)
        means = []
        for i in range(k):
            answered = [r[i] for r in sample if r[i] is not None]
            means.append(np.mean(answered) if answered else np.nan)
        values.append(sum(w * m for w, m in zip(weights, means)))
    return float(np.nanstd(values, ddof=1))


def index_of(row):
    answered = [v for v in row if v is not None]
    return sum(answered) / len(answered) if len(answered) * 2 >= len(row) and answered else None


def delta_cases(rng):
    cases = []
    # A section of three items with scattered non-response, two years.
    def year(n, shift, skip):
        rows = []
        for _ in range(n):
            trait = rng.gauss(0, 1)
            row = [min(6, max(1, round(4 + shift + 0.8 * trait + rng.gauss(0, 0.8)))) for _ in range(3)]
            rows.append([None if rng.random() < skip[i] else row[i] for i in range(3)])
        return rows
    scattered = (year(60, 0.3, [0.05, 0.2, 0.4]), year(45, 0.0, [0.1, 0.1, 0.3]))
    # The contradiction: item 1 high and answered by all, item 2 low and answered by few in the
    # later year, so indexes rise while the mean of item means falls.
    before = [[min(6, max(1, round(rng.gauss(5, 0.7)))), min(6, max(1, round(rng.gauss(3, 0.7))))] for _ in range(40)]
    after = []
    for r in range(40):
        first = min(6, max(1, round(rng.gauss(5.6, 0.5))))
        after.append([first, min(6, max(1, round(rng.gauss(2.2, 0.6)))) if r < 6 else None])
    for name, (current, previous) in [("scattered", scattered), ("contradiction", (after, before))]:
        k = len(current[0])
        weights = [1 / k] * k
        m1, v1, n1 = mean_of_means(current, weights)
        m0, v0, n0 = mean_of_means(previous, weights)
        se = np.sqrt(v1 + v0)
        t = (m1 - m0) / se
        df = (v1 + v0) ** 2 / (v1 ** 2 / (n1 - 1) + v0 ** 2 / (n0 - 1))
        i1 = [x for x in (index_of(r) for r in current) if x is not None]
        i0 = [x for x in (index_of(r) for r in previous) if x is not None]
        welch = stats.ttest_ind(i1, i0, equal_var=False)
        cases.append({"name": name, "current": current, "previous": previous, "meanCurrent": m1, "meanPrevious": m0,
                      "seCurrent": float(np.sqrt(v1)), "sePrevious": float(np.sqrt(v0)), "respondentsCurrent": n1,
                      "respondentsPrevious": n0, "t": float(t), "df": float(df),
                      "p": float(2 * stats.t.sf(abs(t), df)),
                      "hedgesG": float((m1 - m0) / np.sqrt((v1 * n1 + v0 * n0) / 2) * (1 - 3 / (4 * (n1 + n0 - 2) - 1))),
                      "bootstrapSECurrent": bootstrap_se(current, weights, rng),
                      "indexWelchT": float(welch.statistic), "indexWelchP": float(welch.pvalue)})
    # A block of two sections (2 and 3 items): MEDIA weights 1/(2*2) and 1/(2*3).
    block = []
    for _ in range(50):
        trait = rng.gauss(0, 1)
        row = [min(6, max(1, round(4 + 0.7 * trait + rng.gauss(0, 0.9)))) for _ in range(5)]
        block.append([None if rng.random() < 0.15 else v for v in row])
    weights = [0.25, 0.25, 1 / 6, 1 / 6, 1 / 6]
    m, v, n = mean_of_means(block, weights)
    complete = [r for r in block if all(x is not None for x in r)]
    cm, cv, cn = mean_of_means(complete, weights)
    blocks = {"rows": block, "weights": weights, "mean": m, "se": float(np.sqrt(v)), "respondents": n,
              "bootstrapSE": bootstrap_se(block, weights, rng),
              "completeRows": complete, "completeSE": float(np.sqrt(cv)),
              "completeIndexSE": float(np.std([sum(w * x for w, x in zip(weights, r)) for r in complete], ddof=1) / np.sqrt(len(complete)))}
    return cases, blocks


def multiplicity_cases():
    vectors = [[0.0497], [0.01, 0.04, 0.03, 0.005, 0.2, 0.04], [0.001, 0.002, 0.0497, 0.3, 0.6, 0.012, 0.8, 0.04, 0.0001, 0.9,
               0.02, 0.5, 0.07], [0.5, 0.5, 0.5], [1e-8, 0.9999]]
    return [{"p": v, "holm": [float(x) for x in multipletests(v, method="holm")[1]],
             "bh": [float(x) for x in multipletests(v, method="fdr_bh")[1]]} for v in vectors]


def wilson_cases():
    out = []
    for k, n in [(0, 10), (10, 10), (1, 2), (49, 52), (342, 344), (763, 828), (5, 9), (1, 1), (17, 40)]:
        low, high = proportion_confint(k, n, alpha=0.05, method="wilson")
        out.append({"successes": k, "n": n, "lower": float(low), "upper": float(high)})
    return out


def fisher_cases():
    out = []
    for a, n1, b, n0 in [(49, 52, 40, 50), (342, 344, 300, 320), (5, 9, 9, 9), (0, 10, 10, 10), (167, 168, 160, 170),
                         (12, 20, 11, 20), (30, 31, 20, 31)]:
        p = stats.fisher_exact([[a, n1 - a], [b, n0 - b]], alternative="two-sided").pvalue
        out.append({"positive": a, "n": n1, "previousPositive": b, "previousN": n0, "p": float(p)})
    return out


def main():
    t_cases = []
    for df in [1, 2, 5, 7.3, 30, 1000, 1e6]:
        for t in [-40.0, -3.5, -2.0423, -1.0, -0.1, 0.0, 0.5, 1.96, 2.0423, 6.0, 25.0]:
            t_cases.append({"t": t, "df": df, "cdf": float(stats.t.cdf(t, df)),
                            "twoSidedP": float(min(1.0, 2 * stats.t.sf(abs(t), df)))})
    quantiles = []
    for df in [1, 2, 5, 7.3, 30, 1000, 1e6]:
        for p in [1e-6, 0.001, 0.025, 0.05, 0.3, 0.6, 0.95, 0.975, 0.999]:
            quantiles.append({"p": p, "df": df, "t": float(stats.t.ppf(p, df))})

    rng = random.Random(2013)
    samples = []
    for size_a, size_b, shift in [(12, 9, 0.4), (40, 55, 0.1), (5, 30, -0.8), (124, 131, 0.05)]:
        a = [min(6, max(1, round(rng.gauss(4.2 + shift, 1.1)))) for _ in range(size_a)]
        b = [min(6, max(1, round(rng.gauss(4.2, 0.9)))) for _ in range(size_b)]
        test = stats.ttest_ind(a, b, equal_var=False)
        va, vb = np.var(a, ddof=1) / size_a, np.var(b, ddof=1) / size_b
        df = (va + vb) ** 2 / (va ** 2 / (size_a - 1) + vb ** 2 / (size_b - 1))
        pooled = ((size_a - 1) * np.var(a, ddof=1) + (size_b - 1) * np.var(b, ddof=1)) / (size_a + size_b - 2)
        ci = stats.t.ppf(0.975, size_a - 1) * np.std(a, ddof=1) / np.sqrt(size_a)
        samples.append({"a": a, "b": b, "meanA": float(np.mean(a)), "sdA": float(np.std(a, ddof=1)),
                        "ciA": [float(np.mean(a) - ci), float(np.mean(a) + ci)],
                        "t": float(test.statistic), "p": float(test.pvalue), "df": float(df),
                        "cohensD": float((np.mean(a) - np.mean(b)) / np.sqrt(pooled)),
                        "hedgesG": hedges_g(a, b)})

    # Five items, 40 respondents; the fifth is worded negatively and left unreversed.
    rows = []
    for _ in range(40):
        trait = rng.gauss(0, 1)
        row = [min(6, max(1, round(4 + 0.9 * trait + rng.gauss(0, 0.7)))) for _ in range(4)]
        row.append(min(6, max(1, round(3 - 0.8 * trait + rng.gauss(0, 0.8)))))
        rows.append(row)
    matrix = np.array(rows, dtype=float)
    k = matrix.shape[1]
    alpha_if_deleted = [float(cronbach(np.delete(matrix, i, axis=1))) for i in range(k)]
    item_rest = []
    for i in range(k):
        rest = np.delete(matrix, i, axis=1).sum(axis=1)
        item_rest.append(float(np.corrcoef(matrix[:, i], rest)[0, 1]))
    reliability = {"rows": rows, "alpha": float(cronbach(matrix)), "alphaIfItemDeleted": alpha_if_deleted,
                   "itemRest": item_rest, "means": [float(m) for m in matrix.mean(axis=0)],
                   "covariance01": float(np.cov(matrix[:, 0], matrix[:, 1], ddof=1)[0, 1])}

    extra = random.Random(11)
    delta, block = delta_cases(extra)
    with open(os.path.join(HERE, "inference.json"), "w") as handle:
        json.dump({"studentT": t_cases, "quantiles": quantiles, "welch": samples, "reliability": reliability,
                   "meanOfMeans": delta, "blockMeanOfMeans": block, "multiplicity": multiplicity_cases(),
                   "wilson": wilson_cases(), "fisher": fisher_cases()},
                  handle, indent=1)


if __name__ == "__main__":
    main()
