import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from kintrace.accounts.models import AuditAction
from tests.conftest import last_audit


def test_coordinator_sees_staff_and_their_factors(coordinator, caseworker):
    response = coordinator.get("/staff/users/")
    assert response.status_code == 200
    assert {row["user"].username for row in response.context["rows"]} == {"nadia", "katya"}
    assert last_audit().object_type == "user_list"


def test_coordinator_resets_a_lost_factor(coordinator, caseworker):
    response = coordinator.post(f"/staff/users/{caseworker.user.pk}/reset-second-factor/")
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=caseworker.user).exists()
    assert (last_audit().action, last_audit().object_id) == (
        AuditAction.FACTOR_RESET,
        str(caseworker.user.pk),
    )
    # The caseworker's next staff page asks for a new set-up.
    response = caseworker.get("/staff/")
    assert response.status_code == 302
    assert response["Location"].startswith("/staff/second-factor/")


@pytest.mark.parametrize("persona", ["caseworker", "analyst"])
def test_others_cannot_reset(request, persona, coordinator):
    client = request.getfixturevalue(persona)
    assert client.get("/staff/users/").status_code == 404
    response = client.post(f"/staff/users/{coordinator.user.pk}/reset-second-factor/")
    assert response.status_code == 404
    assert TOTPDevice.objects.filter(user=coordinator.user).exists()


def test_unknown_user_is_404(coordinator):
    assert coordinator.post("/staff/users/999999/reset-second-factor/").status_code == 404
