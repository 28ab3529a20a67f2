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
"""
import json
import os
import random

import numpy as np
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))


def cronbach(matrix):
    k = matrix.shape[1]
    item_variances = matrix.var(axis=0, ddof=1).sum()
    total_variance = matrix.sum(axis=1).var(ddof=1)
    return k / (k - 1) * (1 - item_variances / total_variance)


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
                        "cohensD": float((np.mean(a) - np.mean(b)) / np.sqrt(pooled))})

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

    with open(os.path.join(HERE, "inference.json"), "w") as handle:
        json.dump({"studentT": t_cases, "quantiles": quantiles, "welch": samples, "reliability": reliability},
                  handle, indent=1)


if __name__ == "__main__":
    main()
