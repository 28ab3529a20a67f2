#!/usr/bin/env python3
"""Independent reading of the respondent ids and submission dates of the real exports in
../shared/real-exports/files, for ResponseIdentityTests (Tests/SurveysTests).

Usage, from the repository root:  python3 Tests/Checks/submission_dates.py

For each export it names the id and date columns by hand (from the tools' documentation, not from
Polso's rules), reads every data row with Python's csv module, parses the dates with datetime and
prints: ids (count, distinct), dates read, 1980-01-01 stamps, unreadable, first and last day, and
the day/month order (day first when some first number exceeds 12, month first when some second
does, unknown when neither). Rows are all data rows (none of these files has an invalid row).
"""
import csv
import io
import os
from datetime import date, datetime

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "real-exports", "files")

# file prefix: (delimiter, header rows, id column, date column) — columns by position in row 1.
FILES = {
    "F01": (",", 3, "ResponseID", "EndDate"),
    "F02": (",", 2, "V1", "V9"),           # legacy: V1 = ResponseID, V9 = EndDate (row 2)
    "F03": (",", 3, "ResponseID", "EndDate"),
    "F04": (",", 3, "ResponseId", "RecordedDate"),
    "F05": (",", 2, "V1", "V9"),
    "F06": (",", 1, "Response ID", "Date submitted"),
    "F07": (",", 1, "Response ID", "Date submitted"),
    "F08": (",", 1, "id. ID da resposta", "submitdate. Data de envio"),
    "F09": (",", 1, None, "Timestamp"),
    "F10": (",", 1, None, "Timestamp"),
    "F11": (",", 1, "Id", "Completion time"),
    "F12": (",", 2, "Respondent ID", "End Date"),
    "F13": (",", 1, "KEY", "SubmissionDate"),
    "F14": (";", 2, "_uuid", "_submission_time"),
    "F15": (";", 2, "_uuid", "_submission_time"),
}


def read(path, delimiter):
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def parse(value):
    """('day', date) | ('either', a, b, year) | ('anon',) | ('bad',) | None for empty."""
    value = value.strip()
    if not value:
        return None
    head = value.replace("T", " ").split(" ")[0]
    for fmt in ("%Y-%m-%d", "%Y/%m/%d"):
        try:
            d = datetime.strptime(head, fmt).date()
            return ("anon",) if d == date(1980, 1, 1) else ("day", d)
        except ValueError:
            pass
    for sep in "/.-":
        parts = head.split(sep)
        if len(parts) == 3 and all(p.isdigit() for p in parts):
            a, b, y = (int(p) for p in parts)
            if len(parts[2]) == 2:
                y += 2000
            return ("either", a, b, y)
    return ("bad",)


def valid(y, m, d):
    try:
        return date(y, m, d)
    except ValueError:
        return None


def main():
    for name in sorted(os.listdir(ROOT)):
        prefix = name[:3]
        if prefix not in FILES:
            continue
        delimiter, header_rows, id_column, date_column = FILES[prefix]
        rows = read(os.path.join(ROOT, name), delimiter)
        header = rows[0]
        data = [r for r in rows[header_rows:] if any(cell.strip() for cell in r)]
        ids = [r[header.index(id_column)] for r in data if id_column and header.index(id_column) < len(r)]
        ids = [i for i in ids if i != ""]
        readings = [parse(r[header.index(date_column)]) for r in data if header.index(date_column) < len(r)]
        readings = [x for x in readings if x is not None]
        certain = [x[1] for x in readings if x[0] == "day"]
        either = [x for x in readings if x[0] == "either"]
        day_first = [valid(y, b, a) for _, a, b, y in either]
        month_first = [valid(y, a, b) for _, a, b, y in either]
        if not either:
            order, days = "yearFirst", certain
        elif all(day_first) and not all(month_first):
            order, days = "dayFirst", certain + day_first
        elif all(month_first) and not all(day_first):
            order, days = "monthFirst", certain + month_first
        elif all(d == m for d, m in zip(day_first, month_first)):
            order, days = "yearFirst", certain + day_first
        else:
            order, days = "unknown", certain + [d for d in day_first + month_first if d]
        anonymised = sum(1 for x in readings if x[0] == "anon")
        bad = sum(1 for x in readings if x[0] == "bad")
        span = f"{min(days)} {max(days)}" if days else "-"
        print(f"{prefix} ids={len(ids)} distinct={len(set(ids))} dated={len(certain) + len(either)} "
              f"anonymised={anonymised} unreadable={bad} range={span} order={order}")


if __name__ == "__main__":
    main()
