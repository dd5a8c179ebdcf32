"""Downloading a list: coordinators only, audited as an export."""

from __future__ import annotations

import pytest

from tests.conftest import last_audit
from tests.lists.test_list_pages import imported  # noqa: F401  (fixture)


@pytest.mark.parametrize(
    ("fmt", "content_type", "piece"),
    [
        ("csv", "text/csv", "full_name,surname"),
        ("json", "application/json", '"records"'),
        ("pfif", "application/xml", "http://zesty.ca/pfif/1.4"),
    ],
)
def test_coordinator_downloads(coordinator, imported, fmt, content_type, piece):  # noqa: F811
    response = coordinator.get(f"/staff/lists/{imported.pk}/export/{fmt}/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert piece in response.content.decode() and "Иванов" in response.content.decode()
    audit = last_audit()
    assert (audit.action, audit.detail["format"]) == ("export", fmt)


@pytest.mark.parametrize("persona", ["caseworker", "analyst"])
def test_others_cannot_download(request, imported, persona):  # noqa: F811
    client = request.getfixturevalue(persona)
    assert client.get(f"/staff/lists/{imported.pk}/export/csv/").status_code == 404


def test_unknown_format(coordinator, imported):  # noqa: F811
    assert coordinator.get(f"/staff/lists/{imported.pk}/export/exe/").status_code == 404
