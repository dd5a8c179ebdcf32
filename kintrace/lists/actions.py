"""Writes of the lists app: an import is checked whole, then written whole in one transaction."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

from django.db import connection, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_noop

from kintrace.accounts import audit
from kintrace.accounts.models import AuditAction
from kintrace.cases.models import fold_for_search
from kintrace.lists.importers import (
    ImportProblem,
    RecordRow,
    Table,
    check_rows,
    mapping_problems,
    open_table,
    record_row,
)
from kintrace.lists.models import (
    ImportJob,
    JobState,
    PartnerToken,
    PublisherMapping,
    Record,
    Referral,
    SourceList,
)
from kintrace.lists.signals import list_imported

BATCH = 5000
MAX_PROBLEMS = 50
Progress = Callable[[str, int, int], None]  # phase ("check" or "write"), done, total


def file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def refuse_reimport(sha256: str) -> None:
    earlier = SourceList.objects.filter(file_sha256=sha256).first()
    if earlier is not None:
        when = timezone.localtime(earlier.imported_at).strftime("%Y-%m-%d %H:%M")
        raise ImportProblem(
            gettext_noop("this file was imported already, as list %(id)d %(name)r on %(when)s"),
            params={"id": earlier.pk, "name": earlier.name, "when": when},
        )


def check_table(
    table: Table, mapping: dict[str, str], *, progress: Progress | None = None
) -> tuple[int, list[ImportProblem]]:
    """Check every row without writing; returns the row count and the first problems."""
    wrong = mapping_problems(mapping, table.columns)
    if wrong:
        return 0, [ImportProblem("; ".join(wrong))]
    index = {field: table.columns.index(column) for field, column in mapping.items()}
    problems: list[ImportProblem] = []
    count = 0
    try:
        for count, cells in enumerate(table.rows(), 1):
            try:
                record_row(cells, table.columns, index, count)
            except ImportProblem as problem:
                if len(problems) < MAX_PROBLEMS:
                    problems.append(problem)
            if progress is not None and count % 10_000 == 0:
                progress("check", count, 0)
    except ImportProblem as problem:  # the file itself stops the read (encoding, line length)
        problems.append(problem)
    if count == 0 and not problems:
        problems.append(ImportProblem(gettext_noop("the file has a header but no rows")))
    if progress is not None:
        progress("check", count, count)
    return count, problems


# The record columns written by an import, in the order of ``_values``.
INSERT_COLUMNS = (
    "source_list_id", "row_number", "external_id", "name_as_printed", "name_search", "surname",
    "given_name", "patronymic", "birth_year", "birth_month", "birth_day", "birth_place",
    "region", "military_unit", "unit_key", "rank", "sex", "status_in_list", "event_date",
    "event_place", "original", "person_key",
)  # fmt: skip


def _values(list_id: int, row: RecordRow) -> tuple:
    year, month, day = row.birth
    return (
        list_id, row.row_number, row.external_id, row.name_as_printed,
        fold_for_search(row.name_as_printed), row.surname, row.given_name, row.patronymic,
        year, month, day, row.birth_place, row.region, row.unit, row.unit_key, row.rank,
        row.sex, row.status, row.event_date, row.event_place,
        json.dumps(row.original, ensure_ascii=False), "",
    )  # fmt: skip


def _insert_sql() -> str:
    """One INSERT for executemany: Django's bulk_create spends most of an import compiling
    SQL value by value, so records go in as plain parameter tuples (see ADR 0003)."""
    quote = connection.ops.quote_name
    json_param = "%s::jsonb" if connection.vendor == "postgresql" else "%s"
    params = ", ".join(json_param if c == "original" else "%s" for c in INSERT_COLUMNS)
    columns = ", ".join(quote(c) for c in INSERT_COLUMNS)
    return f"INSERT INTO {quote(Record._meta.db_table)} ({columns}) VALUES ({params})"  # noqa: S608


def _insert(sql: str, batch: list[tuple]) -> None:
    with connection.cursor() as cursor:
        cursor.executemany(sql, batch)


@transaction.atomic
def write_list(
    *,
    table: Table,
    mapping: dict[str, str],
    details: dict,
    sha256: str,
    file_name: str,
    total: int,
    actor,
    request: HttpRequest | None,
    progress: Progress | None = None,
) -> SourceList:
    """Write the list and all its records, or nothing (any problem rolls everything back)."""
    refuse_reimport(sha256)
    source_list = SourceList.objects.create(
        **details,
        file_name=file_name[:255],
        file_format=table.format,
        file_sha256=sha256,
        imported_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    batch: list[tuple] = []
    written = 0
    sql = _insert_sql()
    for row in check_rows(table, mapping):
        batch.append(_values(source_list.pk, row))
        if len(batch) >= BATCH:
            _insert(sql, batch)
            written += len(batch)
            batch = []
            if progress is not None:
                progress("write", written, total)
    if batch:
        _insert(sql, batch)
    written += len(batch)
    if progress is not None:
        progress("write", written, total)
    source_list.record_count = written
    source_list.save(update_fields=["record_count"])
    if source_list.publisher:
        PublisherMapping.objects.update_or_create(
            publisher=source_list.publisher, defaults={"mapping": mapping}
        )
    audit.record(
        request=request,
        action=AuditAction.IMPORT,
        object_type="source_list",
        object_id=source_list.pk,
        actor_label=None if request else (getattr(actor, "username", None) or "command line"),
        detail={"file": file_name[:200], "records": written, "sha256": sha256},
    )
    transaction.on_commit(
        lambda: list_imported.send(sender=SourceList, source_list_id=source_list.pk)
    )
    return source_list


def import_list(
    *,
    path: str | Path,
    file_name: str,
    details: dict,
    mapping: dict[str, str] | None,
    actor,
    request: HttpRequest | None,
    progress: Progress | None = None,
) -> SourceList:
    """Import one file whole: check every row first, then write all in one transaction.

    ``mapping`` (field -> column) defaults to the publisher's saved one and the header
    words. Raises :class:`ImportProblem` naming the row, column and value; nothing is
    written then.
    """
    sha256 = file_sha256(path)
    refuse_reimport(sha256)
    table = open_table(path, name=file_name)
    mapping = mapping or default_mapping(table.columns, details.get("publisher", ""))
    total, problems = check_table(table, mapping, progress=progress)
    if problems:
        raise problems[0]
    return write_list(
        table=table,
        mapping=mapping,
        details=details,
        sha256=sha256,
        file_name=file_name,
        total=total,
        actor=actor,
        request=request,
        progress=progress,
    )


def default_mapping(columns: list[str], publisher: str) -> dict[str, str]:
    from kintrace.lists.importers import guess_mapping

    saved = PublisherMapping.objects.filter(publisher=publisher).first() if publisher else None
    return guess_mapping(columns, saved.mapping if saved else None)


@transaction.atomic
def upload_file(
    *, upload, details: dict, actor, request: HttpRequest | None, partner: str = ""
) -> ImportJob:
    """Keep an uploaded file for mapping and import; the format comes from its name."""
    from kintrace.lists.importers.base import format_of

    job = ImportJob(
        file_name=upload.name[:255],
        file_format=format_of(upload.name),
        details=details,
        created_by=actor,
        partner=partner,
    )
    job.file.save(f"{timezone.now():%Y%m%d%H%M%S}-{Path(upload.name).suffix.lower()}", upload)
    audit.record(
        request=request,
        action=AuditAction.CREATE,
        object_type="import_job",
        object_id=job.pk,
        detail={"file": upload.name[:200]},
    )
    return job


@transaction.atomic
def queue_import(
    *, job: ImportJob, mapping: dict[str, str], only_check: bool, request: HttpRequest | None
) -> None:
    """Save the mapping and hand the file to the task queue (checking, then writing)."""
    from kintrace.lists import tasks

    job.mapping = mapping
    job.state = JobState.QUEUED
    job.problems = []
    job.rows_done = 0
    job.save(update_fields=["mapping", "state", "problems", "rows_done", "updated_at"])
    audit.record(
        request=request,
        action=AuditAction.UPDATE,
        object_type="import_job",
        object_id=job.pk,
        detail={"queued": "check" if only_check else "import"},
    )
    transaction.on_commit(lambda: tasks.run_import.enqueue(job_id=job.pk, only_check=only_check))


@transaction.atomic
def link_same_people(*, pairs: list[tuple[int, int]]) -> int:
    """Give records that are one person (pairs of record ids) one ``person_key``."""
    if not pairs:
        return 0
    ids = {i for pair in pairs for i in pair}
    keys = dict(Record.objects.filter(pk__in=ids).values_list("pk", "person_key"))
    parent: dict[int, int] = {}

    def root(i: int) -> int:
        while parent.get(i, i) != i:
            i = parent[i]
        return i

    for a, b in pairs:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for i in ids:
        groups.setdefault(root(i), []).append(i)
    changed = 0
    for members in groups.values():
        existing = sorted(k for k in (keys.get(i) for i in members) if k)
        key = existing[0] if existing else f"p{min(members)}"
        todo = [i for i in members if keys.get(i) != key]
        changed += Record.objects.filter(pk__in=todo).update(person_key=key)
    return changed


@transaction.atomic
def create_token(
    *, partner: str, scopes: list[str], days: int, actor, request: HttpRequest | None
) -> tuple[PartnerToken, str]:
    """A partner token; the key is returned once and only its hash is kept."""
    import datetime as dt
    import secrets

    from kintrace.lists.api.auth import hash_key

    key = secrets.token_urlsafe(32)
    token = PartnerToken.objects.create(
        partner=partner,
        key_hash=hash_key(key),
        prefix=key[:8],
        scopes=sorted(scopes),
        expires_at=timezone.now() + dt.timedelta(days=days),
        created_by=actor,
    )
    audit.record(
        request=request,
        action=AuditAction.TOKEN_CREATED,
        object_type="partner_token",
        object_id=token.pk,
        detail={"partner": partner, "scopes": token.scopes, "days": days},
    )
    return token, key


@transaction.atomic
def revoke_token(*, token: PartnerToken, request: HttpRequest | None) -> None:
    if token.revoked_at is not None:
        return
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    audit.record(
        request=request,
        action=AuditAction.UPDATE,
        object_type="partner_token",
        object_id=token.pk,
        detail={"revoked": True},
    )


@transaction.atomic
def add_referral(*, partner: str, case, request: HttpRequest | None) -> Referral:
    """Record that a partner referred a case, so its token may read the case's status."""
    referral, _created = Referral.objects.get_or_create(partner=partner, case=case)
    audit.record(
        request=request,
        action=AuditAction.CREATE,
        object_type="referral",
        object_id=case.reference,
        detail={"partner": partner},
    )
    return referral
