#!/usr/bin/env python3
"""Independent checks of dossier's exports, used by the test suite.

    check-exchange.py csv FILE EXPECTED_ROWS [MUST_CONTAIN...]
        Reads FILE with Python's csv module (RFC 4180 quoting, ',' or ';' as the header shows, UTF-8 with or
        without BOM); checks that
        every row has as many fields as the header, that there are EXPECTED_ROWS data rows, and that each
        MUST_CONTAIN text is one of the fields. Prints the header and the first data row as JSON.

    check-exchange.py formulas FILE
        Reads FILE as above and checks that no cell would start a formula in a spreadsheet (OWASP "CSV injection":
        a first character =, +, -, @, tab or CR; a plain negative number such as -5 is allowed). Prints the
        cells that start with an apostrophe as JSON.

    check-exchange.py ics FILE EXPECTED_EVENTS EXPECTED_TODOS [UID...]
        Parses FILE with two independent implementations of RFC 5545, the icalendar package and vobject
        (which also validates each component: required properties, properties allowed once); checks with
        both the number of VEVENTs and VTODOs, that every listed UID is there, that no UID occurs twice, and
        that both read the same UIDs and dates; prints the events (UID, SUMMARY, DTSTART, DTEND, STATUS) and
        the tasks (UID, SUMMARY, DUE, STATUS) as JSON; an event's LOCATION and DESCRIPTION too.
"""
import csv
import io
import json
import re
import sys


def check_csv(path, expected_rows, needles):
    raw = open(path, "rb").read()
    text = raw.decode("utf-8-sig")
    # RFC 4180 (Python's "excel" dialect); only the delimiter differs between the standard and the Dutch Excel form.
    first = text.splitlines()[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    rows = list(csv.reader(io.StringIO(text, newline=""), dialect="excel", delimiter=delimiter))
    header, data = rows[0], rows[1:]
    problems = [f"row {i + 2} has {len(r)} fields, header has {len(header)}" for i, r in enumerate(data) if len(r) != len(header)]
    if len(data) != expected_rows:
        problems.append(f"{len(data)} data rows, expected {expected_rows}")
    fields = {field for row in data for field in row}
    problems += [f"no field equals {needle!r}" for needle in needles if needle not in fields]
    print(json.dumps({"delimiter": delimiter, "bom": raw.startswith(b"\xef\xbb\xbf"), "header": header,
                      "first": data[0] if data else []}, ensure_ascii=False))
    return problems


def read_rows(path):
    text = open(path, "rb").read().decode("utf-8-sig")
    first = text.splitlines()[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return list(csv.reader(io.StringIO(text, newline=""), dialect="excel", delimiter=delimiter))


def check_formulas(path):
    cells = [cell for row in read_rows(path) for cell in row]
    plain_number = re.compile(r"^-[0-9]+([.,][0-9]+)?$")
    problems = [f"cell starts a formula: {cell!r}" for cell in cells
                if cell[:1] in ("=", "+", "-", "@", "\t", "\r") and not plain_number.match(cell)]
    print(json.dumps([cell for cell in cells if cell.startswith("'")], ensure_ascii=False))
    return problems


def check_ics(path, expected_events, expected_todos, uids):
    import icalendar
    import vobject
    raw = open(path, "rb").read()
    calendar = icalendar.Calendar.from_ical(raw)
    events = calendar.walk("VEVENT")
    todos = calendar.walk("VTODO")
    found = [{"uid": str(e["UID"]), "summary": str(e["SUMMARY"]), "start": e["DTSTART"].dt.isoformat(),
              "end": e["DTEND"].dt.isoformat(), "status": str(e.get("STATUS", "")), "location": str(e.get("LOCATION", "")),
              "description": str(e.get("DESCRIPTION", ""))} for e in events]
    tasks = [{"uid": str(t["UID"]), "summary": str(t["SUMMARY"]), "due": t["DUE"].dt.isoformat(),
              "status": str(t.get("STATUS", ""))} for t in todos]
    problems = []
    if len(events) != expected_events:
        problems.append(f"{len(events)} events, expected {expected_events}")
    if len(todos) != expected_todos:
        problems.append(f"{len(todos)} tasks, expected {expected_todos}")
    # RFC 5545, 3.6.1 and 3.6.2: UID and DTSTAMP are required in both, once.
    for component in list(events) + list(todos):
        for name in ("UID", "DTSTAMP"):
            if len(component.get(name, []) if isinstance(component.get(name), list) else ([component[name]] if name in component else [])) != 1:
                problems.append(f"{component.name} {component.get('SUMMARY')} must have {name} once")
    all_uids = [item["uid"] for item in found + tasks]
    problems += [f"UID {uid} occurs {all_uids.count(uid)} times" for uid in sorted(set(all_uids)) if all_uids.count(uid) > 1]
    problems += [f"no event or task with UID {uid}" for uid in uids if uid not in all_uids]

    # The second reader: vobject parses on its own and validates every component.
    second = vobject.readOne(raw.decode("utf-8"), validate=True)
    second_events = {c.uid.value: (c.dtstart.value.isoformat(), c.dtend.value.isoformat())
                     for c in second.getChildren() if c.name == "VEVENT"}
    second_todos = {c.uid.value: c.due.value.isoformat() for c in second.getChildren() if c.name == "VTODO"}
    for component in second.getChildren():
        if component.name in ("VEVENT", "VTODO"):
            component.validate(raiseException=True)
    if second_events != {e["uid"]: (e["start"], e["end"]) for e in found}:
        problems.append(f"vobject reads other events: {second_events}")
    if second_todos != {t["uid"]: t["due"] for t in tasks}:
        problems.append(f"vobject reads other tasks: {second_todos}")
    print(json.dumps({"events": found, "tasks": tasks}, ensure_ascii=False))
    return problems


def main():
    kind, path = sys.argv[1], sys.argv[2]
    if kind == "formulas":
        problems = check_formulas(path)
    elif kind == "csv":
        problems = check_csv(path, int(sys.argv[3]), sys.argv[4:])
    else:
        problems = check_ics(path, int(sys.argv[3]), int(sys.argv[4]), sys.argv[5:])
    for problem in problems:
        print(problem, file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
