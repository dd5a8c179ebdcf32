import itertools

import pytest
from django.core.management import call_command

from kintrace.accounts import audit
from kintrace.accounts.models import AuditAction, AuditEvent


@pytest.fixture
def ten_rows(db):
    for n in range(10):
        audit.record(
            request=None,
            action=AuditAction.VIEW,
            object_type="case",
            object_id=f"KT-2222-{n:04d}".replace("0", "3"),
            actor_label="katya",
            detail={"page": n, "filters": {"region": "Бурятия"}},
        )
    return list(AuditEvent.objects.order_by("seq"))


def run(capsys) -> tuple[int, str]:
    try:
        call_command("verify_audit")
    except SystemExit as exit_:
        return exit_.code, capsys.readouterr().err
    return 0, capsys.readouterr().out


def test_an_intact_chain_passes(ten_rows, capsys):
    assert [row.seq for row in ten_rows] == list(range(1, 11))
    assert ten_rows[0].prev_hash == audit.GENESIS
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(ten_rows))
    assert run(capsys) == (0, "Audit log intact: 10 rows.\n")


def test_an_empty_log_passes(db, capsys):
    assert run(capsys) == (0, "Audit log intact: 0 rows.\n")


def test_an_edited_row_is_named(ten_rows, capsys):
    AuditEvent.objects.filter(seq=4).update(actor_label="somebody else")
    code, message = run(capsys)
    assert code == 1
    assert "row 4: was changed" in message


def test_an_edited_detail_is_named(ten_rows, capsys):
    AuditEvent.objects.filter(seq=7).update(detail={"page": 7, "filters": {}})
    assert "row 7" in run(capsys)[1]


def test_a_removed_row_is_named(ten_rows, capsys):
    AuditEvent.objects.filter(seq=5).delete()
    code, message = run(capsys)
    assert code == 1
    assert "row 5 is missing" in message


def test_a_removed_tail_is_named(ten_rows, capsys):
    AuditEvent.objects.filter(seq__gte=9).delete()
    code, message = run(capsys)
    assert code == 1
    assert "row 9" in message and "removed" in message


def test_a_rewritten_row_with_a_fresh_hash_breaks_the_next_link(ten_rows, capsys):
    row = AuditEvent.objects.get(seq=3)
    row.actor_label = "forged"
    row.hash = audit.seal(row)
    row.save()
    code, message = run(capsys)
    assert code == 1
    assert "row 4: does not follow" in message
