#!/usr/bin/env python3
"""Independent reading of an export against a codebook, compared with what `polso import` stored.

Usage: read_back.py EXPORT CODEBOOK STORE HEADER_ROWS [surveymonkey]

Reads EXPORT with Python's csv module (UTF-8 with or without BOM, else Windows-1252; delimiter
sniffed among , ; and tab), finds each codebook item's and demographic question's column by an
exact header (its code, text or an alias; a column is also named by the code of a LimeSurvey
`code. text` heading, and with `surveymonkey` by `Question [Sub-item]` from the two header rows),
reads every cell by the codebook's rules (numbers,
labels, `N - label`, LimeSurvey codes A<n>/AO<n>, faces, missing and not-applicable words), and
compares the result, respondent by respondent, with the answers and demographics stored in the
SQLite STORE (one wave). Prints "ok N respondents" or the first differences, exit status 1.
"""
import csv
import re
import sqlite3
import sys
import unicodedata

import yaml

MISSING, NOT_APPLICABLE, DONT_KNOW = 255, 254, 253
FACES3 = [["☹️", "☹", "🙁", "😞", "😟", ":(", ":-(", "😠", "😡", ">:("], ["😐", "😶", ":|", ":-|"],
          ["🙂", "😊", ":)", ":-)", "😀", "😃", "😄", ":D", ":-D"]]
FACES5 = [["😠", "😡", ">:("], ["☹️", "☹", "🙁", "😞", "😟", ":(", ":-("], ["😐", "😶", ":|", ":-|"],
          ["🙂", "😊", ":)", ":-)"], ["😀", "😃", "😄", ":D", ":-D"]]


def key(text):
    text = unicodedata.normalize("NFC", text).replace("\u2019", "'").replace("\ufe0f", "").strip().lower()
    return " ".join(text.split()).rstrip(".:;?!… ,*")


def read_rows(path):
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    first = text.split("\n", 1)[0]
    delimiter = max([",", ";", "\t"], key=first.count)
    return list(csv.reader(text.splitlines(keepends=True), delimiter=delimiter))


def declared(codes):
    """`codes:` of a scale or an item: answer (normalised) -> stored code."""
    found = {}
    for name, stored in (("missing", MISSING), ("not_applicable", NOT_APPLICABLE), ("dont_know", DONT_KNOW)):
        for answer in (codes or {}).get(name, []):
            found[key(str(answer))] = stored
    return found


def scale_reader(scale, words, item_codes=None):
    low, high = scale.get("min"), scale.get("max")
    faces = scale.get("emoticons")
    labels = scale.get("labels") or {}
    if isinstance(labels, list):
        low = low if low is not None else 1
        labels = {low + i: label for i, label in enumerate(labels)}
    if faces:
        low, high = 1, faces
    by_label = {}
    for point, label in labels.items():
        for synonym in label if isinstance(label, list) else [label]:
            by_label[key(str(synonym))] = int(point)
    if faces:
        for point, group in enumerate(FACES3 if faces == 3 else FACES5, start=1):
            for face in group:
                by_label.setdefault(key(face), point)

    special = dict(words)
    special.update(declared(scale.get("codes")))
    special.update(declared(item_codes))

    def read(cell):
        text = cell.strip()
        if text == "":
            return MISSING
        number = None
        try:
            number = float(text.replace(",", "."))
        except ValueError:
            pass
        if key(text) in special:
            return special[key(text)]
        if number is not None and number == int(number) and key(str(int(number))) in special:
            return special[key(str(int(number)))]
        try:
            number = float(text.replace(",", "."))
            if number == int(number):
                value = int(number)
                assert low <= value <= high, f"{cell!r} outside {low}-{high}"
                return value
        except ValueError:
            pass
        if key(text) in by_label:
            return by_label[key(text)]
        upper = text.upper()
        for prefix in ("AO", "A"):
            if upper.startswith(prefix) and upper[len(prefix):].isdigit():
                return low + int(upper[len(prefix):]) - 1
        digits = ""
        for character in text:
            if not character.isdigit():
                break
            digits += character
        if digits and text[len(digits):].lstrip()[:1] in "-–—=.:)(":
            return int(digits)
        raise ValueError(f"cannot read {cell!r}")

    return read


def main():
    export, codebook_path, store, header_rows = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    codebook = yaml.safe_load(open(codebook_path, encoding="utf-8"))
    rows = read_rows(export)
    headers = [header.strip() for header in rows[0]]
    names = [{header} for header in headers]
    for index, header in enumerate(headers):
        code = re.match(r"^([A-Za-z][A-Za-z0-9_\[\]#]*)\. ", header)
        if code:
            names[index].add(code.group(1))
    if len(sys.argv) > 5 and sys.argv[5] == "surveymonkey":
        question = ""
        for index, (top, sub) in enumerate(zip(rows[0], rows[1])):
            question = top.strip() or question
            if sub not in ("", "Response", "Open-Ended Response"):
                names[index].add(f"{question} [{sub.strip()}]")
            elif not top.strip():
                names[index].add(question)
    data = [row for row in rows[header_rows:] if any(cell != "" for cell in row) or len(row) == len(headers)]
    missing = {key(word) for word in codebook.get("missing_answers", [])}
    words = {key(word): MISSING for word in codebook.get("missing_answers", [])}
    words.update({key(word): NOT_APPLICABLE for word in codebook.get("not_applicable_answers", [])})
    words.update({key(word): DONT_KNOW for word in codebook.get("dont_know_answers", [])})

    def column_of(entry):
        wanted = {key(name) for name in [entry["code"], entry["text"]] + entry.get("aliases", [])}
        found = [index for index, known in enumerate(names) if any(key(name) in wanted for name in known)]
        assert len(found) == 1, f"{entry['code']}: columns {found}"
        return found[0]

    readers = []
    for block in codebook["blocks"]:
        for section in block["sections"]:
            for item in section["items"]:
                readers.append((column_of(item), scale_reader(item.get("scale", codebook["scale"]), words, item.get("codes"))))
    questions = []
    for question in codebook.get("demographics", []):
        options = {key(option): position for position, option in enumerate(question["options"], start=1)}
        questions.append((column_of(question), options))

    expected = []
    for row in data:
        answers = bytes(read(row[column]) for column, read in readers)
        demographics = []
        for column, options in questions:
            text = row[column].strip()
            if text == "" or key(text) in missing:
                demographics.append(0)
            elif key(text) in options:
                demographics.append(options[key(text)])
            else:
                upper = text.upper()
                number = upper[2:] if upper.startswith("AO") else upper[1:] if upper.startswith("A") else upper
                demographics.append(int(number))
        expected.append((answers, bytes(demographics)))

    database = sqlite3.connect(store)
    stored = [(bytes(answers), bytes(demographics))
              for answers, demographics in database.execute("SELECT answers, demographics FROM respondent ORDER BY id")]
    if stored == expected:
        print(f"ok {len(stored)} respondents, {len(readers)} items, {len(questions)} demographic questions")
        return 0
    print(f"stored {len(stored)} respondents, read {len(expected)}")
    for index, (got, want) in enumerate(zip(stored, expected)):
        if got != want:
            print(f"respondent {index + 1}: stored {list(got[0])} {list(got[1])}, read {list(want[0])} {list(want[1])}")
            break
    return 1


if __name__ == "__main__":
    sys.exit(main())
