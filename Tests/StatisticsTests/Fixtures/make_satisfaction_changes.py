#!/usr/bin/env python3
"""Which customer-satisfaction sample services improved or got worse, computed independently.

Reads surveys/customer-satisfaction/samples/expected.csv (the generator's own counts), and for the
headline item SOD from 2018 to 2019: per service Fisher's exact two-sided p (scipy), Holm's and
Benjamini-Hochberg's adjustment among the services compared (statsmodels multipletests), the
Wilson 95 % interval of every % positive and Newcombe's interval of the pooled change (statsmodels).
Writes satisfaction_changes.json beside this file; the CLI tests read it.
(pip install scipy statsmodels)
"""
import csv
import json
import os

from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))


def main():
    counts = {}
    with open(os.path.join(ROOT, "surveys/customer-satisfaction/samples/expected.csv"), newline="") as handle:
        for row in csv.DictReader(handle):
            if row["item"] == "SOD":
                counts[(int(row["year"]), row["service"])] = (int(row["positive"]), int(row["valid"]))
    services = sorted({s for (y, s) in counts if s and y == 2018 and counts[(y, s)][1] > 0
                       and counts.get((2019, s), (0, 0))[1] > 0})
    rows = []
    for s in services:
        a, n1 = counts[(2019, s)]
        b, n0 = counts[(2018, s)]
        p = stats.fisher_exact([[a, n1 - a], [b, n0 - b]], alternative="two-sided").pvalue
        rows.append({"service": s, "delta": (a / n1 - b / n0) * 100, "p": float(p)})
    holm = multipletests([r["p"] for r in rows], method="holm")[1]
    bh = multipletests([r["p"] for r in rows], method="fdr_bh")[1]
    for r, h, f in zip(rows, holm, bh):
        r["holm"] = float(h)
        r["bh"] = float(f)
    def counted(key):
        return {"improved": sum(1 for r in rows if r[key] < 0.05 and r["delta"] > 0),
                "worse": sum(1 for r in rows if r[key] < 0.05 and r["delta"] < 0)}
    a, n1 = counts[(2019, "")]
    b, n0 = counts[(2018, "")]
    low, high = confint_proportions_2indep(a, n1, b, n0, method="newcomb", compare="diff")
    wl, wh = proportion_confint(a, n1, alpha=0.05, method="wilson")
    pooled = {"delta": (a / n1 - b / n0) * 100, "lower": float(low) * 100, "upper": float(high) * 100,
              "p": float(stats.fisher_exact([[a, n1 - a], [b, n0 - b]]).pvalue),
              "wilsonLower": float(wl) * 100, "wilsonUpper": float(wh) * 100}
    with open(os.path.join(HERE, "satisfaction_changes.json"), "w") as handle:
        json.dump({"services": rows, "holm": counted("holm"), "bh": counted("bh"), "raw": counted("p"),
                   "compared": len(rows), "pooled": pooled}, handle, indent=1)


if __name__ == "__main__":
    main()
