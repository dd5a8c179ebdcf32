"""kintrace run: migrate, optionally load the demo, and serve with gunicorn plus a task worker."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Prepare the database and serve kintrace with a real WSGI server and a task worker."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--workers", type=int, default=2, help="Web server processes.")
        parser.add_argument("--demo", action="store_true", help="Load the fictional demo data.")
        parser.add_argument("--no-worker", action="store_true", help="Do not start a task worker.")

    def handle(self, *args, **options) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        self.stdout.write("Database ready.")
        if options["demo"]:
            call_command("demo", stdout=self.stdout)
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "kintrace.settings"}
        processes = []
        if not options["no_worker"]:
            processes.append(
                subprocess.Popen([sys.executable, "-m", "kintrace.cli", "db_worker"], env=env)
            )
            # queues periodic tasks (the daily deadline check) for the worker
            processes.append(
                subprocess.Popen([sys.executable, "-m", "kintrace.cli", "scheduler"], env=env)
            )
        bind = f"{options['host']}:{options['port']}"
        processes.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "kintrace.wsgi:application",
                    "--bind",
                    bind,
                    "--workers",
                    str(options["workers"]),
                    "--access-logfile",
                    "-",
                    "--graceful-timeout",
                    "5",
                ],
                env=env,
            )
        )
        self.stdout.write(self.style.SUCCESS(f"kintrace is serving on http://{bind}/"))
        self.stdout.write(f"Staff pages: http://{bind}/staff/  (stop with Ctrl+C)")
        self._wait(processes)

    def _wait(self, processes: list[subprocess.Popen]) -> None:
        def stop(*_args) -> None:
            for process in processes:
                if process.poll() is None:
                    process.terminate()

        signal.signal(signal.SIGTERM, stop)
        try:
            while all(process.poll() is None for process in processes):
                with contextlib.suppress(subprocess.TimeoutExpired):
                    processes[-1].wait(timeout=1)
        except KeyboardInterrupt:
            pass
        finally:
            stop()
            for process in processes:
                process.wait(timeout=15)
        failed = [p.returncode for p in processes if p.returncode not in (0, -signal.SIGTERM, None)]
        if failed:
            sys.exit(failed[0])
