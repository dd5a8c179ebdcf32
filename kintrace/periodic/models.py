from django.db import models


class PeriodicRun(models.Model):
    """When a periodic task was last queued, so a restarted scheduler does not run it twice."""

    name = models.CharField(max_length=100, unique=True)
    last_run_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.name} at {self.last_run_at:%Y-%m-%d %H:%M}"
