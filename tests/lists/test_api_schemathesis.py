"""Schemathesis against the OpenAPI schema: no generated request gets a server error."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from kintrace.lists import actions

schema = schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())


@pytest.fixture
def key(db):
    """A token with every scope; the WSGI calls keep the test's database connection open."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    _token, key = actions.create_token(
        partner="Fuzz",
        scopes=["lists:push", "records:search", "cases:status"],
        days=1,
        actor=None,
        request=None,
    )
    yield key
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_no_server_errors(case, key):
    response = case.call(headers={"Authorization": f"Token {key}"})
    assert response.status_code < 500, (case.method, case.path, response.text[:500])
