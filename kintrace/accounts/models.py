from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    VIEW = "view", _("viewed")
    EXPORT = "export", _("exported")
    CREATE = "create", _("created")
    UPDATE = "update", _("changed")
    DELETE = "delete", _("erased")
    LOGIN = "login", _("logged in")
    LOGIN_FAILED = "login_failed", _("failed to log in")
    LOGIN_LOCKED = "login_locked", _("log-in locked after wrong passwords")
    LOGOUT = "logout", _("logged out")
    LOGOUT_TIMEOUT = "logout_timeout", _("logged out by timeout")
    FAMILY_ACCESS = "family_access", _("family opened the status page")
    FAMILY_ACCESS_FAILED = "family_access_failed", _("wrong access code")
    ACCESS_LOCKED = "access_locked", _("access locked after wrong codes")
    STAFF_CREATED = "staff_created", _("staff account created")
    FACTOR_ADDED = "factor_added", _("second factor added")
    FACTOR_USED = "factor_used", _("second factor proved")
    FACTOR_REMOVED = "factor_removed", _("second factor removed")
    FACTOR_RESET = "factor_reset", _("second factor reset")
    IMPORT = "import", _("imported a list")
    REVIEW = "review", _("reviewed a match")
    API_CALL = "api_call", _("called the API")
    TOKEN_CREATED = "token_created", _("API token created")


class AuditEvent(models.Model):
    """Who did what to which object, when; each row sealed to the one before it.

    No foreign keys on purpose: erasing a case or a user never erases its history.
    `seq` numbers the rows without gaps and `hash` covers the row and the previous
    hash, so a removed, inserted or edited row breaks the chain (`kintrace verify-audit`).
    """

    seq = models.PositiveBigIntegerField(unique=True, null=True, editable=False)
    at = models.DateTimeField(db_index=True)
    actor_id = models.BigIntegerField(null=True, blank=True)
    actor_label = models.CharField(max_length=150)
    # Values from AuditAction; not `choices=`, so a new action needs no migration.
    action = models.CharField(max_length=32, db_index=True)
    object_type = models.CharField(max_length=40, blank=True)
    object_id = models.CharField(max_length=64, blank=True, db_index=True)
    page = models.CharField(max_length=200, blank=True)
    client = models.CharField(max_length=64, blank=True)
    detail = models.JSONField(default=dict, blank=True)
    prev_hash = models.CharField(max_length=64, editable=False)
    hash = models.CharField(max_length=64, editable=False)

    class Meta:
        ordering = ["-seq"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        when = f"{self.at:%Y-%m-%d %H:%M}"
        return f"{when} {self.actor_label} {self.action} {self.object_type} {self.object_id}"

    def get_action_display(self) -> str:
        try:
            return AuditAction(self.action).label
        except ValueError:
            return self.action


class AuditChainHead(models.Model):
    """The last sealed row: one row, locked while a new audit row is written."""

    seq = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64, default="0" * 64)

    def __str__(self) -> str:
        return f"audit chain at {self.seq}"
