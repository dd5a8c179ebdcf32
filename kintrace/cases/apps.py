from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "kintrace.cases"
    label = "cases"
    verbose_name = "Cases"
