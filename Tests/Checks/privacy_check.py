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
1 to minimum − 1 people is a combination of the shown cells and the year's total, and that every withheld figure gives the right reason
(`fewer_than_minimum` when it, or a section or item behind it, rests on 1 to minimum − 1 people,
else `complementary`). It does the same for the former rule (hide small groups, and the next-smallest only when exactly one is small; a
shown group's section hidden only when it rests on too few answers) and prints both counts.

Across dimensions, the people cross-classified by every pair and triple of the five questions
(respondents), and by all five (respondents and each item), are the unknowns; every group shown by
those breakdowns and the year's total are the equations; it checks that no set of cells with 1 to
minimum − 1 people is determined, for Polso's plan and for each dimension planned apart (the rule
before the cross-classification, reimplemented here), and prints both counts.
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


def label_of(group):
    """A breakdown group's label in Polso's JSON; the group of those who did not say has none, only
    `notStated: true` (its label is the last, "not stated", below)."""
    return "Non indicato" if group.get("notStated") else group["label"]


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


LABELS = ["Per nulla d'accordo", "Poco d'accordo", "Parzialmente d'accordo", "Abbastanza d'accordo", "Molto d'accordo",
          "Del tutto d'accordo"]


def answer(cell):
    """The point 1–6 of an answer (a number, a code `A4`, or the scale's label as the 2015 sample
    writes it), or None when it is not a valid one."""
    if cell in LABELS:
        return LABELS.index(cell) + 1
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


def determined_small_set(sizes, margins, shown):
    """A set of cells holding 1..MINIMUM-1 people whose sum the shown margins determine, or None.

    Exact over the rationals: the shown margins are brought to reduced row echelon form with the
    largest cells first; a 0/1 vector lies in their span exactly when it is the sum of the reduced
    rows whose pivot columns it contains, so trying every set of pivots on cells under the minimum
    that hold fewer than MINIMUM people together tries every determined set."""
    order = sorted(range(len(sizes)), key=lambda c: (-sizes[c], c))
    rows = [[Fraction(int(c in margins[m])) for c in order] for m in shown]
    reduced = rank_rows(rows) if rows else []
    pivots = [next(i for i, x in enumerate(row) if x != 0) for row in reduced]
    candidates = sorted((i for i in range(len(reduced)) if sizes[order[pivots[i]]] < MINIMUM), key=lambda i: sizes[order[pivots[i]]])
    def search(start, people, vector):
        for k in range(start, len(candidates)):
            i = candidates[k]
            total = people + sizes[order[pivots[i]]]
            if total >= MINIMUM:
                break
            summed = [a + b for a, b in zip(vector, reduced[i])]
            if all(x in (0, 1) for x in summed):
                union = [order[c] for c, x in enumerate(summed) if x == 1]
                if 0 < sum(sizes[c] for c in union) < MINIMUM:
                    return union
            found = search(k + 1, total, summed)
            if found:
                return found
        return None
    return search(0, 0, [Fraction(0)] * len(order))


def former_plan(respondents, item_sizes, section_of):
    """The rule before the cross-classification: each dimension planned apart, one total per year,
    hidden groups (or a group's section, for an item) growing smallest first until they hold the
    minimum together, linked over the respondents and every item until nothing more is hidden."""
    small = lambda n: 0 < n < MINIMUM
    groups = range(len(respondents))
    hidden, sections = set(), {g: set() for g in groups}
    def grow(sizes, forced):
        cells = {g for g in groups if g in forced or small(sizes[g])}
        while 0 < sum(sizes[g] for g in cells) < MINIMUM:
            shown = [g for g in groups if g not in cells and sizes[g] > 0]
            if not shown:
                break
            cells.add(min(shown, key=lambda g: (sizes[g], g)))
        return cells
    changed = True
    while changed:
        changed = False
        for g in grow(respondents, hidden) - hidden:
            hidden.add(g)
            changed = True
        for code, sizes in item_sizes.items():
            for g in grow(sizes, {g for g in groups if g in hidden or section_of[code] in sections[g]}):
                if g not in hidden and section_of[code] not in sections[g]:
                    sections[g].add(section_of[code])
                    changed = True
    return hidden, sections


