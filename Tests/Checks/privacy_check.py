#!/usr/bin/env python3
"""Independent check of Polso's privacy rule on the bundled ANAC samples (surveys/anac-2013/samples).

Usage, from the repository root, after `swift build`:
    python3 Tests/Checks/privacy_check.py [.build/debug/polso] [minimum]

It runs `polso demo` into a temporary folder, asks `polso wellbeing --by DIMENSION --format json`
for every dimension, and reads the samples itself with Python's csv module (item columns `A01. …`
are item A.01; an answer 1–6 is valid, anything else is not; R01–R05 are gender, contract, age,
tenure and role, blank meaning "not stated"). For every dimension, year and additive quantity (the
group's respondents, and each item's valid answers) it takes the cells Polso shows and hides and
checks, by exact rational elimination (fractions.Fraction), that no union of hidden cells holding
1 to minimum − 1 people is a combination of the shown cells and the year's total. It does the same
for the former rule (hide small groups, and the next-smallest only when exactly one is small; a
shown group's section hidden only when it rests on too few answers) and prints both counts.
"""
import csv
import itertools
import json
import os
import subprocess
import sys
import tempfile
from fractions import Fraction

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
POLSO = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "polso"))
MINIMUM = int(sys.argv[2]) if len(sys.argv) > 2 else 5
DIMENSIONS = {"gender": "R01", "contract": "R02", "age": "R03", "tenure": "R04", "role": "R05"}


