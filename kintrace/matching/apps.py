from django.apps import AppConfig


class MatchingConfig(AppConfig):
    name = "kintrace.matching"
    label = "matching"
    verbose_name = "Matching"

    def ready(self) -> None:
        from kintrace.matching import receivers  # noqa: F401  (case and list hooks)
