"""How far an import has written, kept beside the database rather than in it.

Records are written in one transaction, so a count kept in the job's row would stay unseen
until the commit (and SQLite allows no second writer meanwhile). The worker writes the count
to a small file in the data folder instead; the import page reads it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from django.conf import settings


def _path(job_id: int) -> Path:
    return Path(settings.DATA_DIR) / "import-progress" / f"{int(job_id)}.json"


def save(job_id: int, written: int, total: int) -> None:
    path = _path(job_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".tmp")
    partial.write_text(json.dumps({"written": written, "total": total}))
    os.replace(partial, path)  # a reader sees the old count or the new one, never half


def load(job_id: int) -> int | None:
    """Records written so far, or None when nothing is being written."""
    try:
        return int(json.loads(_path(job_id).read_text())["written"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def clear(job_id: int) -> None:
    _path(job_id).unlink(missing_ok=True)
