"""The command-line contract of `kintrace link-files` and `kintrace dedupe-file`."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from kintrace.linkage import FEATURES_VERSION, Model, link, read_people
from kintrace.linkage.cli import main

HEADER = "id,full_name,birth_date,unit\n"
LEFT = HEADER + (
    "007,Иванов Алексей Петрович,07.03.1999,в/ч 12345\n8,Смирнова Ольга Ивановна,1985,\n"
)
RIGHT = HEADER + (
    "a1,IVANOV ALEKSEY PETROVICH,1999-03-07,military unit 12345\n"
    "a2,Ivanov Aleksei P.,1999-03-07,\n"
    "b1,Петров Сергей Николаевич,12.12.1970,\n"
)


def _write(path: Path, text: str | bytes) -> Path:
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_link_files_writes_header_and_ordered_pairs(tmp_path):
    left, right = _write(tmp_path / "l.csv", LEFT), _write(tmp_path / "r.csv", RIGHT)
    out = tmp_path / "out.csv"
    assert main(["link-files", str(left), str(right), "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8").splitlines()[0] == "left_id,right_id,probability"
    rows = _rows(out)
    assert [(r["left_id"], r["right_id"]) for r in rows][:2] == [("007", "a1"), ("007", "a2")]
    probs = [float(r["probability"]) for r in rows if r["left_id"] == "007"]
    assert probs == sorted(probs, reverse=True) and probs[0] >= 0.5
    assert all(r["right_id"] != "b1" for r in rows)


def test_threshold_and_explain(tmp_path):
    left, right = _write(tmp_path / "l.csv", LEFT), _write(tmp_path / "r.csv", RIGHT)
    out = tmp_path / "out.csv"
    code = main(
        [
            "link-files",
            str(left),
            str(right),
            "--out",
            str(out),
            "--threshold",
            "0.999",
            "--explain",
        ]
    )
    assert code == 0
    rows = _rows(out)
    assert list(rows[0]) == ["left_id", "right_id", "probability", "explanation"]
    assert all(float(r["probability"]) >= 0.999 for r in rows)
    assert "same birth date" in rows[0]["explanation"]


def test_parquet_in_and_out(tmp_path):
    people = pa.table(
        {
            "id": ["1", "2"],
            "surname": ["Журавлёв", "Zhuravlyov"],
            "given_name": ["Игорь", "Igor"],
            "birth_date": ["1990-02-03", "03.02.1990"],
        }
    )
    pq.write_table(people, tmp_path / "p.parquet")
    out = tmp_path / "out.parquet"
    assert main(["dedupe-file", str(tmp_path / "p.parquet"), "--out", str(out)]) == 0
    result = pq.read_table(out).to_pylist()
    assert [(r["left_id"], r["right_id"]) for r in result] == [("1", "2")]


@pytest.mark.parametrize(
    ("column", "expected"),
    [
        (pa.array([b"\xff\xfe", b"ok"], pa.binary()), ["row 1", "column full_name", "UTF-8"]),
        (pa.array([["a"], ["b"]]), ["column full_name", "type list", "cannot be read as text"]),
    ],
    ids=["bad-bytes", "list"],
)
def test_a_parquet_column_that_is_not_text_is_refused_by_name(tmp_path, capsys, column, expected):
    pq.write_table(pa.table({"id": ["1", "2"], "full_name": column}), tmp_path / "bad.parquet")
    code = main(["dedupe-file", str(tmp_path / "bad.parquet"), "--out", str(tmp_path / "o.csv")])
    err = capsys.readouterr().err
    assert code != 0
    for part in ["bad.parquet", *expected]:
        assert part in err
    assert not (tmp_path / "o.csv").exists()


def test_dedupe_writes_each_pair_once(tmp_path):
    people = _write(
        tmp_path / "p.csv",
        HEADER
        + (
            "1,Коваленко Дмитрий Олегович,02.02.1992,\n"
            "2,Коваленко Дмитро Олегович,1992-02-02,\n"
            "3,Kovalenko Dmitriy Olegovich,02/02/1992,\n"
        ),
    )
    out = tmp_path / "out.csv"
    assert main(["dedupe-file", str(people), "--out", str(out)]) == 0
    pairs = [(r["left_id"], r["right_id"]) for r in _rows(out)]
    assert sorted(pairs) == [("1", "2"), ("1", "3"), ("2", "3")]


def test_unreadable_birth_date_is_missing_and_counted(tmp_path, capsys):
    left = _write(tmp_path / "l.csv", HEADER + "1,Иванов Алексей Петрович,abc,\n")
    right = _write(tmp_path / "r.csv", RIGHT)
    assert main(["link-files", str(left), str(right), "--out", str(tmp_path / "o.csv")]) == 0
    err = capsys.readouterr().err
    assert "l.csv: birth_date: 1 unreadable value" in err


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("full_name,birth_date\nИванов,1990\n", ["line 1", "column id", "missing"]),
        ("id,full_name\n1,Иванов\n1,Петров\n", ["line 3", "row 2", "column id", "duplicate"]),
        ("id,full_name\n1,Иванов\n,Петров\n", ["line 3", "column id", "empty id"]),
        ("id,birth_date\n1,1990\n", ["line 1", "no name column"]),
        (
            "id,full_name\n1,Иванов\n2,Пет".encode() + b"\xff" + "ров\n".encode(),
            ["line 3", "row 2", "column full_name", "UTF-8"],
        ),
        ("id,ID,full_name\n1,2,Иванов\n", ["line 1", "column id", "given twice"]),
        (
            'id,full_name\n1,Иванов\n2,"Петров, Петр"\n3,Сидоров,Сидор\n',
            ["line 4", "row 3", "3 fields", "header has 2"],
        ),
        (
            'id,full_name\n1,"Иванов\nИван"\n\n2,Сидоров,Сидор\n',
            ["line 5", "row 2", "3 fields"],
        ),
        ("id;full_name\n1;Иванов\n", ["line 1", "no 'id' column", "semicolons"]),
        ("id\tfull_name\n1\tИванов\n", ["line 1", "no 'id' column", "tabs"]),
    ],
    ids=[
        *("no-id", "duplicate-id", "empty-id", "no-name", "bad-bytes", "twice", "fields"),
        *("fields-after-a-newline-in-a-value", "semicolons", "tabs"),
    ],
)
def test_bad_input_exits_nonzero_naming_file_row_column(tmp_path, capsys, content, expected):
    bad = _write(tmp_path / "bad.csv", content)
    right = _write(tmp_path / "r.csv", RIGHT)
    code = main(["link-files", str(bad), str(right), "--out", str(tmp_path / "o.csv")])
    err = capsys.readouterr().err
    assert code != 0
    assert "bad.csv" in err
    for part in expected:
        assert part in err
    assert not (tmp_path / "o.csv").exists()


def test_missing_file_exits_nonzero(tmp_path, capsys):
    right = _write(tmp_path / "r.csv", RIGHT)
    code = main(
        ["link-files", str(tmp_path / "nope.csv"), str(right), "--out", str(tmp_path / "o.csv")]
    )
    assert code == 1
    assert "nope.csv: file not found" in capsys.readouterr().err


def test_header_case_and_quoted_newlines_are_read(tmp_path):
    left = _write(
        tmp_path / "l.csv", 'ID,Full_Name,Birth_Date\n1,"Иванов\nАлексей Петрович",07.03.1999\n'
    )
    right = _write(tmp_path / "r.csv", RIGHT)
    out = tmp_path / "out.csv"
    assert main(["link-files", str(left), str(right), "--out", str(out)]) == 0
    assert ("1", "a1") in {(r["left_id"], r["right_id"]) for r in _rows(out)}


def test_the_model_is_saved_beside_the_pairs(tmp_path):
    left, right = _write(tmp_path / "l.csv", LEFT), _write(tmp_path / "r.csv", RIGHT)
    out = tmp_path / "pairs.csv"
    assert main(["link-files", str(left), str(right), "--out", str(out)]) == 0
    settings = json.loads((tmp_path / "pairs.model.json").read_text(encoding="utf-8"))
    assert settings["link_type"] == "link_only"
    assert {c["output_column_name"] for c in settings["comparisons"]} >= {"surname", "unit"}
    model = Model.load(tmp_path / "pairs.model.json")
    assert model.features_version == FEATURES_VERSION
    assert model.levels()["birth_date"][1].id == "birth_date.same"
    # The same model scores the same pairs again.
    again = tmp_path / "again.csv"
    result = link(read_people(left), read_people(right), model=model)
    main(["link-files", str(left), str(right), "--out", str(again)])
    assert [round(p, 6) for p in result["probability"].to_pylist()] == [
        float(r["probability"]) for r in _rows(again)
    ]


def test_an_output_that_would_overwrite_an_input_is_refused(tmp_path, capsys):
    people = _write(tmp_path / "people.csv", LEFT)
    code = main(["dedupe-file", str(people), "--out", str(tmp_path / "." / "people.csv")])
    assert code != 0
    assert "would overwrite the input" in capsys.readouterr().err
    assert people.read_text(encoding="utf-8") == LEFT


def test_the_pairs_file_appears_whole_and_nothing_else_is_left(tmp_path):
    left, right = _write(tmp_path / "l.csv", LEFT), _write(tmp_path / "r.csv", RIGHT)
    assert main(["link-files", str(left), str(right), "--out", str(tmp_path / "o.csv")]) == 0
    names = sorted(p.name for p in tmp_path.iterdir() if p.is_file())
    assert names == ["l.csv", "o.csv", "o.model.about.json", "o.model.json", "r.csv"]
