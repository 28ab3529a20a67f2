#!/usr/bin/env python3
"""Independent computation of the figures that the CLI tests expect from the shared real exports
(ScalesAndLabelsCLITests, AnswerCodesCLITests). Reads ../shared/real-exports with Python's csv
module only; prints every figure. Run from the repository root:

    python3 Tests/StatisticsTests/Fixtures/real_export_figures.py
"""
import csv
from collections import Counter
from pathlib import Path

FILES = Path(__file__).resolve().parents[3].parent / "shared" / "real-exports" / "files"


def rows(name, delimiter=","):
    with open(FILES / name, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, delimiter=delimiter))


def rescaled(value, low, high):
    return (value - low) / (high - low) * 100


def f01():
    """F01 with rescale: {to: [0, 100]}: section means of rescaled item means, and MEDIA."""
    table = rows("F01_qualtrics2016_insights_single_answer_matrix.csv")
    header, data = table[0], [r for r in table[1:] if r[0].startswith("R_")]
    sections = {"Q2": (["Q2_1", "Q2_2", "Q2_3"], 1, 4),
                "Q3": (["Q3_question_one", "Q3_question_two", "Q3_question_three"], 1, 4),
                "Q4": (["Q4_1", "Q4_2", "Q4_3"], 10, 13)}
    means = {}
    for code, (items, low, high) in sections.items():
        item_means = []
        for item in items:
            values = [int(r[header.index(item)]) for r in data if r[header.index(item)] != ""]
            item_means.append(sum(rescaled(v, low, high) for v in values) / len(values))
        means[code] = sum(item_means) / len(item_means)
        print(f"F01 section {code}: {means[code]:.4f}")
    print(f"F01 respondents: {len(data)}; MEDIA: {sum(means.values()) / len(means):.4f}")


def f03():
    """F03: the -1 / -2 'no basis for evaluation' codes of the codebook's items, and Q1's mean."""
    table = rows("F03_qualtrics2016_insights_no_basis_for_evaluation.csv")
    header, data = table[0], [r for r in table[1:] if r[0].startswith("R_")]
    items = ["Q1", "Q3_1", "Q3_2", "Q3_3", "Q3_4", "Q4_1", "Q4_2", "Q4_3", "Q4_4"]
    codes = sum(1 for item in items for r in data if r[header.index(item)] in ("-1", "-2"))
    q1 = [int(r[header.index("Q1")]) for r in data if r[header.index("Q1")] not in ("", "-1", "-2")]
    print(f"F03 respondents: {len(data)}; -1/-2 answers: {codes}; Q1 n {len(q1)} mean {sum(q1) / len(q1):.4f}")


def f09():
    """F09: the free spellings of the yes/no item, grouped as the codebook's synonyms group them."""
    table = rows("F09_googleforms_hotdog_spring25.csv")
    answers = Counter(r[1].strip().lower() for r in table[1:])
    no = sum(n for a, n in answers.items() if a in ("no", "n", "nope", "noooo"))
    yes = sum(n for a, n in answers.items() if a in ("yes", "y", "yeah", "yesss", "yesssssss"))
    print(f"F09 SAND: {dict(answers)}; No {no}, Yes {yes}, mean {(no + 2 * yes) / (no + yes):.4f}")


def kobo():
    """F14 / F15 with rescale: item means on 0–100 and the section mean."""
    for name in ("F14_kobo_kpi_default_hxl.csv", "F15_kobo_kpi_spanish_hxl.csv"):
        data = rows(name, delimiter=";")[2:]
        seg = [rescaled(int(r[6]), 1, 10) for r in data]
        points = {"No / Unsure": 1, "Yes": 2, "Yes, and some extracellular space": 3,
                  "No / Inseguro": 1, "Sí": 2, "Sí, y algún espacio extracelular": 3}
        fluid = [rescaled(points[r[7]], 1, 3) for r in data]
        desc = [rescaled({"No": 1, "Yes": 2, "Sí": 2}[r[8]], 1, 2) for r in data]
        means = [sum(v) / len(v) for v in (seg, fluid, desc)]
        print(f"{name[:3]} SEG {means[0]:.4f} FLUID {means[1]:.4f} DESC {means[2]:.4f} section {sum(means) / 3:.4f}")


if __name__ == "__main__":
    f01()
    f03()
    f09()
    kobo()
