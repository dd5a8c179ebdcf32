from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    VIEW = "view", _("viewed")
    CREATE = "create", _("created")
    UPDATE = "update", _("changed")
    LOGIN = "login", _("logged in")
    LOGIN_FAILED = "login_failed", _("failed to log in")
    LOGOUT = "logout", _("logged out")
    FAMILY_ACCESS = "family_access", _("family opened the status page")
    FAMILY_ACCESS_FAILED = "family_access_failed", _("wrong access code")
    ACCESS_LOCKED = "access_locked", _("access locked after wrong codes")
    STAFF_CREATED = "staff_created", _("staff account created")


class AuditEvent(models.Model):
    """Who did what to which object, when.

    No foreign keys on purpose: erasing a case or a user never erases its history.
    """

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor_id = models.BigIntegerField(null=True, blank=True)
    actor_label = models.CharField(max_length=150)
    action = models.CharField(max_length=32, choices=AuditAction.choices)
    object_type = models.CharField(max_length=40, blank=True)
    object_id = models.CharField(max_length=64, blank=True, db_index=True)
    page = models.CharField(max_length=200, blank=True)
    client = models.CharField(max_length=64, blank=True)
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        when = f"{self.at:%Y-%m-%d %H:%M}"
        return f"{when} {self.actor_label} {self.action} {self.object_type} {self.object_id}"
