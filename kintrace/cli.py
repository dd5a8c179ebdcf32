"""The `kintrace` command: the linkage commands without Django, everything else through it.

`kintrace run`, `kintrace demo`, `kintrace createstaff ...` and every Django command
(`kintrace migrate`, `kintrace db_worker`, ...); hyphens and underscores are the same.
"""

from __future__ import annotations

import os
import sys

# These need no database and no settings: they run on files only.
FILE_COMMANDS = {"link-files", "dedupe-file"}


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in FILE_COMMANDS:
        from kintrace.linkage.cli import main as linkage_main

        sys.exit(linkage_main(args))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kintrace.settings")
    from django.core.management import execute_from_command_line

    if args and not args[0].startswith("-"):
        args[0] = args[0].replace("-", "_")
    execute_from_command_line(["kintrace", *args])


if __name__ == "__main__":
    main()
