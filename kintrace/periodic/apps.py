from django.apps import AppConfig


class PeriodicConfig(AppConfig):
    name = "kintrace.periodic"
    label = "periodic"
    verbose_name = "Periodic tasks"
