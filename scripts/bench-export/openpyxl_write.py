"""openpyxl's side of `npm run bench:export`: writes the same cells as our writer, and times it.

Run with Debian's /usr/bin/python3 (python3-openpyxl). Usage: openpyxl_write.py CELLS.json
CELLS.json: {"warmup": W, "runs": N, "sheets": [{"name", "hidden", "widths": [characters...],
"autofilter": "A2:H1002" or null, "rows": [[cell...]...]}]}, each cell null, a string, or
[number] / [number, number format]. Text is always written as text, never as a formula.

Each mode (openpyxl's normal workbook, and its write_only streaming one) writes the whole
workbook into memory W times to warm up, then N times measured with time.perf_counter() inside
this process: Python's start and the reading of the JSON are not counted. Prints JSON: the
milliseconds of every measured run per mode, openpyxl's version and the size of one workbook.
"""
import io
import json
import sys
import time

try:
    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.utils import get_column_letter
except ImportError:
    sys.stderr.write("openpyxl is missing: install Debian's python3-openpyxl (apt-get install python3-openpyxl)\n")
    sys.exit(3)


def set_layout(ws, sheet):
    for i, width in enumerate(sheet["widths"]):
        ws.column_dimensions[get_column_letter(i + 1)].width = width
    if sheet["autofilter"]:
        ws.auto_filter.ref = sheet["autofilter"]
    if sheet["hidden"]:
        ws.sheet_state = "hidden"


def write_normal(sheets):
    book = openpyxl.Workbook()
    book.remove(book.active)
    for sheet in sheets:
        ws = book.create_sheet(sheet["name"])
        for r, row in enumerate(sheet["rows"], start=1):
            for c, value in enumerate(row, start=1):
                if value is None:
                    continue
                if isinstance(value, str):
                    cell = ws.cell(row=r, column=c, value=value)
                    cell.data_type = "s"
                else:
                    cell = ws.cell(row=r, column=c, value=value[0])
                    if len(value) > 1:
                        cell.number_format = value[1]
        set_layout(ws, sheet)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def write_only(sheets):
    book = openpyxl.Workbook(write_only=True)
    for sheet in sheets:
        ws = book.create_sheet(sheet["name"])
        set_layout(ws, sheet)
        for row in sheet["rows"]:
            cells = []
            for value in row:
                if value is None:
                    cells.append(None)
                elif isinstance(value, str):
                    cell = WriteOnlyCell(ws, value=value)
                    cell.data_type = "s"
                    cells.append(cell)
                elif len(value) > 1:
                    cell = WriteOnlyCell(ws, value=value[0])
                    cell.number_format = value[1]
                    cells.append(cell)
                else:
                    cells.append(value[0])
            ws.append(cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def measure(write, sheets, warmup, runs):
    size = 0
    for _ in range(warmup):
        size = len(write(sheets))
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        write(sheets)
        times.append((time.perf_counter() - started) * 1000)
    return {"ms": times, "bytes": size}


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        job = json.load(f)
    sheets, warmup, runs = job["sheets"], job["warmup"], job["runs"]
    json.dump(
        {
            "openpyxl": openpyxl.__version__,
            "python": sys.version.split()[0],
            "normal": measure(write_normal, sheets, warmup, runs),
            "writeOnly": measure(write_only, sheets, warmup, runs),
        },
        sys.stdout,
    )


main()
