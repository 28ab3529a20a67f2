#!/usr/bin/env python3
"""Deterministic generator of the customer-satisfaction sample exports (2018, 2019, 16 services).

Regenerate with:  python3 surveys/customer-satisfaction/samples/generate.py
It needs only the Python standard library and writes, beside itself:

- google-forms-2018.csv: Google Forms, 14 of the 16 services (a service column), no NPS question;
- limesurvey-2019.csv: LimeSurvey (BOM, every field quoted, CRLF, "code. text" headers, answers as
  full labels), the 15 services other than Registro Imprese, with a service column;
- google-forms-2019-registro-imprese.csv: Google Forms, Registro Imprese only (no service column:
  imported with --service), 61 questionnaires for 61 users;
- expected.csv: the counts of every year, service and item, found by reading the three files back
  with the csv module and this script's own label tables (not Polso's), plus the pooled rows.

The headline item is SOD (overall satisfaction, 4 verbal points, positive from "Abbastanza
soddisfatto"). Its 2019 counts reproduce Ravenna's Relazione 2019 (DOMAIN.md section 3): pooled
763 positive of 828 valid = 92,15 %; Statistica Prezzi 49 / 52 = 94,23 %; Mediazione 342 / 344 =
99,42 %; Brevetti e Marchi 167 / 168 = 99,40 %; Registro Imprese 54 / 55 = 98,18 %. The other 12
services share the remaining 151 / 209. Mediazione 2018 is 290 / 320 = 90,625, printed 90,63 %
(half-up). The script stops if a count read back differs from its plan.
"""
import csv
import io
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))

SERVICES = [
    "Registro Imprese", "Brevetti e Marchi", "Mediazione", "Statistica Prezzi", "Diritto annuale",
    "Albo gestori ambientali", "Punto Impresa Digitale", "Firma digitale e CNS",
    "Commercio estero e certificati d'origine", "Artigianato", "Protesti", "Sanzioni amministrative",
    "Metrologia legale", "Orientamento al lavoro e alle professioni", "Nuove imprese e start-up", "Formazione",
]
# Headline item SOD: (valid answers, positive answers) per service and year.
SOD_PLAN = {
    2019: {
        "Registro Imprese": (55, 54), "Brevetti e Marchi": (168, 167), "Mediazione": (344, 342),
        "Statistica Prezzi": (52, 49), "Diritto annuale": (24, 15), "Albo gestori ambientali": (18, 14),
        "Punto Impresa Digitale": (21, 17), "Firma digitale e CNS": (25, 20),
        "Commercio estero e certificati d'origine": (16, 12), "Artigianato": (15, 11), "Protesti": (12, 8),
        "Sanzioni amministrative": (14, 6), "Metrologia legale": (13, 10),
        "Orientamento al lavoro e alle professioni": (17, 13), "Nuove imprese e start-up": (19, 15),
        "Formazione": (15, 10),
    },
    2018: {  # Orientamento and Formazione were not surveyed in 2018
        "Registro Imprese": (57, 53), "Brevetti e Marchi": (160, 152), "Mediazione": (320, 290),
        "Statistica Prezzi": (48, 44), "Diritto annuale": (22, 13), "Albo gestori ambientali": (20, 15),
        "Punto Impresa Digitale": (18, 14), "Firma digitale e CNS": (27, 23),
        "Commercio estero e certificati d'origine": (14, 11), "Artigianato": (16, 12), "Protesti": (11, 8),
        "Sanzioni amministrative": (12, 5), "Metrologia legale": (15, 12), "Nuove imprese e start-up": (17, 12),
    },
}
QUESTIONNAIRES = {(2019, "Registro Imprese"): 61}  # else valid + 0-3 blank SOD answers
RAVENNA_2019 = {"pooled": (828, 763), "Statistica Prezzi": (52, 49), "Mediazione": (344, 342),
                "Brevetti e Marchi": (168, 167), "Registro Imprese": (55, 54)}

# The items as the codebook defines them: code, text, first point, last point, positive from.
ITEMS = [
    ("SOD", "Complessivamente, quanto è soddisfatto del servizio ricevuto?", 1, 4, 3),
    ("CORT", "Cortesia e disponibilità del personale", 1, 10, 6),
    ("COMP", "Competenza del personale", 1, 10, 6),
    ("ATT", "Tempi di attesa allo sportello", 1, 3, 2),
    ("INFO", "Chiarezza delle informazioni ricevute", 1, 5, 3),
    ("WEB", "Servizi online e sito internet", 1, 5, 3),
    ("NPS", "Quanto è probabile che consigli il servizio a un collega o a un conoscente?", 0, 10, 6),
]
SECTION_TITLE = "Giudizi sul servizio"
SERVICE_QUESTION = "Quale servizio ha utilizzato?"
SOD_LABELS = ["Per niente soddisfatto", "Poco soddisfatto", "Abbastanza soddisfatto", "Molto soddisfatto"]
INFO_LABELS = ["Scarsa", "Insufficiente", "Sufficiente", "Buona", "Ottima"]
FACES = {1: "☹️", 2: "😐", 3: "🙂"}
NOT_APPLICABLE = {"ATT": "Non ho atteso", "WEB": "Non ho usato i servizi online"}
NA, BLANK = "n/a", None


