"""JSON: a list of objects, or an object holding one (``records``, ``people``, ``data``)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from django.utils.translation import gettext_noop

from kintrace.lists.importers.base import ImportProblem, Limits, Table, clean_header

LIST_KEYS = ("records", "people", "persons", "data", "items", "results")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value).strip()


def read(path: Path, limits: Limits) -> Table:
    size = path.stat().st_size
    if size > limits.max_json_bytes:
        raise ImportProblem(
            gettext_noop("the JSON file is %(size)d MB; at most %(limit)d MB"),
            params={"size": size >> 20, "limit": limits.max_json_bytes >> 20},
        )
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ImportProblem(gettext_noop("the JSON file is not UTF-8")) from None
    except json.JSONDecodeError as exc:
        raise ImportProblem(
            gettext_noop("not valid JSON: %(error)s at line %(line)d, column %(column)d"),
            params={"error": exc.msg, "line": exc.lineno, "column": exc.colno},
        ) from None
    except RecursionError:
        raise ImportProblem(
            gettext_noop("the JSON is nested too deeply; records are one level of objects")
        ) from None
    if isinstance(data, dict):
        data = next((data[k] for k in LIST_KEYS if isinstance(data.get(k), list)), None)
    if not isinstance(data, list):
        raise ImportProblem(
            gettext_noop("the JSON must be a list of records (or an object with 'records')")
        )
    columns: list[str] = []
    seen: set[str] = set()
    for number, item in enumerate(data, 1):
        if not isinstance(item, dict):
            raise ImportProblem(gettext_noop("a record must be a JSON object"), row=number)
        for key in item:
            if key not in seen:
                seen.add(key)
                columns.append(key)
    keys = list(columns)
    columns = clean_header(columns, limits)

    def rows() -> Iterator[list[str]]:
        for item in data:
            yield [_cell(item.get(k)) for k in keys]

    return Table(columns, rows, "json")
