#!/usr/bin/env python3
"""Validate dossier files against the published JSON Schema.

    python3 scripts/check-schema.py docs/dossier.schema.json data/gemeente-oss.json [FILE ...]
    python3 scripts/check-schema.py --journal docs/dossier.schema.json dossier.json.journal [FILE ...]
    python3 scripts/check-schema.py --roles docs/dossier.schema.json dossier.json.history/roles-….jsonl [FILE ...]

Checks the schema itself (Draft 2020-12), then validates every FILE with format checking ("date",
"date-time") enabled. With --journal each FILE is a journal (JSON Lines) and every line is checked
against the schema's $defs/journalLine; with --roles each FILE is the roles a database recorded for copied changes
(JSON Lines), every line checked against $defs/journalRole. Every error is printed as `FILE: $.json.path: message`. Exits 1 when the schema
or any file is invalid, 0 when all are valid, 2 on wrong usage.

Like the dossier program, this script reads numbers strictly: `1.0` or `1e3` is not an integer (the
program keeps amounts in whole cents and refuses a number with a decimal point or an exponent), and
NaN/Infinity are not JSON.
"""
import json
import sys

try:
    from jsonschema import Draft202012Validator, FormatChecker, validators
    from jsonschema.exceptions import SchemaError
except ImportError:
    sys.stderr.write("check-schema: het Python-pakket 'jsonschema' ontbreekt (pip install jsonschema)\n")
    sys.exit(2)


def _is_strict_integer(checker, instance):
    # json.loads turns 1.0 and 1e3 into floats, so only a Python int was written as a whole number.
    return isinstance(instance, int) and not isinstance(instance, bool)


StrictValidator = validators.extend(
    Draft202012Validator,
    type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_strict_integer),
)


def _refuse_constant(name):
    raise ValueError(f"{name} is geen geldige JSON")


def load_json(path):
    """The parsed document, or raises ValueError/OSError with a readable message."""
    with open(path, "rb") as handle:
        data = handle.read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValueError(f"geen geldige UTF-8 (byte {error.start})") from None
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise ValueError(f"ongeldige JSON op regel {error.lineno}, kolom {error.colno}: {error.msg}") from None


def json_path(error):
    return error.json_path if hasattr(error, "json_path") else "$" + "".join(
        f"[{part}]" if isinstance(part, int) else f".{part}" for part in error.absolute_path)


def message(error):
    text = error.message
    # For anyOf/oneOf the top message says little; add what the closest alternative found.
    if error.context:
        best = min(error.context, key=lambda sub: (len(sub.absolute_path) * -1, sub.message))
        text += f" ({json_path(best)}: {best.message})"
    return text


def sort_key(error):
    """Errors in document order: by path (indices as numbers), then by message."""
    return ([(0, part, "") if isinstance(part, int) else (1, 0, str(part)) for part in error.absolute_path],
            error.message)


def journal_lines(path):
    """(line number, parsed line) for every line of a journal file; raises ValueError on a bad line."""
    with open(path, "rb") as handle:
        data = handle.read()
    lines = []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        try:
            lines.append((number, json.loads(raw.decode("utf-8"), parse_constant=_refuse_constant)))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise ValueError(f"regel {number}: geen geldige JSON ({error})") from None
    return lines


def main(argv):
    line_definition = {"--journal": "journalLine", "--roles": "journalRole"}.get(argv[1]) if len(argv) > 1 else None
    is_journal = line_definition is not None
    if is_journal:
        argv = argv[:1] + argv[2:]
    if len(argv) < 3 or argv[1] in ("-h", "--help"):
        sys.stderr.write("gebruik: python3 scripts/check-schema.py [--journal | --roles] SCHEMA FILE...\n")
        return 0 if len(argv) > 1 and argv[1] in ("-h", "--help") else 2
    schema_path, files = argv[1], argv[2:]

    try:
        schema = load_json(schema_path)
    except (OSError, ValueError) as error:
        print(f"{schema_path}: $: {error}")
        return 1
    try:
        StrictValidator.check_schema(schema)
    except SchemaError as error:
        print(f"{schema_path}: {json_path(error)}: ongeldig schema: {error.message}")
        return 1

    validator = StrictValidator(schema, format_checker=FormatChecker())
    invalid = False
    if is_journal:
        line_validator = StrictValidator({"$ref": f"#/$defs/{line_definition}", "$defs": schema["$defs"]}, format_checker=FormatChecker())
        for path in files:
            try:
                lines = journal_lines(path)
            except (OSError, ValueError) as error:
                print(f"{path}: {error}")
                invalid = True
                continue
            for number, line in lines:
                for error in sorted(line_validator.iter_errors(line), key=sort_key):
                    print(f"{path}: regel {number}: {json_path(error)}: {message(error)}")
                    invalid = True
        return 1 if invalid else 0
    for path in files:
        try:
            document = load_json(path)
        except (OSError, ValueError) as error:
            print(f"{path}: $: {error}")
            invalid = True
            continue
        errors = sorted(validator.iter_errors(document), key=sort_key)
        for error in errors:
            print(f"{path}: {json_path(error)}: {message(error)}")
        if errors:
            invalid = True
    return 1 if invalid else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
