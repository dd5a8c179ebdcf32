"""Erasure: after it, a dump of the whole database holds none of the person's strings."""

import os
import shutil
import subprocess
from urllib.parse import urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection

from kintrace.accounts.models import AuditAction, AuditEvent
from kintrace.cases import actions
from kintrace.cases.models import Case, ErasedCase, ErasureReason, Event, Person, Requester
from tests.cases.test_intake import _image

SECRETS = [
    "Перепелица",
    "Всеволод",
    "Ярославович",
    "Евдокия",
    "+7 911 222-33-44",
    "evdokia.secret@example.org",
    "шрам на левой щеке",
    "звонил из Курска",
    "числится в госпитале",
    "тот же шрам",
]


def _file_sensitive_case(caseworker):
    person = Person(
        surname="Перепелица",
        given_name="Всеволод",
        patronymic="Ярославович",
        birth_year=2001,
        region="Бурятия",
        distinguishing_marks="шрам на левой щеке",
        phone_numbers="+7 911 222-33-44",
        photo=SimpleUploadedFile("p.png", _image("PNG"), content_type="image/png"),
    )
    requester = Requester(
        name="Перепелица Евдокия",
        relation="mother",
        email="evdokia.secret@example.org",
        consent_processing=True,
    )
    case, _code = actions.file_request(person=person, requester=requester, request=None)
    actions.add_family_information(case=case, text="звонил из Курска", request=None)
    actions.add_note(
        case=case, text="Перепелица: проверить списки", actor=caseworker.user, request=None
    )
    caseworker.get(f"/staff/cases/{case.reference}/")
    caseworker.get("/staff/cases/?q=Перепелица")
    _inquire_and_match(case)
    return case


def _inquire_and_match(case):
    """A letter naming him, the answer, and a list record a caseworker tied to him."""
    from kintrace.inquiries.models import Inquiry, Institution, Response
    from kintrace.lists.models import Record, SourceList
    from kintrace.matching.models import Match

    inquiry = Inquiry.objects.create(
        case=case,
        institution=Institution.objects.create(name="Минобороны", kind="ministry"),
        kind="whereabouts",
        subject="О военнослужащем Перепелица В. Я.",
        body="Прошу сообщить, где Перепелица Всеволод Ярославович",
    )
    Response.objects.create(
        inquiry=inquiry,
        kind="substantive",
        received_on="2025-03-20",
        summary="числится в госпитале",
    )
    source = SourceList.objects.create(name="список", kind="wounded")
    record = Record.objects.create(source_list=source, row_number=1, name_as_printed="P. V.")
    Match.objects.create(case=case, record=record, probability=0.9, reason="тот же шрам")


def _dump() -> str:
    if connection.vendor == "sqlite":
        return "\n".join(connection.connection.iterdump())
    if shutil.which("pg_dump") is None:
        pytest.fail("pg_dump is missing: scripts/system-packages test installs postgresql")
    url = urlsplit(os.environ["DATABASE_URL"])
    result = subprocess.run(
        [
            "pg_dump",
            "-h",
            url.hostname,
            "-p",
            str(url.port),
            "-U",
            url.username or "postgres",
            "--no-owner",
            connection.settings_dict["NAME"],
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


@pytest.mark.django_db(transaction=True)
def test_nothing_of_the_person_survives_in_a_database_dump(caseworker, settings):
    case = _file_sensitive_case(caseworker)
    photo_path = case.person.photo.path
    before = _dump()
    # Encrypted at rest: not even before erasure is a name readable in the dump...
    assert [secret for secret in SECRETS if secret in before] == []
    # ...so look for the stored (encrypted) values and the name's search tokens instead.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT surname, given_name, distinguishing_marks, name_index FROM cases_person"
        )
        stored = [value for value in cursor.fetchone() if value]
        stored += [token for token in stored.pop().split()]
        cursor.execute("SELECT subject, body FROM inquiries_inquiry")
        stored += cursor.fetchone()
        cursor.execute("SELECT summary FROM inquiries_response")
        stored += cursor.fetchone()
        cursor.execute("SELECT reason, evidence FROM matching_match")
        stored += cursor.fetchone()
    assert all(value in before for value in stored)

    actions.erase_case(
        case=case, reason=ErasureReason.FAMILY_REQUEST, actor_label="katya", request=None
    )

    after = _dump()
    leaked = [secret for secret in SECRETS + stored if secret in after]
    assert leaked == []
    assert not os.path.exists(photo_path)
    assert not Case.objects.exists() and not Event.objects.exists()
    kept = ErasedCase.objects.get()
    assert (kept.region, kept.reason) == ("Бурятия", "family_request")
    erased = AuditEvent.objects.get(action=AuditAction.DELETE)
    assert erased.object_id == case.reference
    call_command("verify_audit")  # the chain is still whole


def test_erase_case_command(case, capsys):
    call_command("erase_case", case.reference.lower(), "--reason", "retention")
    assert "erased" in capsys.readouterr().out
    assert not Case.objects.exists()
    assert ErasedCase.objects.get().reason == "retention"


def test_erase_case_command_names_an_unknown_reference(db):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="No case"):
        call_command("erase_case", "KT-2222-3333")


def test_coordinator_erases_from_the_case_page(coordinator, case):
    page = coordinator.get(f"/staff/cases/{case.reference}/erase/")
    assert page.status_code == 200
    wrong = coordinator.post(
        f"/staff/cases/{case.reference}/erase/", {"reason": "duplicate", "confirm": "KT-2222-3333"}
    )
    assert wrong.status_code == 200 and wrong.context["form"].errors["confirm"]
    assert Case.objects.exists()
    done = coordinator.post(
        f"/staff/cases/{case.reference}/erase/", {"reason": "duplicate", "confirm": case.reference}
    )
    assert done.status_code == 302
    assert not Case.objects.exists()
    assert AuditEvent.objects.filter(action=AuditAction.DELETE, actor_label="nadia").exists()


@pytest.mark.parametrize("persona", ["caseworker", "analyst", "family"])
def test_others_cannot_erase(request, persona, case):
    client = request.getfixturevalue(persona)
    response = client.post(
        f"/staff/cases/{case.reference}/erase/", {"reason": "duplicate", "confirm": case.reference}
    )
    assert response.status_code in {302, 404}
    assert Case.objects.exists()
