from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "kintrace.accounts"
    label = "accounts"
    verbose_name = "Accounts and audit"

    def ready(self) -> None:
        from kintrace.accounts import signals  # noqa: F401  (connects the audit receivers)
        from kintrace.accounts.roles import sync_role_groups

        # every app's post_migrate: the cases permissions exist only after its own signal
        post_migrate.connect(sync_role_groups, dispatch_uid="kintrace-role-groups")
