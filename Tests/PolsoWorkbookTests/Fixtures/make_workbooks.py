#!/usr/bin/python3
"""Makes the workbook fixtures of PolsoWorkbookTests and the CLI tests, and the values they must read.

Run from this folder: /usr/bin/python3 make_workbooks.py  (needs Debian's python3-openpyxl; LibreOffice's soffice
for libreoffice.xlsx). Every response is invented. Outputs:

- forms.csv            a Microsoft Forms customer-satisfaction export as CSV (UTF-8, CRLF): the twin.
- forms.xlsx           the same responses written by openpyxl, as Microsoft Forms lays them out:
                       timestamps as dates (m/d/yy h:mm), answers as numbers and shared strings,
                       one empty cell; openpyxl writes texts as inline strings (t="inlineStr"): all
                       but six are then moved to shared strings as Excel writes them, one label as
                       two rich-text runs; a second sheet "Note" to choose with --sheet.
- libreoffice.xlsx     forms.csv converted by LibreOffice (soffice --headless --convert-to xlsx).
- renamed-workbook.csv forms.xlsx under a .csv name.
- invalid.xlsx         forms.xlsx with one answer (H4) outside its scale.
- spreadsheet.ods      libreoffice.xlsx saved by LibreOffice as OpenDocument (refused with advice).
- cells.xlsx           one column of every kind of cell (dates in both formats, times, numbers,
                       booleans, an error, a formula, a 1904-system twin in cells-1904.xlsx);
                       cells.expected.csv holds what openpyxl reads, formatted independently here.
- bomb.xlsx            forms.xlsx whose sheet declares 4 GiB - 1 byte decompressed (header fields patched).
- bomb-actual.xlsx     a workbook whose sheet really decompresses to 3 MiB of blanks but declares 3 KiB:
                       refused while streaming when the limit is lower (unit tests use 1 MiB).
- truncated.xlsx       the first half of forms.xlsx.

Every file but the two LibreOffice writes (libreoffice.xlsx, spreadsheet.ods) comes out byte for
byte the same on a rerun.
"""
import csv, datetime, decimal, io, os, re, shutil, struct, subprocess, tempfile, zipfile, zlib

import openpyxl
from openpyxl.styles.numbers import is_date_format

HERE = os.path.dirname(os.path.abspath(__file__))

HEADERS = ["Id", "Start time", "Completion time", "Email", "Name",
           "Quale servizio ha utilizzato?",
           "Complessivamente, quanto è soddisfatto del servizio ricevuto?",
           "Cortesia e disponibilità del personale",
           "Competenza del personale",
           "Tempi di attesa allo sportello",
           "Chiarezza delle informazioni ricevute",
           "Servizi online e sito internet",
           "Quanto è probabile che consigli il servizio a un collega o a un conoscente?"]

SERVICES = ["Registro Imprese", "Mediazione", "Brevetti e Marchi"]
SOD = ["Per niente soddisfatto", "Poco soddisfatto", "Abbastanza soddisfatto", "Molto soddisfatto"]
FACES = ["☹️", "😐", "🙂"]
INFO = ["Scarsa", "Insufficiente", "Sufficiente", "Buona", "Ottima"]

FIXED_TIME = (2024, 9, 1, 12, 0, 0)