def plan_respondents(year, service):
    """One dict per questionnaire: item code -> point, NA or BLANK."""
    rng = random.Random(f"{year}/{service}")
    valid, positive = SOD_PLAN[year][service]
    count = QUESTIONNAIRES.get((year, service), valid + rng.randint(0, 3))
    sod = [rng.choice([3, 4, 4]) for _ in range(positive)] + [rng.choice([1, 2, 2]) for _ in range(valid - positive)]
    sod += [BLANK] * (count - valid)
    rng.shuffle(sod)
    quality = positive / valid
    rows = []
    for answer in sod:
        mood = quality + rng.uniform(-0.25, 0.15) + (0.1 if answer == 4 else -0.2 if answer in (1, 2) else 0)
        row = {"SOD": answer}
        for code, _, low, high, _ in ITEMS[1:]:
            if code == "NPS" and year == 2018:
                continue  # no NPS question in 2018
            if rng.random() < 0.03:
                row[code] = BLANK
            elif code in NOT_APPLICABLE and rng.random() < (0.12 if code == "ATT" else 0.35):
                row[code] = NA
            else:
                # Recommendations rarely fall below 3 even from unhappy users.
                bottom = 3 if code == "NPS" else low
                point = bottom + (high - bottom) * min(1.0, max(0.0, mood + rng.uniform(-0.2, 0.2)))
                row[code] = int(round(point))
        rows.append((service, row))
    return rows


def answer_cell(code, value, numbered_ends=False):
    """An export cell: choices as their label, faces, numbers; LimeSurvey's full answers also
    spell the labelled ends of the 1-10 scales (`10 - Pienamente soddisfatto`)."""
    if value is BLANK:
        return ""
    if value is NA:
        return NOT_APPLICABLE[code]
    if code == "SOD":
        return SOD_LABELS[value - 1]
    if code == "INFO":
        return INFO_LABELS[value - 1]
    if code == "ATT":
        return FACES[value]
    if numbered_ends and code in ("CORT", "COMP") and value in (1, 10):
        return f"{value} - " + ("Per niente soddisfatto" if value == 1 else "Pienamente soddisfatto")
    return str(value)


def write(name, text):
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="") as handle:
        handle.write(text)


def limesurvey(rows):
    codes = [item[0] for item in ITEMS]
    header = ["id", "submitdate", "lastpage", "startlanguage", "seed", f"SERV. {SERVICE_QUESTION}"]
    header += [f"{code}. {text}" for code, text, *_ in ITEMS]
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(header)
    for number, (service, row) in enumerate(rows, start=1):
        writer.writerow([str(number), "1980-01-01 00:00:00", "3", "it", str(1000 + number), service]
                        + [answer_cell(code, row[code], numbered_ends=True) for code in codes])
    return "\ufeff" + out.getvalue()


def google_forms(rows, year, with_service, with_nps):
    items = [item for item in ITEMS if with_nps or item[0] != "NPS"]
    header = ["Informazioni cronologiche"] + ([SERVICE_QUESTION] if with_service else [])
    for code, text, *_ in items:
        header.append(f"{SECTION_TITLE} [{text}]" if code in ("CORT", "COMP") else text)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for number, (service, row) in enumerate(rows):
        stamp = f"{(number % 28) + 1:02d}/{(number // 28) % 12 + 1:02d}/{year} {9 + number % 8}.{number % 60:02d}.{(number * 7) % 60:02d}"
        writer.writerow([stamp] + ([service] if with_service else []) + [answer_cell(code, row[code]) for code, *_ in items])
    return out.getvalue()


# Reading the files back ------------------------------------------------------------------------

def read_point(code, cell):
    """The point, NA or BLANK that a cell of either export holds (this script's own reading)."""
    cell = cell.strip()
    if cell == "":
        return BLANK
    if cell == NOT_APPLICABLE.get(code):
        return NA
    if code == "SOD":
        return SOD_LABELS.index(cell) + 1
    if code == "INFO":
        return INFO_LABELS.index(cell) + 1
    if code == "ATT":
        return {face: point for point, face in FACES.items()}[cell]
    return int(cell.split(" - ")[0])


