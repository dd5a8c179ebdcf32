"""Sent (on commit) when a sought person is filed or corrected; matching listens.

Defined here so that cases never imports matching: apps import down, never up.
"""

from django.dispatch import Signal

# kwargs: case_id
person_changed = Signal()