def write_parts(path, parts):
    """Writes the parts as a ZIP archive with fixed dates, so that a rerun changes no byte."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(info, data)

def fixed_properties(book):
    book.properties.created = datetime.datetime(*FIXED_TIME)
    book.properties.modified = datetime.datetime(*FIXED_TIME)

def responses():
    rows = []
    start = datetime.datetime(2024, 9, 1, 11, 27)
    for n in range(1, 19):
        begun = start + datetime.timedelta(hours=7 * n, minutes=13 * n)
        ended = begun + datetime.timedelta(minutes=3 + n % 5, seconds=0)
        web = "Non ho usato i servizi online" if n % 6 == 0 else (n * 7) % 5 + 1
        rows.append([n, begun, ended, "anonymous", "", SERVICES[n % 3], SOD[(n * 5) % 4],
                     (n * 3) % 10 + 1, (n * 7) % 10 + 1, FACES[n % 3], INFO[(n * 2) % 5],
                     web, (n * 4) % 11])
    rows[4][8] = None   # one empty cell: "Competenza del personale" unanswered
    return rows

def csv_text(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    return str(value)

def write_csv(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(HEADERS)
        for row in rows:
            writer.writerow([csv_text(v) for v in row])

def write_forms_xlsx(path, rows):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Form1"
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    for column in ("B", "C"):
        for cell in sheet[column][1:]:
            cell.number_format = "m/d/yy h:mm"
    note = book.create_sheet("Note")
    note.append(["Quale servizio ha utilizzato?", "Complessivamente, quanto è soddisfatto del servizio ricevuto?"])
    note.append(["Mediazione", "Molto soddisfatto"])
    fixed_properties(book)
    book.save(path)
    rewrite_strings(path)

def rewrite_strings(path):
    """openpyxl writes every text as an inline string (t="inlineStr"); Excel and Microsoft Forms
    write shared strings. Moves every text except the service cells of rows 2-7 into a new
    sharedStrings.xml, one of them as two rich-text runs plus a phonetic run that readers must
    leave out."""
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    shared = []
    def share(match):
        reference, attributes, text = match.group(1), match.group(2), match.group(3)
        row = int(re.sub(r"[A-Z]+", "", reference))
        if reference.startswith("F") and 2 <= row <= 7:
            return match.group(0)
        if text not in shared:
            shared.append(text)
        return f'<c r="{reference}"{attributes} t="s"><v>{shared.index(text)}</v></c>'
    sheet = re.sub(r'<c r="([A-Z]+[0-9]+)"([^>]*?) t="inlineStr"><is><t[^>]*>(.*?)</t></is></c>', share, sheet)
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    items = []
    for text in shared:
        if text == "Abbastanza soddisfatto":
            items.append('<si><r><rPr><b/></rPr><t>Abbastanza</t></r><r><t xml:space="preserve"> soddisfatto</t></r>'
                         '<rPh sb="0" eb="1"><t>ABB</t></rPh></si>')
        else:
            items.append(f"<si><t>{text}</t></si>")
    parts["xl/sharedStrings.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(shared)}" uniqueCount="{len(shared)}">'
        + "".join(items) + "</sst>").encode()
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
        b'Target="sharedStrings.xml" Id="rIdStrings"/></Relationships>')
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" '
        b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    write_parts(path, parts)

CELLS = [
    # (value, number format); None format = General
    (3, None), (0.1, None), (0.3 - 0.2, None), (-2.5, None), (1e-05, None), (123456789012, None),
    (1.5e20, None), (2.0, None), (0.14329266500000001, None), (1 / 3, None), (2.5e-7, "0.00E+00"),
    (datetime.datetime(2024, 9, 1, 11, 27), "m/d/yy h:mm"),
    (datetime.datetime(2024, 9, 1, 11, 27, 59, 600000), "yyyy-mm-dd hh:mm:ss"),
    (datetime.datetime(2019, 1, 2), "dd/mm/yyyy"),
    (datetime.datetime(1900, 1, 1), "yyyy-mm-dd"),
    (datetime.datetime(1900, 3, 1), "d-mmm-yy"),
    (datetime.datetime(2024, 2, 29, 23, 59, 59), "[$-410]dddd d mmmm yyyy hh:mm:ss"),
    (datetime.time(8, 30, 15), "h:mm:ss"),
    (datetime.time(17, 5), "h:mm AM/PM"),
    (0.75, "0.00%"),
    (1234.5, '#,##0.00 "€"'),
    (True, None), (False, None),
    ("=1+2", None),
    ("testo", None),
]

def write_cells(path, date1904):
    book = openpyxl.Workbook()
    if date1904:
        book.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    sheet = book.active
    sheet.title = "Celle"
    for value, number_format in CELLS:
        if date1904 and isinstance(value, datetime.datetime) and value.year < 1904:
            continue  # before its epoch: Excel shows ####, openpyxl writes a negative serial
        sheet.append([value])
        if number_format:
            sheet.cell(row=sheet.max_row, column=1).number_format = number_format
    fixed_properties(book)
    book.save(path)
    # openpyxl writes no cached value for a formula, nor an error cell: add them as Excel does.
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet_xml = parts["xl/worksheets/sheet1.xml"].decode()
    sheet_xml = re.sub(r"<f>1\+2</f><v>\s*</v>|<f>1\+2</f><v/>|<f>1\+2</f>", "<f>1+2</f><v>3</v>", sheet_xml)
    row = sheet_xml.count("<row ") + 1
    sheet_xml = sheet_xml.replace("</sheetData>", f'<row r="{row}"><c r="A{row}" t="e"><v>#N/A</v></c></row></sheetData>')
    parts["xl/worksheets/sheet1.xml"] = sheet_xml.encode()
    write_parts(path, parts)

def shown(cell):
    """What the cell should read as, computed from openpyxl's own reading of the file."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime.datetime):
        seconds = value.second + (1 if value.microsecond >= 500000 else 0)
        value = value.replace(microsecond=0) + datetime.timedelta(seconds=seconds - value.second)
        fmt = cell.number_format.lower()
        has_time = "h" in fmt or "s" in fmt
        has_date = "y" in fmt or "d" in fmt
        if has_time and not has_date:
            return value.strftime("%H:%M:%S")
        return value.strftime("%Y-%m-%d %H:%M:%S") if has_time else value.strftime("%Y-%m-%d")
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M:%S")
    if isinstance(value, (int, float)):
        rounded = float("%.15g" % value)
        if rounded == int(rounded) and abs(rounded) < 1e15:
            return str(int(rounded))
        text = format(decimal.Decimal(repr(rounded)), "f")   # repr: Python's shortest round trip
        return text.rstrip("0").rstrip(".") if "." in text else text
    return str(value)

