"""Independent reading of the layout fixtures: Python's csv module, with each file's encoding,
delimiter, header rows and item columns written here by hand (not detected), and the labels and
LimeSurvey codes turned into scale points. Writes expected.json, which LayoutFixtureTests compares
with what Polso imports. Run: python3 expected.py"""
import csv, json, os

LABELS = ["Per niente", "Poco", "Abbastanza", "Molto", "Moltissimo"]
GENDERS = ["Donna", "Uomo", "Altro"]

# file: (encoding, delimiter, header rows, columns of Q1_1, Q1_2, Q1_3 and Q2 (0-based), format, layout)
FILES = {
    "qualtrics-current-de.csv": ("utf-8", ",", 3, [17, 18, 19, 20], "Qualtrics", "current (tags, question texts, {\"ImportId\": …})"),
    "qualtrics-2016-it.csv": ("utf-8", ",", 3, [11, 12, 13, 14], "Qualtrics", "2016 (tags, question texts, {'ImportId': …})"),
    "qualtrics-legacy-it.csv": ("utf-8-sig", ",", 2, [10, 11, 12, 13], "Qualtrics", "legacy (V1…V10, then tags and question texts)"),
    "surveymonkey-it.csv": ("utf-8", ",", 2, [9, 10, 11, 12], "SurveyMonkey", "two header rows (questions, sub-items)"),
    "limesurvey-codetext-it.csv": ("utf-8-sig", ";", 1, [6, 7, 8, 9], "LimeSurvey", "question code & question text headings"),
    "limesurvey-fulltext-it.csv": ("utf-8-sig", ",", 1, [7, 8, 9, 10], "LimeSurvey", "question text headings"),
    "limesurvey-abbreviated-it.csv": ("utf-8-sig", ",", 1, [5, 6, 7, 8], "LimeSurvey", "question text headings"),
    "limesurvey-rdata.csv": ("utf-8-sig", ",", 1, [8, 9, 10, 11], "LimeSurvey", "question text headings (R data file)"),
    "googleforms-es.csv": ("utf-8", ",", 1, [2, 3, 4, 5], "Google Forms", "one header row"),
    "msforms-it-1252.csv": ("cp1252", ";", 1, [5, 6, 7, 8], "Microsoft Forms", "one header row"),
    "odk-central.csv": ("utf-8", ",", 1, [2, 3, 4, 5], "ODK", "ODK Central"),
    "odk-briefcase.csv": ("utf-8", ",", 1, [3, 4, 5, 6], "ODK", "ODK Central or Briefcase"),
    "kobo-hxl.csv": ("utf-8", ";", 2, [2, 3, 4, 5], "KoboToolbox", "HXL hashtag row"),
    "excel-it-1252.csv": ("cp1252", ";", 1, [0, 1, 2, 3], "plain CSV", "one header row"),
}

def point(cell):
    """Scale point 1–5, or 255 for no answer."""
    if cell == "": return 255
    if cell in LABELS: return LABELS.index(cell) + 1
    if cell.startswith("A"): return int(cell[1:])
    return int(cell)

def option(cell):
    """Option position 1–3, or 0 for no answer."""
    if cell == "": return 0
    if cell in GENDERS: return GENDERS.index(cell) + 1
    if cell.startswith("A"): return int(cell[1:])
    return int(cell)

here = os.path.dirname(os.path.abspath(__file__))
expected = {}
for name, (encoding, delimiter, header_rows, columns, fmt, layout) in FILES.items():
    with open(os.path.join(here, name), encoding=encoding, newline="") as f:
        rows = list(csv.reader(f, delimiter=delimiter))[header_rows:]
    expected[name] = {
        "format": fmt, "layout": layout, "headerRows": header_rows,
        "answers": [[point(row[c]) for c in columns[:3]] for row in rows],
        "demographics": [[option(row[columns[3]])] for row in rows],
    }
with open(os.path.join(here, "expected.json"), "w") as f:
    json.dump(expected, f, indent=1, ensure_ascii=False, sort_keys=True)
    f.write("\n")
