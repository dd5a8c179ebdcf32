"""Sensitivity of every field of the periodic app (see kintrace/accounts/classification.py)."""

from kintrace.accounts.classification import Level

FIELDS = {
    "PeriodicRun": {"id": Level.INTERNAL, "name": Level.INTERNAL, "last_run_at": Level.INTERNAL},
}
