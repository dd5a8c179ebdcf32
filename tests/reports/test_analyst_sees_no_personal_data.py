"""An analyst requests every staff page and every export there is, on demo data, and never
gets a name, a birth date or anything a family or a caseworker wrote."""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from openpyxl import load_workbook

from kintrace.cases.demo import create_demo_cases
from kintrace.cases.models import Event, Person, Requester
from kintrace.lists.demo import create_generated_records
from kintrace.lists.models import Record
from kintrace.matching.demo import confirm_generated
from kintrace.reports import registry


def url_patterns(resolver=None, prefix="", namespace=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from url_patterns(entry, route, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", route


def _paths(route: str, values: dict[str, list[str]]) -> list[str]:
    """Every path for a route, with each value listed for each of its parameters."""
    paths = ["/" + route]
    for match in re.finditer(r"<(?:\w+:)?(?P<name>\w+)>", route):
        paths = [p.replace(match[0], v, 1) for p in paths for v in values.get(match["name"], ["1"])]
    return paths


def _text(response) -> str:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    kind = response.get("Content-Type", "")
    if "spreadsheet" in kind:
        book = load_workbook(io.BytesIO(body))
        return "\n".join(str(v) for s in book for r in s.iter_rows(values_only=True) for v in r)
    if "pdf" in kind:
        result = subprocess.run(["pdftotext", "-", "-"], input=body, capture_output=True)
        return result.stdout.decode()
    if kind.startswith("image/png"):
        return ""
    return body.decode("utf-8", errors="replace")


def _personal(case_count: int) -> list[re.Pattern]:
    words = set()
    for person in Person.objects.all():
        words |= {person.surname, person.given_name, person.patronymic}
        if person.birth_date:
            words |= {person.birth_date.isoformat(), person.birth_date.strftime("%d.%m.%Y")}
        words |= {person.distinguishing_marks, person.last_known_location, person.phone_numbers}
        words |= {person.case.reference}
    for requester in Requester.objects.all():
        words |= {requester.name, requester.phone, requester.email}
    words |= set(Event.objects.exclude(text="").values_list("text", flat=True))
    words |= set(Record.objects.values_list("name_as_printed", flat=True))  # who a list names
    words.discard("")
    return [re.compile(rf"(?<!\w){re.escape(w)}(?!\w)") for w in words]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_no_staff_page_shows_an_analyst_personal_data(analyst, caseworker, settings):
    settings.REPORT_MIN_CELL = 2  # show as much as possible
    create_demo_cases(count=60, staff=[caseworker.user], seed=3)
    create_generated_records(count=300, seed=3)  # the list reports have people to count
    confirm_generated(staff=[caseworker.user], seed=3)
    patterns = _personal(60)
    reference = Person.objects.first().case.reference
    values = {
        "reference": [reference],
        "user_id": [str(caseworker.user.pk)],
        "name": list(registry.reports()),
        "fmt": ["csv", "xlsx", "json", "svg", "png"],
    }
    seen, leaks = 0, []
    for name, route in url_patterns():
        if not route.startswith("staff/") or name.startswith("admin:"):
            continue
        for path in _paths(route, values):
            response = analyst.get(path)
            if response.status_code != 200:
                continue
            seen += 1
            text = _text(response)
            leaks += [f"{path}: {p.pattern}" for p in patterns if p.search(text)]
    assert leaks == []
    assert seen > 50  # the reports and their exports were really read
    # The same check finds the names on a caseworker's page: it can fail.
    page = _text(caseworker.get(f"/staff/cases/{reference}/"))
    assert any(p.search(page) for p in patterns)
