"""Writes a template workbook as a clerk's tools do (openpyxl: inline strings, formulas saved
without their value), from a JSON spec on stdin: {"sheets": {name: [[cell, ...], ...]},
"formats": {"sheet!A1": "yyyy/m/d"}}. A string starting with "=" is a formula. Usage:
clerk_workbook.py OUT.xlsx < spec.json"""
import json
import sys

import openpyxl

spec = json.load(sys.stdin)
book = openpyxl.Workbook()
book.remove(book.active)
for name, rows in spec["sheets"].items():
    sheet = book.create_sheet(name)
    for row in rows:
        sheet.append([None if value == "" else value for value in row])
for place, number_format in spec.get("formats", {}).items():
    name, cell = place.split("!")
    book[name][cell].number_format = number_format
book.save(sys.argv[1])
