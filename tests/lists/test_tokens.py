"""Partner tokens: a coordinator creates one (shown once, hash kept), lists and revokes it."""

from __future__ import annotations

import pytest

from kintrace.lists.api.auth import hash_key
from kintrace.lists.models import PartnerToken, Referral
from tests.conftest import last_audit

URL = "/staff/lists/tokens/"


def test_coordinator_creates_a_token_with_scopes_expiry_and_referrals(coordinator, case):
    data = {
        "partner": "Mothers' Committee",
        "scopes": ["records:search", "cases:status"],
        "days": "30",
        "referred": case.reference.lower(),
    }
    response = coordinator.post(URL, data)
    page = response.content.decode()
    assert response.status_code == 200
    token = PartnerToken.objects.get()
    key = page.split('id="new-key">')[1].split("<")[0]
    assert token.key_hash == hash_key(key) and key not in str(token.__dict__)
    assert token.scopes == ["cases:status", "records:search"] and token.active
    assert 29 <= (token.expires_at - token.created_at).days <= 30
    assert Referral.objects.get().case == case
    assert any(a.action == "token_created" for a in type(last_audit()).objects.all())


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"partner": "P", "scopes": ["records:search"], "days": "365"}, "At most 90 days."),
        ({"partner": "P", "scopes": [], "days": "5"}, "This field is required."),
        ({"partner": "P", "scopes": ["records:search"], "days": "5", "referred": "KT-2222-2222"},
         "No case KT-2222-2222."),
    ],
)  # fmt: skip
def test_bad_token_forms(coordinator, data, error):
    response = coordinator.post(URL, data)
    assert response.status_code == 400 and error in response.content.decode()
    assert PartnerToken.objects.count() == 0


def test_revoke(coordinator):
    coordinator.post(URL, {"partner": "P", "scopes": ["records:search"], "days": "5"})
    token = PartnerToken.objects.get()
    assert coordinator.post(f"{URL}{token.pk}/revoke/").status_code == 302
    token.refresh_from_db()
    assert not token.active and last_audit().detail == {"revoked": True}


@pytest.mark.parametrize("persona", ["caseworker", "analyst"])
def test_others_get_404(request, persona):
    client = request.getfixturevalue(persona)
    assert client.get(URL).status_code == 404
    assert (
        client.post(URL, {"partner": "P", "scopes": ["records:search"], "days": "5"}).status_code
        == 404
    )
    assert PartnerToken.objects.count() == 0
