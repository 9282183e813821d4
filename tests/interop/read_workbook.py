"""Prints, as JSON, what openpyxl reads in a workbook: for tests/interop/openpyxl.test.ts.

Run with Debian's /usr/bin/python3 (python3-openpyxl). Usage: read_workbook.py FILE.xlsx
Every warning openpyxl gives while loading is reported, not printed, so the test can insist on
none. Each cell is null or [kind, value, number format], kind being "s" (text), "n" (number),
"d" (a date or time, as ISO 8601), "f" (a formula), "b" (a boolean) or "e" (an error).
"""
import datetime
import json
import sys
import warnings

try:
    import openpyxl
    from openpyxl.utils import get_column_letter
except ImportError:
    sys.stderr.write(
        "openpyxl is missing: install Debian's python3-openpyxl "
        "(apt-get install python3-openpyxl) and run with /usr/bin/python3\n"
    )
    sys.exit(3)


def cell_of(cell):
    value = cell.value
    if value is None:
        return None
    if cell.data_type == "f":
        return ["f", str(value), cell.number_format]
    if isinstance(value, bool):
        return ["b", value, cell.number_format]
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return ["d", value.isoformat(), cell.number_format]
    if isinstance(value, (int, float)):
        return ["n", value, cell.number_format]
    if cell.data_type == "e":
        return ["e", str(value), cell.number_format]
    return ["s", str(value), cell.number_format]


def sheet_of(ws):
    rows = [[cell_of(c) for c in row] for row in ws.iter_rows()]
    widths = {}
    for column in range(1, ws.max_column + 1):
        letter = get_column_letter(column)
        if letter in ws.column_dimensions and ws.column_dimensions[letter].width:
            widths[letter] = ws.column_dimensions[letter].width
    return {
        "name": ws.title,
        "state": ws.sheet_state,
        "autofilter": ws.auto_filter.ref,
        "widths": widths,
        "rows": rows,
    }


def main():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        book = openpyxl.load_workbook(sys.argv[1])
        sheets = [sheet_of(ws) for ws in book.worksheets]
    json.dump(
        {
            "openpyxl": openpyxl.__version__,
            "warnings": [str(w.message) for w in caught],
            "sheets": sheets,
        },
        sys.stdout,
        ensure_ascii=False,
    )


main()
