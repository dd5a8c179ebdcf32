"""Reports keep no data of their own: they read the other apps. This model only carries the
permission to see them (no table is created for it)."""

from django.db import models


class Report(models.Model):
    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("view_reports", "Can see reports and export them (counts only)")]

    def __str__(self) -> str:
        return "reports"
