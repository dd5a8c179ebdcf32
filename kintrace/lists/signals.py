"""Sent after a list is committed; the matching app listens (lists never imports matching)."""

from django.dispatch import Signal

# kwargs: source_list_id
list_imported = Signal()
