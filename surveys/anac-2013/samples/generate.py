#!/usr/bin/env python3
"""Deterministic generator of the ANAC 2013 sample exports (LimeSurvey style, 2014-2016).

Regenerate with:  python3 surveys/anac-2013/samples/generate.py
It needs only the Python standard library and writes limesurvey-2014.csv, -2015.csv, -2016.csv
beside itself. The answers are built so that, after reverse scoring the six negatively worded
items, every section mean (mean of item means) lies in [printed, printed + 0.001) for the Pistoia
figures of DOMAIN.md section 2; the block means (MEDIA) then round half-up to the published
values, except the 2016 condivisione MEDIA, which reads 3,97 (the true mean of the printed
section values; the report printed 3,96). The script re-computes every mean with exact fractions
and stops if one misses its target.
"""
import csv
import io
import os
import random
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
CODEBOOK_ITEMS = {  # section -> (item count, reversed item numbers)
    "A": (9, {4, 5, 9}), "B": (9, {4, 7}), "C": (5, set()), "D": (5, set()), "E": (5, set()),
    "F": (5, set()), "G": (5, set()), "H": (5, {5}), "I": (3, set()), "Q": (9, set()),
    "L": (4, set()), "M": (4, set()), "N": (5, set()), "O": (5, set()), "P": (4, set()),
}
ORDER = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "Q", "L", "M", "N", "O", "P"]
# Pistoia, Relazione sulla performance 2016: section means as published (2014, 2015, 2016).
PUBLISHED = {
    "A": ("4.80", "4.86", "4.94"), "B": ("5.32", "5.34", "5.40"), "C": ("3.91", "3.92", "3.98"),
    "D": ("3.80", "3.86", "3.98"), "E": ("4.67", "4.67", "4.73"), "F": ("4.39", "4.54", "4.40"),
    "G": ("4.02", "4.06", "4.07"), "H": ("4.78", "4.72", "4.64"), "I": ("3.72", "3.69", "3.65"),
    "L": ("3.87", "3.82", "3.62"), "M": ("4.21", "4.26", "4.31"), "N": ("3.78", "4.02", "3.97"),
    "O": ("4.04", "4.01", "4.08"), "P": ("4.04", "3.98", "4.01"),
    # Importance of sections A-I: not in the published table; plausible values.
    "Q": ("5.10", "5.12", "5.15"),
}
YEARS = {2014: 118, 2015: 131, 2016: 124}  # respondents per year
LABELS = ["Per nulla d'accordo", "Poco d'accordo", "Parzialmente d'accordo", "Abbastanza d'accordo",
          "Molto d'accordo", "Del tutto d'accordo"]
DEMOGRAPHICS = [
    ("R01", ["Donna", "Uomo"], [0.62, 0.38]),
    ("R02", ["A tempo determinato", "A tempo indeterminato"], [0.06, 0.94]),
    ("R03", ["Fino a 30 anni", "Dai 31 ai 40 anni", "Dai 41 ai 50 anni", "Dai 51 ai 60 anni", "Oltre i 60 anni"],
     [0.04, 0.16, 0.38, 0.34, 0.08]),
    ("R04", ["Meno di 5 anni", "Da 5 a 10 anni", "Da 11 a 20 anni", "Oltre i 20 anni"], [0.08, 0.14, 0.36, 0.42]),
    ("R05", ["Dirigente", "Non dirigente"], [0.0, 1.0]),
]
EPSILON = Fraction(1, 10000)   # section means land in [printed + EPSILON, printed + 0.001)
WINDOW = Fraction(1, 1000)


def item_codes(section):
    count, _ = CODEBOOK_ITEMS[section]
    return [f"{section}{n:02d}" for n in range(1, count + 1)]


def missing_pattern(rng, respondents):
    """missing[r][section] -> set of item numbers left blank by respondent r."""
    pattern = []
    for r in range(respondents):
        propensity = rng.choice([0.0, 0.0, 0.01, 0.02, 0.05, 0.12])
        stops_at = None
        if rng.random() < 0.03:  # an incomplete response: stops before the last blocks
            stops_at = rng.choice(["L", "O"])
        skipped = {}
        stopped = False
        for section in ORDER:
            if stops_at == section:
                stopped = True
            count, _ = CODEBOOK_ITEMS[section]
            skipped[section] = set(range(1, count + 1)) if stopped else {
                n for n in range(1, count + 1) if rng.random() < propensity}
        pattern.append(skipped)
    return pattern