def polso(*args, cwd):
    return subprocess.run([POLSO, *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


# The options of the ANAC 2013 demographic questions, in questionnaire order (answer code Ak is the
# k-th); a blank answer is "not stated", Polso's last group.
OPTIONS = {
    "R01": ["Donna", "Uomo"],
    "R02": ["A tempo determinato", "A tempo indeterminato"],
    "R03": ["Fino a 30 anni", "Dai 31 ai 40 anni", "Dai 41 ai 50 anni", "Dai 51 ai 60 anni", "Oltre i 60 anni"],
    "R04": ["Meno di 5 anni", "Da 5 a 10 anni", "Da 11 a 20 anni", "Oltre i 20 anni"],
    "R05": ["Dirigente", "Non dirigente"],
}


def read_year(year):
    """Header, rows and item columns of one sample: `;` or `,`, headers `A01`, `A01. text` or
    `A[SQ001]`, answers `4` or `A4`, demographics as labels or codes."""
    path = os.path.join(ROOT, "surveys", "anac-2013", "samples", f"limesurvey-{year}.csv")
    with open(path, encoding="utf-8-sig", newline="") as f:
        text = f.read()
    delimiter = ";" if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",") else ","
    rows = list(csv.reader(text.splitlines(), delimiter=delimiter))
    header, data = rows[0], [r for r in rows[1:] if any(r)]
    items = {}
    for index, name in enumerate(header):
        code = name.split(". ")[0]
        if len(code) == 8 and code[1:5] == "[SQ0" and code.endswith("]"):
            code = code[0] + code[5:7]
        if len(code) == 3 and code[0].isalpha() and code[1:].isdigit() and not code.startswith("R"):
            items[f"{code[0]}.{code[1:]}"] = index
    return header, data, items


def answer(cell):
    """The point 1–6 of an answer, or None when it is not a valid one."""
    cell = cell[1:] if cell.startswith("A") else cell
    return int(cell) if cell in {"1", "2", "3", "4", "5", "6"} else None


def rank_rows(rows):
    """Reduced row echelon form over the rationals."""
    rows = [list(r) for r in rows]
    reduced, column = [], 0
    width = len(rows[0]) if rows else 0
    for column in range(width):
        pivot = next((r for r in rows if r[column] != 0), None)
        if pivot is None:
            continue
        rows.remove(pivot)
        pivot = [x / pivot[column] for x in pivot]
        rows = [[a - r[column] * b for a, b in zip(r, pivot)] for r in rows]
        reduced = [[a - r[column] * b for a, b in zip(r, pivot)] for r in reduced]
        reduced.append(pivot)
    return reduced


def spanned(vector, reduced):
    rest = list(vector)
    for row in reduced:
        lead = next(i for i, x in enumerate(row) if x != 0)
        if rest[lead] != 0:
            factor = rest[lead]
            rest = [a - factor * b for a, b in zip(rest, row)]
    return all(x == 0 for x in rest)


def revealed(sizes, hidden):
    """A union of hidden cells with 1..MINIMUM-1 people that the shown cells and the total determine."""
    n = len(sizes)
    published = [[Fraction(int(i == c)) for i in range(n)] for c in range(n) if c not in hidden or sizes[c] == 0]
    if 0 < sum(sizes) < MINIMUM:
        return None  # the total itself is withheld, and with it every cell
    published.append([Fraction(1)] * n)
    reduced = rank_rows(published)
    candidates = [c for c in sorted(hidden) if sizes[c] > 0]
    for count in range(1, len(candidates) + 1):
        for union in itertools.combinations(candidates, count):
            people = sum(sizes[c] for c in union)
            if people >= MINIMUM:
                continue
            if spanned([Fraction(int(i in union)) for i in range(n)], reduced):
                return union
    return None


def former_rule(respondents, item_sizes, section_of):
    small = lambda n: 0 < n < MINIMUM
    hidden = {g for g, n in enumerate(respondents) if small(n)}
    if len(hidden) == 1:
        visible = [g for g, n in enumerate(respondents) if n > 0 and g not in hidden]
        if visible:
            hidden.add(min(visible, key=lambda g: (respondents[g], g)))
    sections = {g: {section_of[code] for code, sizes in item_sizes.items() if small(sizes[g])} for g in range(len(respondents))}
    return hidden, sections


def cross_dimension_check(cwd):
    """Pairs of breakdowns of one year: the people cross-classified by both dimensions are the
    unknowns; each shown group of either breakdown, and the year's total, is an equation. Returns
    the pairs checked and those where some set of fewer than MINIMUM people can be computed."""
    shown = {}
    for dimension in DIMENSIONS:
        breakdown = json.loads(polso("wellbeing", "--store", "polso.sqlite", "--by", dimension, "--min-group", str(MINIMUM),
                                     "--format", "json", cwd=cwd))["breakdown"]
        for year_entry in breakdown["years"]:
            shown[(dimension, year_entry["year"])] = {g["label"]: not g["suppressed"] for g in year_entry["groups"]}
    checked, leaks = 0, []
    for year in (2014, 2015, 2016):
        header, data, _ = read_year(year)
        def value(row, column, labels):
            position = header.index(column) if column in header else None
            cell = row[position] if position is not None else ""
            if cell.startswith("A") and cell[1:].isdigit():
                cell = OPTIONS[column][int(cell[1:]) - 1]
            return cell if cell else labels[-1]
        for first, second in itertools.combinations(DIMENSIONS, 2):
            labels1, labels2 = list(shown[(first, year)]), list(shown[(second, year)])
            profiles = [(value(r, DIMENSIONS[first], labels1), value(r, DIMENSIONS[second], labels2)) for r in data]
            atoms = sorted(set(profiles))
            sizes = [profiles.count(atom) for atom in atoms]
            equations = [[Fraction(1)] * len(atoms)]
            for label, visible in shown[(first, year)].items():
                if visible:
                    equations.append([Fraction(int(atom[0] == label)) for atom in atoms])
            for label, visible in shown[(second, year)].items():
                if visible:
                    equations.append([Fraction(int(atom[1] == label)) for atom in atoms])
            reduced = rank_rows(equations)
            checked += 1
            small = [i for i in range(len(atoms)) if sizes[i] < MINIMUM]
            found = None
            for count in range(1, MINIMUM):
                for union in itertools.combinations(small, count):
                    if sum(sizes[i] for i in union) >= MINIMUM:
                        continue
                    if spanned([Fraction(int(i in union)) for i in range(len(atoms))], reduced):
                        found = union
                        break
                if found:
                    break
            if found:
                leaks.append(f"{first} × {second} {year}: {[atoms[i] for i in found]} ({sum(sizes[i] for i in found)} people)")
    return checked, leaks


def main():
    with tempfile.TemporaryDirectory() as folder:
        polso("demo", "--out", os.path.join(folder, "demo"), cwd=ROOT)
        cwd = os.path.join(folder, "demo")
        table = json.loads(polso("wellbeing", "--store", "polso.sqlite", "--format", "json", cwd=cwd))["table"]
        section_of = {item["code"]: item["section"] for block in table["blocks"] for item in block["items"]}
        checked = leaks_now = leaks_before = cells_now = cells_before = 0
        sections = sorted(set(section_of.values()))
        leaking_before = []
        for dimension, column in DIMENSIONS.items():
            breakdown = json.loads(polso("wellbeing", "--store", "polso.sqlite", "--by", dimension, "--min-group", str(MINIMUM),
                                         "--format", "json", cwd=cwd))["breakdown"]
            for year_entry in breakdown["years"]:
                year = year_entry["year"]
                header, data, items = read_year(year)
                position = header.index(column) if column in header else None
                labels = [g["label"] for g in year_entry["groups"]]

                def group_of(row):
                    value = row[position] if position is not None else ""
                    if value.startswith("A") and value[1:].isdigit():
                        value = OPTIONS[column][int(value[1:]) - 1]
                    return value if value else labels[-1]
                respondents = [sum(1 for r in data if group_of(r) == label) for label in labels]
                assert sum(respondents) == len(data), (dimension, year, "a group Polso lists differs from the file")
                item_sizes = {code: [sum(1 for r in data if group_of(r) == label and answer(r[i]) is not None)
                                     for label in labels] for code, i in items.items()}
                hidden_groups = {g for g, entry in enumerate(year_entry["groups"]) if entry["suppressed"]}
                hidden_sections = {g: set(entry.get("suppressedCells") or []) for g, entry in enumerate(year_entry["groups"])}
                old_groups, old_sections = former_rule(respondents, item_sizes, section_of)

                def leaks(groups, sections):
                    found = []
                    quantities = [("n", respondents, groups)]
                    for code, sizes in item_sizes.items():
                        quantities.append((code, sizes, {g for g in range(len(labels)) if g in groups or section_of[code] in sections[g]}))
                    for name, sizes, hidden in quantities:
                        union = revealed(sizes, hidden)
                        if union is not None:
                            found.append((name, [labels[g] for g in union], sum(sizes[g] for g in union)))
                    return found

                checked += 1
                present = [g for g in range(len(labels)) if respondents[g] > 0]
                cells_now += sum(len(sections) if g in hidden_groups else len(hidden_sections[g] & set(sections)) for g in present)
                cells_before += sum(len(sections) if g in old_groups else len(old_sections[g]) for g in present)
                now, before = leaks(hidden_groups, hidden_sections), leaks(old_groups, old_sections)
                leaks_now += bool(now)
                leaks_before += bool(before)
                if before:
                    leaking_before.append(f"{dimension} {year}: e.g. {before[0][0]} of {before[0][1]} ({before[0][2]} people)")
                for name, groups, people in now:
                    print(f"LEAK {dimension} {year} {name}: {groups} hold {people} people and can be computed")
        cross_checked, cross_leaks = cross_dimension_check(cwd)
        print(f"minimum {MINIMUM}: {checked} breakdown-years checked over respondents and {len(section_of)} items each")
        print(f"  Polso now: {leaks_now} leave a union of hidden groups below the minimum to be computed")
        print(f"  former rule: {leaks_before} would")
        print(f"  group-section cells hidden: {cells_now} now, {cells_before} by the former rule")
        for line in leaking_before:
            print("   ", line)
        print(f"  across two dimensions (respondents only, planned apart): {len(cross_leaks)} of {cross_checked} pairs of "
              "breakdowns leave a set of fewer than the minimum to be computed (not yet closed, docs/privacy.md)")
        for line in cross_leaks:
            print("   ", line)
        return 1 if leaks_now else 0


if __name__ == "__main__":
    sys.exit(main())
