#!/usr/bin/python3
"""Reads a workbook written by `polso plan export` with openpyxl and checks how it is typed.

Usage: check_export.py WORKBOOK PLAN_YAML [WORKBOOK PLAN_YAML …]

Independent of Polso's reader: for every node, indicator and ref of PLAN_YAML (read with PyYAML,
walked in file order: a node's row, its indicators, its children; then the shared definitions),
the row of the sheet "Piano" (or "Plan") must hold each numeric key (weight, target, value,
numerator, denominator, printed and override figures) as a number cell equal to the text read as
a number (Italian or English per the plan's `numbers:`, default Italian) whenever the number
shown with its printed decimals gives back that text, and as a text cell otherwise; codes and
names are always text. It also checks the bold header row, the frozen pane below it, the column
widths, and the settings sheet's year as a number. Prints "ok N cells" or the differences.
"""
import sys

import openpyxl
import yaml

NUMERIC = {("weight",): "Peso", ("assumed_weight",): "Peso ipotizzato", ("target",): "Target", ("value",): "Valore",
           ("value", "numerator"): "Numeratore", ("value", "denominator"): "Denominatore",
           ("printed", "value"): "Valore pubblicato", ("printed", "achievement"): "Grado di raggiungimento",
           ("override", "achievement"): "Raggiungimento forzato", ("override", "value"): "Valore forzato"}
ENGLISH = {"Peso": "weight", "Peso ipotizzato": "assumed weight", "Target": "target", "Valore": "value",
           "Numeratore": "numerator", "Denominatore": "denominator", "Valore pubblicato": "printed value",
           "Grado di raggiungimento": "printed achievement", "Raggiungimento forzato": "override achievement",
           "Valore forzato": "override value", "Codice": "code", "Nome": "name"}


def as_number(text, notation):
    """The number `text` is when it is a plain number in the notation, with its decimals; else None."""
    decimal = "," if notation == "it" else "."
    body = text[1:] if text.startswith("-") else text
    if not body or any(c not in "0123456789" + decimal for c in body) or body.count(decimal) > 1:
        return None
    if body.startswith(decimal) or body.endswith(decimal):
        return None
    value = float(text.replace(decimal, "."))
    decimals = len(body.split(decimal)[1]) if decimal in body else 0
    shown = repr(value) if value != int(value) else str(int(value))
    if decimals:
        whole, _, fraction = (shown + ("" if "." in shown else ".")).partition(".")
        shown = whole + "." + fraction.ljust(decimals, "0")
    return value if shown.replace(".", decimal) == text else None


def walk(node, rows):
    rows.append(node)
    for key in ("indicators", "children"):
        for member in node.get(key) or []:
            walk(member, rows)


def main(workbook_path, plan_path):
    plan = yaml.load(open(plan_path, encoding="utf-8"), Loader=yaml.BaseLoader)  # every scalar as text
    notation = plan.get("numbers", "it")
    book = openpyxl.load_workbook(workbook_path)
    sheet = book["Piano"] if "Piano" in book.sheetnames else book["Plan"]
    settings = book["Impostazioni"] if "Impostazioni" in book.sheetnames else book["Settings"]
    header = [cell.value for cell in sheet[1]]
    problems, checked = [], 0
    if sheet.freeze_panes != "A2":
        problems.append(f"frozen pane {sheet.freeze_panes}, expected A2")
    if not all(cell.font.b for cell in sheet[1]):
        problems.append("header row not bold")
    if not all(sheet.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width for i in range(len(header))):
        problems.append("a column without a width")
    rows = []
    for member in plan.get("indicators") or []:
        rows.append(member)
    for child in plan.get("children") or []:
        walk(child, rows)
    for shared in plan.get("shared") or []:
        walk(shared, rows)
    if sheet.max_row - 1 != len(rows):
        problems.append(f"{sheet.max_row - 1} rows, expected {len(rows)}")

    def column(italian):
        for name in (italian, ENGLISH.get(italian)):
            if name in header:
                return header.index(name) + 1
        return None

    for line, node in enumerate(rows, start=2):
        for keys, italian in NUMERIC.items():
            text = node
            for key in keys:
                text = text.get(key) if isinstance(text, dict) else None
            if not isinstance(text, str):
                continue
            cell = sheet.cell(row=line, column=column(italian))
            number = as_number(text, notation)
            checked += 1
            if number is None:
                if cell.data_type != "s" or cell.value != text:
                    problems.append(f"row {line} {italian}: {text!r} should be text, is {cell.data_type} {cell.value!r}")
            elif cell.data_type != "n" or cell.value != number:
                problems.append(f"row {line} {italian}: {text!r} should be the number {number}, is {cell.data_type} {cell.value!r}")
            else:
                decimals = len(text.split("," if notation == "it" else ".")[1]) if ("," if notation == "it" else ".") in text else 0
                expected = "0" if decimals == 0 else "0." + "0" * decimals
                if cell.number_format != expected:
                    problems.append(f"row {line} {italian}: format {cell.number_format!r}, expected {expected!r}")
        for key, italian in (("code", "Codice"), ("name", "Nome")):
            if key in node:
                cell = sheet.cell(row=line, column=column(italian))
                checked += 1
                if cell.data_type != "s" or cell.value != node[key]:
                    problems.append(f"row {line} {italian}: {node[key]!r} should be text, is {cell.data_type} {cell.value!r}")
    for row in settings.iter_rows(min_row=2):
        if row[0].value == "year":
            checked += 1
            if row[1].data_type != "n" or row[1].value != int(plan["year"]):
                problems.append(f"settings year: {row[1].value!r} is {row[1].data_type}, expected the number {plan['year']}")
    if problems:
        print(workbook_path + ":\n" + "\n".join(problems))
        return 1
    print(f"ok {checked} cells")
    return 0


if __name__ == "__main__":
    pairs = list(zip(sys.argv[1::2], sys.argv[2::2]))
    sys.exit(max(main(workbook, plan) for workbook, plan in pairs))
