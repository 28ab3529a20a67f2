"""Independent reading of F12 (SurveyMonkey, ../shared/real-exports/files) for RealExportCLITests:
Python csv, two header rows skipped, item columns given by hand, answers counted per scale point
as F12-sm-ggwash.yaml defines them. Prints code, distribution (count per point) and mean.
Run from the repository root: python3 Tests/Fixtures/real-exports/f12_distribution.py"""
import csv, os

path = os.path.join(os.path.dirname(__file__), "../../../../shared/real-exports/files/F12_surveymonkey_ggwash_anc_2022.csv")
rows = list(csv.reader(open(path, encoding="utf-8", newline="")))[2:]
BUS = ["Yes, I support these projects, but I would not support removing parking or travel lanes so that they can be built.",
       "Yes, I support these projects and would support removing parking or travel lanes so that they can be built."]
NA = "N/A—there are no projects on this map within the boundaries of my ANC."
items = {
    "APTS": (26, lambda v: ["No", "Yes"].index(v) + 1),
    "DRIVE": (32, lambda v: ["No", "Yes"].index(v) + 1),
    "PARK": (33, lambda v: int(v.split(".")[0])),  # "4. within two to three blocks …"
    "BUS": (34, lambda v: None if v == NA else BUS.index(v) + 1),
}
points = {"APTS": 2, "DRIVE": 2, "PARK": 5, "BUS": 2}
for code, (column, point) in items.items():
    values = [point(r[column]) for r in rows if r[column] != ""]
    values = [v for v in values if v is not None]
    counts = [values.count(p) for p in range(1, points[code] + 1)]
    print(code, " ".join(map(str, counts)), sum(values) / len(values))
