"""The parsing layer per format: real-looking files in, rows and a guessed mapping out."""

from __future__ import annotations

import datetime as dt

import pytest

from kintrace.lists.importers import (
    ImportProblem,
    Limits,
    check_rows,
    guess_mapping,
    mapping_problems,
    open_table,
)
from tests.lists import files


def rows_of(path, name=None):
    table = open_table(path, name=name)
    mapping = guess_mapping(table.columns)
    return table, mapping, list(check_rows(table, mapping))


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("utf-8", ";"), ("utf-8-sig", ";"), ("cp1251", ";"), ("utf-8", ","), ("cp1251", "\t")],
)
def test_csv_encodings_and_delimiters(tmp_path, encoding, delimiter):
    text = files.PRISONERS_CSV.replace(";", delimiter)
    path = files.write(tmp_path / "list.csv", text, encoding)
    table, mapping, rows = rows_of(path)
    assert table.details == {"encoding": encoding.replace("-sig", ""), "delimiter": delimiter}
    assert mapping["full_name"] == "ФИО" and mapping["unit"] == "в/ч"
    assert rows[0].name_as_printed == "Иванов Алексей Петрович"
    assert rows[0].birth == (2003, 3, 7) and rows[1].birth == (1998, 12, None)
    assert rows[2].birth == (1987, None, None)
    assert rows[0].unit_key == "12345" and rows[2].unit_key == "54321"
    assert rows[0].original["Место рождения"] == "г. Улан-Удэ"


def test_xlsx_separate_name_columns(tmp_path):
    path = files.write_xlsx(tmp_path / "wounded.xlsx", files.WOUNDED_XLSX)
    table, mapping, rows = rows_of(path)
    assert table.format == "xlsx"
    assert mapping == {
        "surname": "Прізвище",
        "given_name": "Ім'я",
        "patronymic": "По батькові",
        "birth_date": "Дата народження",
        "region": "Область",
        "status": "Стан",
    }
    assert rows[0].name_as_printed == "Коваленко Сергій Петрович"
    assert rows[0].birth == (1996, 5, 4) and rows[1].birth == (None, None, None)


def test_xlsx_dates_and_formulas_are_values(tmp_path):
    path = files.write_xlsx(
        tmp_path / "f.xlsx",
        [["ФИО", "Дата рождения", "Примечание"], ["Орлов Олег", dt.date(1991, 2, 3), "=1+1"]],
    )
    _table, _mapping, rows = rows_of(path)
    assert rows[0].birth == (1991, 2, 3)
    # never evaluated: openpyxl has no cached value for a formula it wrote, so it stays empty
    assert rows[0].original["Примечание"] in ("", "=1+1")


def test_json_records(tmp_path):
    path = files.write_json(tmp_path / "killed.json", files.KILLED_ROWS)
    _table, mapping, rows = rows_of(path)
    assert mapping["surname"] == "surname" and mapping["event_date"] == "event_date"
    assert rows[0].event_date == "2024-02" and rows[0].status == "погиб"
    assert rows[1].name_as_printed == "Шевченко Тарас Іванович"


def test_pfif_person_with_note(tmp_path):
    path = files.write(tmp_path / "hospital.xml", files.PFIF)
    table, mapping, rows = rows_of(path)
    assert table.format == "pfif" and table.details == {"version": "1.4"}
    assert mapping["surname"] == "family_name" and mapping["birth_date"] == "date_of_birth"
    assert mapping["external_id"] == "person_record_id"
    row = rows[0]
    assert row.name_as_printed == "Ivanov Aleksei Petrovich" or row.surname == "Ivanov"
    assert row.sex == "m" and row.status == "believed_alive"
    assert row.event_place == "Hospital No. 3" and row.region == "Buryatia"


def test_formula_cell_is_kept_as_text(tmp_path):
    text = 'ФИО;Место рождения\nСидоров Пётр;=HYPERLINK("http://x")\n+Петров Иван;@SUM(1)\n'
    path = files.write(tmp_path / "f.csv", text)
    _table, _mapping, rows = rows_of(path)
    assert rows[0].birth_place == '=HYPERLINK("http://x")'
    assert rows[1].name_as_printed == "+Петров Иван" and rows[1].birth_place == "@SUM(1)"