def cross_dimension_check(cwd, section_of):
    """Every pair, triple and the whole set of the five dimensions, per year: the people
    cross-classified by those dimensions are the unknowns; each group shown by their breakdowns,
    and the year's total, is an equation; the respondents and (for the five together, the
    strongest attack) each item's valid answers are checked. Returns per rule ("now": Polso's
    output, "before": each dimension planned apart) the combinations checked and those where some
    set of fewer than MINIMUM people can be computed."""
    shown = {}
    for dimension in DIMENSIONS:
        breakdown = json.loads(polso("wellbeing", "--store", "polso.sqlite", "--by", dimension, "--min-group", str(MINIMUM),
                                     "--format", "json", cwd=cwd))["breakdown"]
        for year_entry in breakdown["years"]:
            shown[(dimension, year_entry["year"])] = {label_of(g): (g["suppressed"], set(g.get("suppressedCells") or []))
                                                      for g in year_entry["groups"]}
    checked, leaks = {"now": 0, "before": 0}, {"now": [], "before": []}
    hidden_cells = {"now": 0, "before": 0}
    all_sections = sorted(set(section_of.values()))
    for year in (2014, 2015, 2016):
        header, data, items = read_year(year)
        def value(row, dimension):
            column = DIMENSIONS[dimension]
            labels = list(shown[(dimension, year)])
            position = header.index(column) if column in header else None
            cell = row[position] if position is not None else ""
            if cell.startswith("A") and cell[1:].isdigit():
                cell = OPTIONS[column][int(cell[1:]) - 1]
            return cell if cell else labels[-1]
        # Each rule's decision per dimension: hidden groups, and withheld sections per group.
        decisions = {"now": {d: shown[(d, year)] for d in DIMENSIONS}, "before": {}}
        for dimension in DIMENSIONS:
            labels = list(shown[(dimension, year)])
            respondents = [sum(1 for r in data if value(r, dimension) == label) for label in labels]
            item_sizes = {code: [sum(1 for r in data if value(r, dimension) == label and answer(r[i]) is not None) for label in labels]
                          for code, i in items.items()}
            hidden, withheld = former_plan(respondents, item_sizes, section_of)
            decisions["before"][dimension] = {label: (g in hidden, withheld[g]) for g, label in enumerate(labels)}
        for rule in ("now", "before"):
            for dimension, groups in decisions[rule].items():
                for hidden, withheld in groups.values():
                    hidden_cells[rule] += len(all_sections) if hidden else len(withheld & set(all_sections))
        combinations = [c for k in (2, 3) for c in itertools.combinations(DIMENSIONS, k)] + [tuple(DIMENSIONS)]
        for rule in ("now", "before"):
            for combination in combinations:
                quantities = [("n", None)] + ([(code, i) for code, i in items.items()] if len(combination) == len(DIMENSIONS) else [])
                profiles = [tuple(value(r, d) for d in combination) for r in data]
                for name, column in quantities:
                    counted = [p for p, r in zip(profiles, data) if column is None or answer(r[column]) is not None]
                    atoms = sorted(set(counted))
                    sizes = [counted.count(a) for a in atoms]
                    margins, shown_margins = [set(range(len(atoms)))], []
                    if sum(sizes) >= MINIMUM:
                        shown_margins.append(0)
                    for position, dimension in enumerate(combination):
                        for label, (hidden, sections) in decisions[rule][dimension].items():
                            margins.append({a for a, atom in enumerate(atoms) if atom[position] == label})
                            withheld = hidden or (column is not None and section_of[name] in sections)
                            if not withheld:
                                shown_margins.append(len(margins) - 1)
                    checked[rule] += 1
                    found = determined_small_set(sizes, margins, shown_margins)
                    if found:
                        leaks[rule].append(f"{' × '.join(combination)} {year} {name}: {[atoms[a] for a in found]} "
                                           f"({sum(sizes[a] for a in found)} people)")
    return checked, leaks, hidden_cells


def self_check():
    """The check must catch the built case of the CLI test: 2 women who gave no age among 49,
    7 who gave neither; with every group of gender and age shown, no age − no gender is the 2."""
    atoms = [("F", "31"), ("F", "41"), ("M", "31"), ("M", "41"), ("F", "-"), ("-", "-")]
    sizes = [10, 10, 10, 10, 2, 7]
    margins = [set(range(6))] + [{a for a, atom in enumerate(atoms) if atom[p] == label}
                                  for p, labels in ((0, "FM-"), (1, ["31", "41", "-"])) for label in labels]
    assert determined_small_set(sizes, margins, range(len(margins))) == [4], "the check misses the built case"
    # Polso's decision for it hides age 31–40 and no age (margins 4 and 6): nothing small is left.
    assert determined_small_set(sizes, margins, [0, 1, 2, 3, 5]) is None


