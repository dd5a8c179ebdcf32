"""Signals of the cases app, so that cases never imports the apps above it.

- `person_changed` (kwargs: case_id), sent on commit when a sought person is filed or
  corrected; matching listens.
- `case_erased` (kwargs: case), sent inside the erasure transaction just before the case is
  deleted; every app that keeps data about a case without a cascading foreign key removes it.
"""

from django.dispatch import Signal

person_changed = Signal()
case_erased = Signal()