@pytest.mark.parametrize(
    ("text", "row", "column", "why"),
    [
        ("ФИО;Дата рождения\nИванов Иван;31.02.1999\n", 1, "Дата рождения", "not a date"),
        ("ФИО;Дата рождения\nИванов Иван;1999\n;2000\n", 2, "ФИО", "no name"),
        ("ФИО;Дата рождения\nИванов Иван;вчера\n", 1, "Дата рождения", "not a date"),
        ("ФИО;Пол\nИванов Иван;x\n", 1, "Пол", "sex must be"),
        ("ФИО;Дата рождения\nИванов Иван;1700\n", 1, "Дата рождения", "outside 1850-2100"),
        ("ФИО\n" + "Иванов\n" * 3 + "И" * 301 + "\n", 4, "ФИО", "longer than 300"),
    ],
)
def test_bad_rows_name_row_column_and_value(tmp_path, text, row, column, why):
    path = files.write(tmp_path / "bad.csv", text)
    table = open_table(path)
    with pytest.raises(ImportProblem) as caught:
        list(check_rows(table, guess_mapping(table.columns)))
    problem = caught.value
    assert (problem.row, problem.column) == (row, column)
    assert why in problem.message()
    assert f"row {row}" in str(problem) and column in str(problem)


def test_mapping_problems():
    columns = ["A", "B"]
    assert mapping_problems({"full_name": "A"}, columns) == []
    assert "map a column to the full name or to the surname" in mapping_problems({}, columns)
    assert mapping_problems({"full_name": "C"}, columns) == [
        "field full_name: the file has no column 'C'"
    ]
    assert "column 'A' is mapped to more than one field" in mapping_problems(
        {"full_name": "A", "rank": "A"}, columns
    )


def test_saved_mapping_wins_over_guesses():
    columns = ["Name", "ФИО", "Born"]
    assert guess_mapping(columns, {"full_name": "Name", "birth_date": "Born"}) == {
        "full_name": "Name",
        "birth_date": "Born",
    }
    assert guess_mapping(columns)["full_name"] == "Name"


class TestHostileInput:
    def test_xml_external_entity_is_refused(self, tmp_path):
        path = files.write(tmp_path / "xxe.xml", files.XXE)
        with pytest.raises(ImportProblem, match="DTD, entities or external references"):
            open_table(path)

    def test_entity_expansion_bomb_is_refused(self, tmp_path):
        path = files.write(tmp_path / "lol.xml", files.BILLION_LAUGHS)
        with pytest.raises(ImportProblem, match="refused"):
            open_table(path)

    def test_xlsx_zip_bomb_is_refused_before_unpacking(self, tmp_path):
        import zipfile

        path = tmp_path / "bomb.xlsx"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            with archive.open("xl/worksheets/sheet1.xml", "w") as member:
                chunk = b"\0" * (1 << 20)
                for _ in range(20):
                    member.write(chunk)
        assert path.stat().st_size < 100_000
        with pytest.raises(ImportProblem, match="decompression bomb"):
            open_table(path)
        small = Limits(max_xlsx_unpacked_bytes=10 << 20)
        with pytest.raises(ImportProblem, match="unpacks to 20 MB"):
            open_table(path, limits=small)

    def test_xlsx_with_macros_is_refused(self, tmp_path):
        import zipfile

        path = tmp_path / "macro.xlsx"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr("xl/vbaProject.bin", b"\x00macro")
        with pytest.raises(ImportProblem, match="macros"):
            open_table(path)

    def test_one_gigabyte_line_stops_at_the_line_limit(self, tmp_path):
        path = tmp_path / "long.csv"
        with path.open("wb") as handle:
            handle.write(b"full_name,unit\n" + b"x" * 65536)
            handle.truncate(1 << 30)  # sparse: 1 GB long, a few blocks on disk
        with pytest.raises(ImportProblem, match="line 2 is longer than 1048576 bytes"):
            table = open_table(path)
            list(check_rows(table, guess_mapping(table.columns)))

    def test_binary_file_named_csv_is_refused(self, tmp_path):
        path = tmp_path / "photo.csv"
        path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
        with pytest.raises(ImportProblem, match="binary data"):
            open_table(path)

    def test_text_in_neither_encoding_is_refused(self, tmp_path):
        path = tmp_path / "latin.csv"
        path.write_bytes("name,place\nJosé Müller,Zürich Ærø\n".encode("cp1252") + b"\x81")
        with pytest.raises(ImportProblem, match="neither UTF-8 nor Windows-1251"):
            open_table(path)

    @pytest.mark.parametrize("name", ["list.exe", "list", "list.pdf"])
    def test_unknown_file_type(self, tmp_path, name):
        path = files.write(tmp_path / name, "x")
        with pytest.raises(ImportProblem, match="unknown file type"):
            open_table(path)
