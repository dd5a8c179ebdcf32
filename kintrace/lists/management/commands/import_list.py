"""kintrace import-list FILE --name NAME --kind KIND [--publisher P] [--mapping MAPPING.json]"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from tqdm import tqdm

from kintrace.lists import actions
from kintrace.lists.importers import FIELDS, ImportProblem
from kintrace.lists.models import Category, ListKind


def _read_mapping(path: str | None) -> dict[str, str] | None:
    if not path:
        return None
    try:
        mapping = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CommandError(f"{path}: cannot read the mapping: {exc}") from None
    if not isinstance(mapping, dict) or not all(isinstance(v, str) for v in mapping.values()):
        raise CommandError(f"{path}: the mapping must be an object of field: column")
    unknown = sorted(set(mapping) - set(FIELDS))
    if unknown:
        raise CommandError(
            f"{path}: unknown fields {', '.join(unknown)}; known: {', '.join(FIELDS)}"
        )
    return mapping


class Command(BaseCommand):
    help = "Import a published list (CSV, XLSX, JSON or PFIF 1.4) whole, or nothing."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file")
        parser.add_argument("--name", required=True)
        parser.add_argument("--kind", required=True, choices=ListKind.values)
        parser.add_argument("--publisher", default="")
        parser.add_argument("--mapping", help="JSON object: field -> column of the file")
        parser.add_argument("--side", default="")
        parser.add_argument("--category", default=Category.UNKNOWN, choices=Category.values)
        parser.add_argument("--language", default="")
        parser.add_argument("--published-where", default="")
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, **options) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"{path}: file not found")
        details = {
            "name": options["name"],
            "kind": options["kind"],
            "publisher": options["publisher"],
            "side": options["side"],
            "category": options["category"],
            "language": options["language"],
            "published_where": options["published_where"],
        }
        bars: dict[str, tqdm] = {}
        quiet = options["no_progress"]

        def progress(phase: str, done: int, total: int) -> None:
            if quiet:
                return
            label = {"check": "checking", "write": "writing"}[phase]
            bar = bars.get(phase) or bars.setdefault(
                phase, tqdm(desc=label, unit=" rows", total=total or None, file=self.stderr._out)
            )
            if total and bar.total != total:
                bar.total = total
            bar.update(done - bar.n)

        try:
            source_list = actions.import_list(
                path=path,
                file_name=path.name,
                details=details,
                mapping=_read_mapping(options["mapping"]),
                actor=None,
                request=None,
                progress=progress,
            )
        except ImportProblem as problem:
            with translation.override(None):  # the command speaks English, as its other messages
                message = str(problem)
            raise CommandError(f"{path}: {message}. Nothing was imported.") from None
        finally:
            for bar in bars.values():
                bar.close()
        self.stdout.write(f"{source_list.record_count} records imported into list {source_list.pk}")
