#!/usr/bin/python3
"""Makes the plan workbooks that PlanFilesTests import: invented data, no personal data.

Run from this folder with Debian's python3-openpyxl and LibreOffice installed:
    /usr/bin/python3 make_plan_workbooks.py

- openpyxl-italiano.xlsx: a plan as a body keeps it, written by openpyxl: Italian headers in the
  body's own spelling (CODICE, Obiettivo, Peso %, Grado di raggiungimento), members placed by
  parent code, weights as number cells formatted 0.00 (33,30), a value typed as text with a
  decimal comma ("93,5"), dates as date cells; settings on the sheet "Impostazioni".
- libreoffice-italiano.xlsx: the same workbook converted by LibreOffice to OpenDocument (.ods) and
  from that back to .xlsx (soffice --headless --convert-to), so that LibreOffice writes every part
  of it its own way: styles, shared strings, number formats, dates.
- percent-cell.xlsx: a mistake: a target typed 0,85 in a cell formatted as a percentage (85 %).
- code-as-number.xlsx: a mistake: the code 1.1 typed as a number (shown 1,1 or 1.1 by language).
- one-sheet.xlsx: a mistake: the plan's rows alone, on a sheet named Foglio1, without settings.
The plan they describe is openpyxl-italiano.expected.yaml, written by hand.
"""
import datetime
import os
import shutil
import subprocess
import tempfile

import openpyxl

HEADER = ["CODICE", "Padre", "Tipo", "Obiettivo", "Peso %", "Comparatore", "Target", "Valore",
          "Numeratore", "Denominatore", "Unità", "Grado di raggiungimento", "Note"]
ROWS = [
    ["AS1", None, "area", "Competitività delle imprese", 50, None, None, None, None, None, None, None, None],
    ["OS1", "AS1", "Obiettivo strategico", "Digitalizzazione", 100, None, None, None, None, None, None, None, None],
    ["K1", "OS1", "indicatore", "Imprese assistite", 33.3, ">=", 500, 444, None, None, "N.", 88.8, None],
    ["K2", "OS1", "Indicatore", "Giudizi positivi degli utenti", 33.3, "≥", "85 %", None, 763, 828, "%", None, None],
    ["K3", "OS1", "indicatore", "Pratiche evase nei termini", 33.4, ">=", 90, "93,5", None, None, "%", None,
     "valore scritto come testo con la virgola"],
    ["AS2", None, "area", "Servizi", 50, None, None, None, None, None, None, None, None],
    ["K4", "AS2", "indicatore", "Indagine svolta", 100, "entro", datetime.date(2022, 12, 31),
     datetime.date(2022, 11, 30), None, None, "data", None, None],
]
SETTINGS = [("Chiave", "Valore"), ("body", "Camera di Commercio di Prova"), ("year", 2022), ("numbers", "it"),
            ("profile.preset", "standard"), ("printed.achievement", "98,14 %")]


def plan_workbook(path, percent_mistake=False, code_mistake=False):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Piano"
    sheet.append(HEADER)
    for row in ROWS:
        sheet.append(row)
    for line in range(2, 2 + len(ROWS)):
        weight = sheet.cell(row=line, column=5)
        weight.number_format = "0.00" if isinstance(weight.value, float) else "0"
        achievement = sheet.cell(row=line, column=12)
        if achievement.value is not None:
            achievement.number_format = "0.00"
        for column in (7, 8):
            if isinstance(sheet.cell(row=line, column=column).value, datetime.date):
                sheet.cell(row=line, column=column).number_format = "dd/mm/yyyy"
    if percent_mistake:
        sheet.cell(row=4, column=7).value = 0.85  # K1's target: shows 85 %, holds 0,85
        sheet.cell(row=4, column=7).number_format = "0%"
    if code_mistake:
        sheet.cell(row=2, column=1).value = 1.1  # AS1's code
    settings = book.create_sheet("Impostazioni")
    for row in SETTINGS:
        settings.append(row)
    book.save(path)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    plan_workbook(os.path.join(here, "openpyxl-italiano.xlsx"))
    plan_workbook(os.path.join(here, "percent-cell.xlsx"), percent_mistake=True)
    plan_workbook(os.path.join(here, "code-as-number.xlsx"), code_mistake=True)
    book = openpyxl.Workbook()
    book.active.title = "Foglio1"
    book.active.append(HEADER)
    book.active.append(ROWS[0])
    book.save(os.path.join(here, "one-sheet.xlsx"))
    with tempfile.TemporaryDirectory() as work:
        source = os.path.join(work, "libreoffice-italiano.xlsx")
        plan_workbook(source)
        profile = "-env:UserInstallation=file://" + work + "/profile"
        ods = os.path.join(work, "ods")
        subprocess.run(["soffice", "--headless", profile, "--convert-to", "ods", "--outdir", ods, source],
                       check=True, capture_output=True)
        out = os.path.join(work, "out")
        subprocess.run(["soffice", "--headless", profile, "--convert-to", "xlsx", "--outdir", out,
                        os.path.join(ods, "libreoffice-italiano.ods")], check=True, capture_output=True)
        shutil.copy(os.path.join(out, "libreoffice-italiano.xlsx"), os.path.join(here, "libreoffice-italiano.xlsx"))


if __name__ == "__main__":
    main()