def main():
    if MINIMUM == 5:
        self_check()
    with tempfile.TemporaryDirectory() as folder:
        polso("demo", "--out", os.path.join(folder, "demo"), cwd=ROOT)
        cwd = os.path.join(folder, "demo")
        table = json.loads(polso("wellbeing", "--store", "polso.sqlite", "--format", "json", cwd=cwd))["table"]
        section_of = {item["code"]: item["section"] for block in table["blocks"] for item in block["items"]}
        block_sections = {block["id"]: {section["code"] for section in block["sections"]} for block in table["blocks"]}
        checked = leaks_now = leaks_before = cells_now = cells_before = 0
        sections = sorted(set(section_of.values()))
        leaking_before = []
        reason_errors, reasons_checked = [], {"fewer_than_minimum": 0, "complementary": 0}
        for dimension, column in DIMENSIONS.items():
            breakdown = json.loads(polso("wellbeing", "--store", "polso.sqlite", "--by", dimension, "--min-group", str(MINIMUM),
                                         "--format", "json", cwd=cwd))["breakdown"]
            for year_entry in breakdown["years"]:
                year = year_entry["year"]
                header, data, items = read_year(year)
                position = header.index(column) if column in header else None
                labels = [label_of(g) for g in year_entry["groups"]]

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

                # The reason each hidden figure gives, from the files: under the minimum when the group, or (for a
                # section or MEDIA of a shown group) a section answered or an item behind it, holds 1 to MINIMUM − 1.
                def small(n):
                    return 0 < n < MINIMUM
                for g, entry in enumerate(year_entry["groups"]):
                    if entry["suppressed"]:
                        expected = "fewer_than_minimum" if small(respondents[g]) else "complementary"
                        if entry.get("suppressedBecause") != expected:
                            reason_errors.append(f"{dimension} {year} {labels[g]}: {entry.get('suppressedBecause')}, expected {expected}")
                        continue
                    reasons = entry.get("suppressedCellReasons") or {}
                    answered = {s: sum(1 for r in data if group_of(r) == labels[g]
                                       and any(answer(r[i]) is not None for c, i in items.items() if section_of[c] == s)) for s in sections}
                    section_small = {s: small(answered[s]) or any(small(item_sizes[c][g]) for c in items if section_of[c] == s)
                                     for s in sections}
                    for code in entry.get("suppressedCells") or []:
                        # A block's MEDIA: under the minimum when a withheld section of that block is.
                        is_small = section_small[code] if code in section_small else any(
                            section_small[s] for s in entry["suppressedCells"] if s in block_sections[code])
                        expected = "fewer_than_minimum" if is_small else "complementary"
                        if reasons.get(code) != expected:
                            reason_errors.append(f"{dimension} {year} {labels[g]} {code}: {reasons.get(code)}, expected {expected}")
                        reasons_checked[expected] += 1

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
        cross_checked, cross_leaks, cross_cells = cross_dimension_check(cwd, section_of)
        print(f"minimum {MINIMUM}: {checked} breakdown-years checked over respondents and {len(section_of)} items each")
        print(f"  Polso now: {leaks_now} leave a union of hidden groups below the minimum to be computed")
        print(f"  former rule: {leaks_before} would")
        print(f"  group-section cells hidden: {cells_now} now, {cells_before} by the former rule")
        print(f"  reasons of withheld sections and MEDIA of shown groups: {reasons_checked['fewer_than_minimum']} under the minimum, "
              f"{reasons_checked['complementary']} complementary; {len(reason_errors)} differ from the files")
        for line in reason_errors:
            print(f"REASON {line}")
        for line in leaking_before:
            print("   ", line)
        print(f"  across dimensions (every pair and triple on respondents; all five on respondents and each item):")
        for rule, title in (("now", "Polso now (one plan over the cross-classification)"), ("before", "each dimension planned apart")):
            print(f"    {title}: {len(cross_leaks[rule])} of {cross_checked[rule]} leave a set of fewer than the minimum to be computed; "
                  f"{cross_cells[rule]} group-section cells hidden")
            for line in cross_leaks[rule][:10]:
                print("     ", line)
        return 1 if leaks_now or cross_leaks["now"] else 0


if __name__ == "__main__":
    sys.exit(main())
