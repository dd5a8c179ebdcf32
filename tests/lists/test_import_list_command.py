"""kintrace import-list: exit 0 and the count, or non-zero naming row, column and problem."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from kintrace.lists.models import Record, SourceList
from tests.lists import files

KINTRACE = Path(sys.executable).with_name("kintrace")


@pytest.mark.django_db
def test_import_prints_the_number_of_records(tmp_path, capsys):
    path = files.write(tmp_path / "list.csv", files.PRISONERS_CSV)
    call_command("import_list", str(path), name="March", kind="prisoners", publisher="MoD")
    out = capsys.readouterr().out
    source = SourceList.objects.get()
    assert out.strip() == f"3 records imported into list {source.pk}"
    assert (source.name, source.kind, source.publisher) == ("March", "prisoners", "MoD")


@pytest.mark.django_db
def test_mapping_file(tmp_path, capsys):
    path = files.write(tmp_path / "l.csv", "A,B\nОрлов Олег,1990\n")
    mapping = files.write(tmp_path / "m.json", json.dumps({"full_name": "A", "birth_date": "B"}))
    call_command("import_list", str(path), name="x", kind="killed", mapping=str(mapping))
    assert Record.objects.get().birth_year == 1990


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            files.PRISONERS_CSV + "4;Орлов;07.13.2001;;;;\n",
            "row 4, column Дата рождения: '07.13.2001': not a date",
        ),
        ("ФИО;Пол\nОрлов;?\n", "row 1, column Пол: '?': sex must be"),
    ],
)
def test_a_bad_row_is_named_and_nothing_is_written(tmp_path, text, message):
    path = files.write(tmp_path / "l.csv", text)
    with pytest.raises(CommandError) as caught:
        call_command("import_list", str(path), name="x", kind="killed", no_progress=True)
    assert message in str(caught.value) and "Nothing was imported" in str(caught.value)
    assert SourceList.objects.count() == 0 and Record.objects.count() == 0


@pytest.mark.django_db
def test_bad_mapping_file(tmp_path):
    path = files.write(tmp_path / "l.csv", files.PRISONERS_CSV)
    mapping = files.write(tmp_path / "m.json", json.dumps({"colour": "A"}))
    with pytest.raises(CommandError, match="unknown fields colour"):
        call_command("import_list", str(path), name="x", kind="killed", mapping=str(mapping))


def test_console_script_exit_codes(tmp_path):
    env_dir = tmp_path / "data"
    env = {"KINTRACE_DATA_DIR": str(env_dir), "PATH": "/usr/bin:/bin"}
    subprocess.run([str(KINTRACE), "migrate", "-v0"], env=env, check=True, timeout=120)
    good = files.write(tmp_path / "good.csv", files.PRISONERS_CSV)
    run = [str(KINTRACE), "import-list", str(good), "--name", "L", "--kind", "prisoners"]
    done = subprocess.run(run, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("3 records imported")
    bad = files.write(tmp_path / "bad.csv", "ФИО;Дата рождения\nОрлов;1999\nПетров;32.01.1999\n")
    run[2] = str(bad)
    failed = subprocess.run(run, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert failed.returncode != 0
    assert "row 2, column Дата рождения: '32.01.1999'" in failed.stderr