def exact_sums(rng, section, target, answered_counts):
    """Integer answer sums per item giving a section mean in [target + EPSILON, target + WINDOW)."""
    k = len(answered_counts)
    offsets = [rng.uniform(-0.35, 0.35) for _ in range(k)]
    shift = sum(offsets) / k
    item_targets = [float(target) + o - shift for o in offsets]
    low, high = target + EPSILON, target + WINDOW
    for attempt in range(3000):
        sums = [max(n, min(6 * n, round(t * n))) for t, n in zip(item_targets, answered_counts)]
        # Nudge a random earlier item so that the last item's window moves over the integers.
        if attempt:
            for j in rng.sample(range(k - 1), min(2, k - 1)):
                sums[j] = max(answered_counts[j], min(6 * answered_counts[j], sums[j] + rng.randint(-3, 3)))
        rest = sum(Fraction(s, n) for s, n in zip(sums[:-1], answered_counts[:-1]))
        n_last = answered_counts[-1]
        lo_sum = (low * k - rest) * n_last
        hi_sum = (high * k - rest) * n_last
        candidate = -(-lo_sum.numerator // lo_sum.denominator)  # ceil
        if candidate < hi_sum and n_last <= candidate <= 6 * n_last:
            sums[-1] = int(candidate)
            mean = sum(Fraction(s, n) for s, n in zip(sums, answered_counts)) / k
            assert low <= mean < high
            return sums
    return None  # equal item counts can make the grid of means coarser than the window


def answers_with_sum(rng, latent, target_mean, total, count):
    """`count` scores on 1..6, correlated with the respondents' latent trait, summing to `total`."""
    values = [min(6, max(1, round(target_mean + 0.9 * z + rng.gauss(0, 0.7)))) for z in latent]
    current = sum(values)
    while current != total:
        step = 1 if current < total else -1
        eligible = [i for i, v in enumerate(values) if 1 <= v + step <= 6]
        i = rng.choice(eligible)
        values[i] += step
        current += step
    return values


def generate(year, column):
    rng = random.Random(20130000 + year)
    respondents = YEARS[year]
    skipped = missing_pattern(rng, respondents)
    general = [rng.gauss(0, 1) for _ in range(respondents)]
    scores = {}  # (respondent, code) -> scored answer
    computed = {}
    for section in ORDER:
        codes = item_codes(section)
        per_section = [rng.gauss(0, 1) for _ in range(respondents)]
        latent = [0.7 * g + 0.7 * s for g, s in zip(general, per_section)]
        answered = [[r for r in range(respondents) if n not in skipped[r][section]] for n in range(1, len(codes) + 1)]
        target = Fraction(PUBLISHED[section][column])
        sums = exact_sums(rng, section, target, [len(a) for a in answered])
        while sums is None:  # one more blank answer on the last item changes its denominator
            answered[-1].remove(rng.choice(answered[-1]))
            sums = exact_sums(rng, section, target, [len(a) for a in answered])
        means = []
        for code, who, total in zip(codes, answered, sums):
            values = answers_with_sum(rng, [latent[r] for r in who], total / len(who), total, len(who))
            for r, v in zip(who, values):
                scores[(r, code)] = v
            means.append(Fraction(sum(values), len(values)))
        computed[section] = sum(means) / len(means)
    demographics = []
    for r in range(respondents):
        row = []
        for code, options, weights in DEMOGRAPHICS:
            row.append(None if rng.random() < 0.04 else rng.choices(range(len(options)), weights)[0])
        demographics.append(row)
    return respondents, skipped, scores, demographics, computed


def raw_answer(section, number, scored):
    _, reversed_items = CODEBOOK_ITEMS[section]
    return 7 - scored if number in reversed_items else scored


def write(year, style):
    column = {2014: 0, 2015: 1, 2016: 2}[year]
    respondents, skipped, scores, demographics, computed = generate(year, column)
    texts = load_texts()
    meta = ["id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp"]
    headers = list(meta)
    for section in ORDER:
        for number, code in enumerate(item_codes(section), start=1):
            if style == "sq":
                headers.append(f"{section}[SQ{number:03d}]")
            elif style == "code":
                headers.append(code)
            else:
                headers.append(f"{code}. {texts[code]}")
    headers += [code for code, _, _ in DEMOGRAPHICS]
    rng = random.Random(year)
    rows = []
    for r in range(respondents):
        last_page = 6 if not any(skipped[r]["P"]) else rng.choice([3, 4])
        row = [str(r + 1), "1980-01-01 00:00:00", str(last_page), "it", str(rng.randrange(10**8, 10**9)),
               "1980-01-01 00:00:00", "1980-01-01 00:00:00"]
        for section in ORDER:
            for number, code in enumerate(item_codes(section), start=1):
                if (r, code) not in scores:
                    row.append("")
                    continue
                raw = raw_answer(section, number, scores[(r, code)])
                row.append(f"A{raw}" if style == "sq" else LABELS[raw - 1] if style == "code" else str(raw))
        for (code, options, _), choice in zip(DEMOGRAPHICS, demographics[r]):
            if choice is None:
                row.append("")
            else:
                row.append(f"A{choice + 1}" if style == "sq" else options[choice])
        rows.append(row)
    delimiter = ";" if style == "sq" else ","
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    path = os.path.join(HERE, f"limesurvey-{year}.csv")
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        handle.write(buffer.getvalue())
    return computed


def load_texts():
    """Item texts from the codebook (the 2016 export carries code + text headers)."""
    texts = {}
    code = None
    with open(os.path.join(HERE, "..", "codebook.yaml"), encoding="utf-8") as handle:
        for line in handle:
            stripped = line.strip()
            if stripped.startswith("- code: ") and "." in stripped:
                code = stripped[len("- code: "):].replace(".", "")
            elif stripped.startswith("text: ") and code:
                texts[code] = stripped[len("text: "):].strip('"').replace('\\"', '"')
                code = None
    return texts


def main():
    results = {}
    for year, style in [(2014, "sq"), (2015, "code"), (2016, "text")]:
        results[year] = write(year, style)
    blocks = [("Benessere organizzativo", "ABCDEFGHI"), ("Condivisione", "LMN"), ("Superiore", "OP")]
    for year, computed in results.items():
        for name, sections in blocks:
            media = sum(computed[s] for s in sections) / len(sections)
            print(year, name, " ".join(f"{s}={float(computed[s]):.4f}" for s in sections), f"MEDIA={float(media):.5f}")


if __name__ == "__main__":
    main()
