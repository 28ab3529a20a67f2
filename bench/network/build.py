#!/usr/bin/env python3
"""A network store for `polso benchmark`: eight invented bodies, one ANAC 2013 export each, and the
figures the benchmark must print, computed here independently.

Usage (from the repository root, with polso built):
    python3 bench/network/build.py [--polso PATH] [--store network.sqlite] [--out FOLDER] [--year 2024]

It writes one LimeSurvey-style export per body into FOLDER (default: beside the store, in
network-exports/), with answers drawn around the Pistoia 2016 section means shifted by a known
offset per body (answers 1-6, negatively worded items written as ticked, about 3 % left blank);
then it creates the store with polso itself (a new path: an existing file is refused): the store's first body is renamed ente-01, the others
added (`polso bodies add`, opt-in and public flags as below), each export imported with --body.
Last it writes FOLDER/expected.json: every body's section means (mean of item means, reversed items
scored 7 - x) and block MEDIA computed with exact fractions, and for every section and MEDIA the
benchmark under the disclosure rules of docs/benchmark.md (bodies counted, min, quartiles by
statistics.quantiles(method="inclusive"), the linear interpolation of numpy.quantile's default, checked
against numpy when it is installed), median, max, and ente-03's rank). The CLI test NetworkBenchmarkCLITests runs this script and
compares polso's figures with these.

Bodies: ente-01..ente-06 opted in with 38-80 respondents (01, 03, 04 public); ente-07 opted in with
3 respondents (below the minimum of 5: excluded and counted); ente-08 public but not opted in
(absent). Needs only the Python standard library.
"""
import argparse
import csv
import io
import json
import os
import random
import statistics
import subprocess
import sys
from fractions import Fraction

try:
    import numpy
except ImportError:  # the standard library's figures alone (numpy is the cross-check)
    numpy = None

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "surveys", "anac-2013", "samples"))
from generate import CODEBOOK_ITEMS, DEMOGRAPHICS, ORDER, PUBLISHED  # noqa: E402  (the samples' questionnaire)

# code, name, respondents, offset of every section mean, opted in, public
BODIES = [
    ("ente-01", "Camera di Commercio Alfa", 80, Fraction(3, 10), True, True),
    ("ente-02", "Camera di Commercio Beta", 60, Fraction(-2, 10), True, False),
    ("ente-03", "Camera di Commercio Gamma", 45, Fraction(0), True, True),
    ("ente-04", "Camera di Commercio Delta", 70, Fraction(5, 10), True, True),
    ("ente-05", "Camera di Commercio Epsilon", 38, Fraction(-4, 10), True, False),
    ("ente-06", "Camera di Commercio Zeta", 52, Fraction(1, 10), True, False),
    ("ente-07", "Camera di Commercio Eta", 3, Fraction(0), True, False),
    ("ente-08", "Camera di Commercio Theta", 90, Fraction(2, 10), False, True),
]
BLOCKS = [("benessere_organizzativo", "ABCDEFGHI", True), ("importanza_ambiti", "Q", False),
          ("condivisione_sistema_valutazione", "LMN", True), ("valutazione_superiore_gerarchico", "OP", True)]
MINIMUM_RESPONDENTS = 5
MINIMUM_BODIES = 5
ASKING = "ente-03"


def answers(seed, respondents, offset):
    """respondent -> {item code (A.01): scored answer 1-6}, blanks left out."""
    rng = random.Random(seed)
    rows = []
    for _ in range(respondents):
        trait = rng.gauss(0, 0.6)
        row = {}
        for section in ORDER:
            count, _ = CODEBOOK_ITEMS[section]
            centre = float(Fraction(PUBLISHED[section][2]) + offset) + trait
            for number in range(1, count + 1):
                if rng.random() < 0.03:
                    continue
                row[f"{section}.{number:02d}"] = min(6, max(1, round(centre + rng.gauss(0, 0.8))))
        rows.append(row)
    return rows


def export(rows, rng):
    """LimeSurvey export (codes as headers, answers as numbers): UTF-8 with BOM, all quoted, CRLF."""
    codes = [f"{s}.{n:02d}" for s in ORDER for n in range(1, CODEBOOK_ITEMS[s][0] + 1)]
    headers = ["id", "submitdate", "lastpage", "startlanguage"] + [c.replace(".", "") for c in codes] + [d[0] for d in DEMOGRAPHICS]
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(headers)
    for index, row in enumerate(rows, start=1):
        raw = []
        for code in codes:
            section, number = code.split(".")
            scored = row.get(code)
            reversed_item = int(number) in CODEBOOK_ITEMS[section][1]
            raw.append("" if scored is None else str(7 - scored if reversed_item else scored))
        demographics = [rng.choices(options, weights)[0] for _, options, weights in DEMOGRAPHICS]
        writer.writerow([str(index), "1980-01-01 00:00:00", "6", "it"] + raw + demographics)
    return "\ufeff" + buffer.getvalue()


