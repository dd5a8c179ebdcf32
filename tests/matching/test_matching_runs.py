"""Matching from a list to the cases, from a case to the records, and what re-runs keep."""

from __future__ import annotations

import pytest

from kintrace.cases import actions as case_actions
from kintrace.lists.models import Record
from kintrace.matching import actions
from kintrace.matching.models import Match, MatchStatus
from tests.matching.conftest import IVANOV_UK, STRANGER


def test_an_imported_list_is_matched_against_open_cases(new_case, import_rows):
    case = new_case()
    import_rows([IVANOV_UK, STRANGER])
    match = Match.objects.get()
    assert match.case == case and match.record.name_as_printed == "Іванов Олексій Петрович"
    assert match.probability > 0.9 and match.status == MatchStatus.CANDIDATE
    assert match.seriousness == 3 and match.needs_four_eyes
    fields = {field for field, _label, _weight in match.evidence}
    assert {"surname", "given_name", "patronymic", "birth_date", "unit"} <= fields


def test_a_new_case_is_matched_against_existing_records(new_case, import_rows):
    import_rows([IVANOV_UK, STRANGER], kind="killed")
    case = new_case()
    match = Match.objects.get(case=case)
    assert match.record.surname == "Іванов" and match.seriousness == 4


def test_no_candidate_for_a_different_person(new_case, import_rows):
    import_rows([STRANGER])
    new_case()
    assert Match.objects.count() == 0


def test_a_rejected_candidate_stays_rejected(match, caseworker, run):
    actions.reject_match(match=match, reason="other mother", actor=caseworker.user, request=None)
    actions.match_case(case_id=match.case_id)
    actions.match_list(source_list_id=match.record.source_list_id)
    match.refresh_from_db()
    assert match.status == MatchStatus.REJECTED and Match.objects.count() == 1


def test_an_edited_case_is_matched_again(match, caseworker, run):
    person = match.case.person
    person.surname, person.given_name, person.patronymic = "Сидоренко", "Тарас", ""
    person.birth_year, person.birth_month, person.birth_day = 1970, None, None
    run(
        case_actions.edit_person,
        person=person,
        changed=["surname", "given_name"],
        actor=caseworker.user,
        request=None,
    )
    found = Match.objects.get(case=match.case)
    assert found.record.surname == "Сидоренко"
    assert not Match.objects.filter(pk=match.pk).exists()  # the old candidate is gone


def test_the_same_person_in_two_lists_gets_one_key(import_rows):
    import_rows([IVANOV_UK, STRANGER], kind="prisoners")
    latin = {**IVANOV_UK, "surname": "Ivanov", "given_name": "Oleksii", "patronymic": "Petrovych"}
    import_rows([latin], kind="exchanged")
    keys = {r.list_kind: r.person_key for r in _records()}
    assert keys["exchanged"] and keys["exchanged"] == keys["prisoners"]
    assert Record.objects.filter(surname="Сидоренко").get().person_key == ""


def _records():
    records = Record.objects.filter(surname__in=["Іванов", "Ivanov"]).select_related("source_list")
    for record in records:
        record.list_kind = record.source_list.kind
    return records


@pytest.mark.parametrize("status", ["found_dead", "closed"])
def test_closed_cases_are_not_matched_from_lists(new_case, import_rows, status):
    case = new_case()
    case.status = status
    case.save()
    import_rows([IVANOV_UK])
    assert not Match.objects.filter(case=case).exists()


def test_list_features_are_prepared_once_and_cached(new_case, import_rows, settings):
    from kintrace.matching import engine

    case = new_case()
    source = import_rows([IVANOV_UK, STRANGER])
    folder = settings.DATA_DIR / "matching"
    cached = list(folder.glob("*.parquet"))
    assert [p.name.split("-")[0] for p in cached] == [source.file_sha256]
    # written whole, for its owner only: nothing else is left beside it
    assert [p.name for p in folder.iterdir()] == [cached[0].name]
    assert cached[0].stat().st_mode & 0o077 == 0
    feats = engine.list_features(source)
    ids = set(Record.objects.filter(source_list=source).values_list("pk", flat=True))
    assert {int(i[1:]) for i in feats["unique_id"].to_pylist()} == ids
    engine._cache.clear()
    assert engine.record_index() is not None
    assert Match.objects.filter(case=case).count() == 1
