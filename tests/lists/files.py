"""Real-looking list files for the import tests, written into a test's tmp_path."""

from __future__ import annotations

import json
from pathlib import Path

PRISONERS_CSV = """\
№;ФИО;Дата рождения;Место рождения;в/ч;Звание;Статус
1;Иванов Алексей Петрович;07.03.2003;г. Улан-Удэ;в/ч 12345;рядовой;в плену
2;Петренко Олег Миколайович;12.1998;с. Бровары;;солдат;в плену
3;КУЗНЕЦОВ Дмитрий;1987;;войсковая часть 54321;сержант;в плену
"""

KILLED_ROWS = [
    {"surname": "Смирнов", "given_name": "Андрей", "patronymic": "Викторович",
     "birth_date": "1995-01-21", "unit": "12345", "status": "погиб", "event_date": "2024-02"},
    {"surname": "Шевченко", "given_name": "Тарас", "patronymic": "Іванович",
     "birth_date": "1990", "unit": "", "status": "загинув", "event_date": ""},
]  # fmt: skip

PFIF = """<?xml version="1.0" encoding="UTF-8"?>
<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4">
  <pfif:person>
    <pfif:person_record_id>example.org/p1</pfif:person_record_id>
    <pfif:source_date>2024-03-01T00:00:00Z</pfif:source_date>
    <pfif:full_name>Ivanov Aleksei Petrovich</pfif:full_name>
    <pfif:given_name>Aleksei</pfif:given_name>
    <pfif:family_name>Ivanov</pfif:family_name>
    <pfif:sex>male</pfif:sex>
    <pfif:date_of_birth>2003-03-07</pfif:date_of_birth>
    <pfif:home_state>Buryatia</pfif:home_state>
    <pfif:note>
      <pfif:note_record_id>example.org/n1</pfif:note_record_id>
      <pfif:person_record_id>example.org/p1</pfif:person_record_id>
      <pfif:source_date>2024-03-02T00:00:00Z</pfif:source_date>
      <pfif:status>believed_alive</pfif:status>
      <pfif:last_known_location>Hospital No. 3</pfif:last_known_location>
      <pfif:text>In hospital</pfif:text>
    </pfif:note>
  </pfif:person>
</pfif:pfif>
"""

XXE = """<?xml version="1.0"?>
<!DOCTYPE pfif [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4"><pfif:person>
<pfif:full_name>&xxe;</pfif:full_name></pfif:person></pfif:pfif>
"""

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
]>
<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4"><pfif:person>
<pfif:full_name>&lol9;</pfif:full_name></pfif:person></pfif:pfif>
"""


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def write_json(path: Path, rows: list[dict]) -> Path:
    path.write_text(json.dumps({"records": rows}, ensure_ascii=False), encoding="utf-8")
    return path


def write_xlsx(path: Path, rows: list[list]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


WOUNDED_XLSX = [
    ["Прізвище", "Ім'я", "По батькові", "Дата народження", "Область", "Стан"],
    ["Коваленко", "Сергій", "Петрович", "1996-05-04", "Харківська", "поранений"],
    ["Мельник", "Іван", "", "", "Київська", "в лікарні"],
]