def expected_cells(path, out):
    book = openpyxl.load_workbook(path)  # openpyxl converts date-formatted serials itself
    sheet = book.active
    with open(out, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["cell", "format", "is_date_format", "shown"])
        for (cell,) in sheet.iter_rows():
            text = shown(cell)
            if cell.data_type == "e":
                text = cell.value
            if cell.data_type == "f":
                text = "3"   # the cached value added above
            writer.writerow([cell.coordinate, cell.number_format, is_date_format(cell.number_format), text])

def patch_declared_size(source, target, part, size):
    """Copies a ZIP archive, claiming `size` uncompressed bytes for `part` in both headers."""
    data = bytearray(open(source, "rb").read())
    name = part.encode()
    for signature, size_offset, name_length_offset, name_offset in ((b"PK\x03\x04", 22, 26, 30), (b"PK\x01\x02", 24, 28, 46)):
        start = 0
        while True:
            at = data.find(signature, start)
            if at < 0:
                break
            length = struct.unpack_from("<H", data, at + name_length_offset)[0]
            if data[at + name_offset:at + name_offset + length] == name:
                struct.pack_into("<I", data, at + size_offset, size)
            start = at + 4
    open(target, "wb").write(bytes(data))

def write_bomb_actual(path):
    padding = " " * (3 << 20)
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             + padding + '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>')
    source = os.path.join(HERE, "forms.xlsx")
    with zipfile.ZipFile(source) as original:
        parts = {name: original.read(name) for name in original.namelist()}
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    temporary = path + ".tmp"
    write_parts(temporary, parts)
    patch_declared_size(temporary, path, "xl/worksheets/sheet1.xml", 3 << 10)
    os.remove(temporary)

def main():
    rows = responses()
    write_csv(os.path.join(HERE, "forms.csv"), rows)
    write_forms_xlsx(os.path.join(HERE, "forms.xlsx"), rows)
    shutil.copy(os.path.join(HERE, "forms.xlsx"), os.path.join(HERE, "renamed-workbook.csv"))
    invalid = [list(row) for row in rows]
    invalid[2][7] = 11   # H4: "Cortesia" outside its 1-10 scale
    write_forms_xlsx(os.path.join(HERE, "invalid.xlsx"), invalid)
    for name, date1904 in (("cells.xlsx", False), ("cells-1904.xlsx", True)):
        write_cells(os.path.join(HERE, name), date1904)
        expected_cells(os.path.join(HERE, name), os.path.join(HERE, name.replace(".xlsx", ".expected.csv")))
    patch_declared_size(os.path.join(HERE, "forms.xlsx"), os.path.join(HERE, "bomb.xlsx"), "xl/worksheets/sheet1.xml", (4 << 30) - 1)
    write_bomb_actual(os.path.join(HERE, "bomb-actual.xlsx"))
    data = open(os.path.join(HERE, "forms.xlsx"), "rb").read()
    open(os.path.join(HERE, "truncated.xlsx"), "wb").write(data[: len(data) // 2])
    with tempfile.TemporaryDirectory() as folder:
        shutil.copy(os.path.join(HERE, "forms.csv"), os.path.join(folder, "libreoffice.csv"))
        subprocess.run(["soffice", "--headless", "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx",
                        "--outdir", folder, os.path.join(folder, "libreoffice.csv")],
                       check=True, capture_output=True)
        shutil.copy(os.path.join(folder, "libreoffice.xlsx"), os.path.join(HERE, "libreoffice.xlsx"))
        subprocess.run(["soffice", "--headless", "--convert-to", "ods", "--outdir", folder,
                        os.path.join(folder, "libreoffice.xlsx")], check=True, capture_output=True)
        shutil.copy(os.path.join(folder, "libreoffice.ods"), os.path.join(HERE, "spreadsheet.ods"))

if __name__ == "__main__":
    main()