def read_back(path, service=None):
    """(service, {code: point}) per data row of an export written above."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        records = list(csv.reader(handle))
    header = records[0]
    by_text = {text: code for code, text, *_ in ITEMS}
    columns = {}
    for index, name in enumerate(header):
        if name.startswith("SERV. ") or name == SERVICE_QUESTION:
            columns[index] = "service"
        elif ". " in name and name.split(". ")[0] in by_text.values():
            columns[index] = name.split(". ")[0]
        else:
            text = name[len(SECTION_TITLE) + 2:-1] if name.startswith(SECTION_TITLE + " [") else name
            if text in by_text:
                columns[index] = by_text[text]
    rows = []
    for record in records[1:]:
        row = {code: read_point(code, record[index]) for index, code in columns.items() if code != "service"}
        named = [record[index] for index, code in columns.items() if code == "service"]
        rows.append((named[0] if named else service, row))
    return rows


def tally(rows, year):
    """counts[(year, service, code)] = [questionnaires, valid, positive, n/a, missing, sum, promoters, detractors]."""
    counts = {}
    for service, row in rows:
        for code, _, low, high, positive_from in ITEMS:
            entry = counts.setdefault((year, service, code), [0, 0, 0, 0, 0, 0, 0, 0])
            entry[0] += 1
            value = row.get(code, BLANK)
            if value is BLANK:
                entry[4] += 1
            elif value is NA:
                entry[3] += 1
            else:
                assert low <= value <= high, (service, code, value)
                entry[1] += 1
                entry[2] += value >= positive_from
                entry[5] += value
                entry[6] += value >= 9
                entry[7] += value <= 6
    return counts


def main():
    files = []
    rows_2018 = [row for service in SERVICES if service in SOD_PLAN[2018] for row in plan_respondents(2018, service)]
    random.Random("order 2018").shuffle(rows_2018)
    write("google-forms-2018.csv", google_forms(rows_2018, 2018, with_service=True, with_nps=False))
    files.append(("google-forms-2018.csv", 2018, None))

    rows_2019 = [row for service in SERVICES if service != "Registro Imprese" for row in plan_respondents(2019, service)]
    random.Random("order 2019").shuffle(rows_2019)
    write("limesurvey-2019.csv", limesurvey(rows_2019))
    files.append(("limesurvey-2019.csv", 2019, None))

    registro = plan_respondents(2019, "Registro Imprese")
    write("google-forms-2019-registro-imprese.csv", google_forms(registro, 2019, with_service=False, with_nps=True))
    files.append(("google-forms-2019-registro-imprese.csv", 2019, "Registro Imprese"))

    counts = {}
    for name, year, service in files:
        for key, entry in tally(read_back(os.path.join(HERE, name), service), year).items():
            total = counts.setdefault(key, [0] * 8)
            for index, value in enumerate(entry):
                total[index] += value
    for year, plan in SOD_PLAN.items():
        for service, expected in plan.items():
            found = tuple(counts[(year, service, "SOD")][1:3])
            if found != expected:
                raise SystemExit(f"{year} {service}: SOD valid/positive {found}, planned {expected}")
    for year in SOD_PLAN:
        for code, *_ in ITEMS:
            pooled = [0] * 8
            for service in SERVICES:
                for index, value in enumerate(counts.get((year, service, code), [0] * 8)):
                    pooled[index] += value
            counts[(year, "", code)] = pooled
    for service, expected in RAVENNA_2019.items():
        found = tuple(counts[(2019, "" if service == "pooled" else service, "SOD")][1:3])
        if found != expected:
            raise SystemExit(f"Ravenna 2019 {service}: {found}, published {expected}")
    assert counts[(2019, "Registro Imprese", "SOD")][0] == 61

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["year", "service", "item", "questionnaires", "valid", "positive", "not_applicable", "missing",
                     "sum", "promoters", "detractors"])
    for (year, service, code) in sorted(counts, key=lambda key: (key[0], key[1] == "", SERVICES.index(key[1]) if key[1] else 0,
                                                                 [item[0] for item in ITEMS].index(key[2]))):
        writer.writerow([year, service, code] + counts[(year, service, code)])
    write("expected.csv", out.getvalue())
    for year in sorted(SOD_PLAN):
        questionnaires, valid, positive = counts[(year, "", "SOD")][:3]
        print(f"{year}: {questionnaires} questionnaires; SOD {positive} / {valid} positive")


if __name__ == "__main__":
    main()
