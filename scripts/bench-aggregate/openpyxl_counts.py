"""The baseline of `npm run bench:aggregate`: what a clerk's Python script with openpyxl would do.

Opens each workbook in a folder (read_only=True, data_only=True, the fast way to read with
openpyxl), takes the school's code from the summary sheet (汇总), counts the items sheet's
(检查项) 结论 column by status, and the actions sheet's (整改) open and overdue actions as of
TODAY; prints one JSON object: the seconds it took (timed inside Python, so Python's own start
is not counted) and the counts by school code.

usage: /usr/bin/python3 openpyxl_counts.py FOLDER TODAY
"""
import datetime
import json
import os
import sys
import time

import openpyxl

STATUSES = {
    "符合": "compliant",
    "部分符合": "partial",
    "不符合": "nonCompliant",
    "不适用": "na",
    "未答": "unanswered",
}


def column(header, name):
    return list(header).index(name)


def counts_of(path, today):
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        summary = book["汇总"].iter_rows(min_row=2, max_row=3, values_only=True)
        header, row = next(summary), next(summary)
        code = str(row[column(header, "学校标识码")])
        counts = {name: 0 for name in STATUSES.values()}
        items = book["检查项"].iter_rows(min_row=2, values_only=True)
        status = column(next(items), "结论")
        for row in items:
            name = STATUSES.get(row[status])
            if name:
                counts[name] += 1
        actions = book["整改"].iter_rows(min_row=2, values_only=True)
        header = next(actions)
        state, due = column(header, "完成情况"), column(header, "整改期限")
        open_actions = overdue = 0
        for row in actions:
            if row[state] is None or row[state] == "已完成":
                continue
            open_actions += 1
            deadline = row[due]
            if isinstance(deadline, datetime.datetime):
                deadline = deadline.date()
            elif isinstance(deadline, str):
                deadline = datetime.date.fromisoformat(deadline)
            if deadline is not None and deadline < today:
                overdue += 1
        counts["openActions"] = open_actions
        counts["overdueActions"] = overdue
        return code, counts
    finally:
        book.close()


def main():
    folder, today = sys.argv[1], datetime.date.fromisoformat(sys.argv[2])
    files = sorted(
        os.path.join(folder, name) for name in os.listdir(folder) if name.endswith(".xlsx")
    )
    started = time.perf_counter()
    schools = {}
    for path in files:
        code, counts = counts_of(path, today)
        schools[code] = counts
    seconds = time.perf_counter() - started
    print(
        json.dumps(
            {
                "seconds": seconds,
                "files": len(files),
                "openpyxl": openpyxl.__version__,
                "python": sys.version.split()[0],
                "schools": schools,
            }
        )
    )


if __name__ == "__main__":
    main()
