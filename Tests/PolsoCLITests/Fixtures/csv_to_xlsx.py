"""Writes the cells of a CSV file (UTF-8, BOM or not) as the first sheet of an .xlsx workbook,
whole numbers as numbers, the way a spreadsheet holds a re-exported survey.

Usage: /usr/bin/python3 csv_to_xlsx.py IN.csv OUT.xlsx  (needs openpyxl: Debian python3-openpyxl)
"""
import csv
import sys

from openpyxl import Workbook


def cell(text):
    return int(text) if text.lstrip("-").isdigit() else text


def main(source, target):
    book = Workbook()
    sheet = book.active
    sheet.title = "Risposte"
    with open(source, newline="", encoding="utf-8-sig") as handle:
        for row in csv.reader(handle):
            sheet.append([cell(value) for value in row])
    book.save(target)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
