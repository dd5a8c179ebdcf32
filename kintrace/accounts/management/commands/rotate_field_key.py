"""kintrace rotate-field-key: encrypt every personal field and file with a new key."""

import sys

from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from kintrace import crypto

BATCH = 500


class Command(BaseCommand):
    help = "Make a new field key, encrypt all personal data with it, and drop the old keys."

    def handle(self, *args, **options) -> None:
        old = crypto.keyring().keys
        new = Fernet.generate_key()
        try:
            crypto.write_keys([new, *old])  # both decrypt while the data moves over
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from None
        with transaction.atomic():
            rows = sum(
                self._reencrypt(model, fields) for model, fields in crypto.encrypted_fields()
            )
        files = self._reencrypt_files()
        crypto.write_keys([new])
        self._reindex()
        self.stdout.write(f"New field key in use: {rows} rows and {files} files encrypted again.")

    def _reencrypt(self, model, fields: list[str]) -> int:
        # The base manager: the timeline's own manager refuses updates on purpose.
        manager = model._base_manager
        pks = list(manager.values_list("pk", flat=True))
        show = sys.stderr.isatty()
        for start in tqdm(range(0, len(pks), BATCH), disable=not show, desc=model.__name__):
            batch = list(manager.filter(pk__in=pks[start : start + BATCH]))
            manager.bulk_update(batch, fields)  # encrypts with the newest key
        return len(pks)

    def _reencrypt_files(self) -> int:
        from kintrace.cases.models import Person

        names = [p.photo.name for p in Person.objects.exclude(photo="").only("photo")]
        storage = crypto.photo_storage()
        for name in names:
            if storage.exists(name):
                storage.rotate(name)
        return len(names)

    def _reindex(self) -> None:
        """The search tokens are keyed too: make them again with the new key."""
        from kintrace.cases.models import Person

        people = list(Person.objects.all())
        for person in people:
            person.name_index = crypto.blind_tokens(person.full_name)
        Person.objects.bulk_update(people, ["name_index"], batch_size=BATCH)
