"""URL arguments of the lists, matching and API pages for the role matrix."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _own_data_dir(settings, tmp_path):
    """Matching caches list features under the data folder: one per test."""
    settings.DATA_DIR = tmp_path / "data"


def matrix_values(case, partner: str = "") -> dict[str, str]:
    """An import job, a list with a record, a match of `case` and a partner token.

    With `partner`, the job is that partner's push and the case its referral.
    """
    from django.core.files.uploadedfile import SimpleUploadedFile

    from kintrace.lists import actions
    from kintrace.lists.models import Record, SourceList
    from kintrace.matching.models import Match

    job = actions.upload_file(
        upload=SimpleUploadedFile("l.csv", "ФИО\nИванов Алексей\n".encode()),
        details={"name": "L", "kind": "prisoners"},
        actor=None,
        request=None,
        partner=partner,
    )
    if partner:
        actions.add_referral(partner=partner, case=case, request=None)
    source = SourceList.objects.create(name="L", kind="prisoners", record_count=1)
    record = Record.objects.create(
        source_list=source, row_number=1, name_as_printed="Іванов Олексій", surname="Іванов"
    )
    match = Match.objects.create(case=case, record=record, probability=0.9, seriousness=3)
    token, _key = actions.create_token(
        partner="P", scopes=["records:search"], days=1, actor=None, request=None
    )
    return {
        "job_id": str(job.pk),
        "list_id": str(source.pk),
        "match_id": str(match.pk),
        "token_id": str(token.pk),
    }