def figures(rows):
    """(block or section) -> (mean, respondents behind it), as polso's wellbeing view computes them."""
    result = {}
    for block, sections, in_synthesis in BLOCKS:
        means = []
        for section in sections:
            count = CODEBOOK_ITEMS[section][0]
            items = [f"{section}.{n:02d}" for n in range(1, count + 1)]
            item_means = [Fraction(sum(r[c] for r in rows if c in r), sum(1 for r in rows if c in r)) for c in items]
            mean = sum(item_means) / len(item_means)
            n = sum(1 for r in rows if any(c in r for c in items))
            # A figure on fewer than the minimum (an item or the section) is withheld in the body's own view.
            shown = n >= MINIMUM_RESPONDENTS and all(sum(1 for r in rows if c in r) >= MINIMUM_RESPONDENTS for c in items)
            result[section] = (mean, n) if shown else None
            means.append(result[section])
        if in_synthesis:
            n = sum(1 for r in rows if any(c.startswith(tuple(s + "." for s in sections)) for c in r))
            result[block] = None if any(m is None for m in means) or n < MINIMUM_RESPONDENTS else (sum(m[0] for m in means) / len(means), n)
    return result


def benchmark(per_body, nameable):
    """Rows of the benchmark under the disclosure rules, quartiles by numpy's default."""
    rows = []
    keys = []
    for block, sections, in_synthesis in BLOCKS:
        keys += [(block, section) for section in sections] + ([(block, None)] if in_synthesis else [])
    for block, section in keys:
        present = {code: f[section or block] for code, f in per_body.items() if f[section or block] is not None}
        row = {"block": block, "section": section, "bodies": len(present)}
        total = sum(n for _, n in present.values())
        if len(present) < MINIMUM_BODIES:
            row["withheld"] = "too_few_bodies"
        elif max(n for _, n in present.values()) > total / 2:
            row["withheld"] = "dominance"
        else:
            values = sorted(float(mean) for mean, _ in present.values())
            quartiles = statistics.quantiles(values, n=4, method="inclusive")
            quantiles = [values[0], *quartiles, values[-1]]
            assert abs(quartiles[1] - statistics.median(values)) < 1e-12
            if numpy is not None:
                assert all(abs(a - b) < 1e-12 for a, b in zip(numpy.quantile(values, [0, 0.25, 0.5, 0.75, 1]), quantiles))
            row.update(zip(["minimum", "lower_quartile", "median", "upper_quartile", "maximum"], map(float, quantiles)))
            for end, value in [("minimum_body", values[0]), ("maximum_body", values[-1])]:
                at = [code for code, (mean, _) in present.items() if float(mean) == value]
                if len(at) == 1 and at[0] in nameable:
                    row[end] = at[0]
            if ASKING in present:
                own = float(present[ASKING][0])
                row["rank"] = 1 + sum(1 for v in values if v > own)
                row["value"] = own
        rows.append(row)
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polso", default="polso")
    parser.add_argument("--store", default="network.sqlite")
    parser.add_argument("--out")
    parser.add_argument("--year", type=int, default=2024)
    options = parser.parse_args()
    out = options.out or os.path.join(os.path.dirname(os.path.abspath(options.store)), "network-exports")
    os.makedirs(out, exist_ok=True)

    def polso(*arguments):
        subprocess.run([options.polso, *arguments, "--store", options.store], check=True, stdout=subprocess.DEVNULL)

    if os.path.exists(options.store):
        sys.exit(f"{options.store} exists: give a new path for the network store")
    polso("store", "init")
    per_body = {}
    for index, (code, name, respondents, offset, opted_in, public) in enumerate(BODIES):
        rows = answers(20240000 + index, respondents, offset)
        path = os.path.join(out, f"{code}-{options.year}.csv")
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(export(rows, random.Random(index)))
        flags = (["--opt-in"] if opted_in else []) + (["--public"] if public else [])
        if index == 0:
            polso("bodies", "set", "local", "--code", code, "--name", name, "--kind", "Camera di Commercio",
                  "--opt-in" if opted_in else "--opt-out", "--public" if public else "--private")
        else:
            polso("bodies", "add", code, "--name", name, "--kind", "Camera di Commercio", *flags)
        polso("import", path, "--survey", "anac-2013", "--year", str(options.year), "--body", code)
        if opted_in and respondents >= MINIMUM_RESPONDENTS:
            per_body[code] = figures(rows)
    expected = {
        "year": options.year,
        "bodies_taking": sum(1 for b in BODIES if b[4]),
        "bodies_below_minimum": sum(1 for b in BODIES if b[4] and b[2] < MINIMUM_RESPONDENTS),
        "asking": ASKING,
        "named": sorted(b[0] for b in BODIES if b[4] and b[2] >= MINIMUM_RESPONDENTS and (b[5] or b[0] == ASKING)),
        "sections": {code: {k: (float(v[0]) if v else None) for k, v in f.items()} for code, f in per_body.items()},
        "rows": benchmark(per_body, {b[0] for b in BODIES if b[5] or b[0] == ASKING}),
    }
    with open(os.path.join(out, "expected.json"), "w", encoding="utf-8") as handle:
        json.dump(expected, handle, indent=1, sort_keys=True)
    print(f"network store {options.store}: {len(BODIES)} bodies, exports and expected.json in {out}")


if __name__ == "__main__":
    main()
