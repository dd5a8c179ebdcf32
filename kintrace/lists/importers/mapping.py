"""Which column of a file holds which field of a record: guesses and checks."""

from __future__ import annotations

import re

from django.utils.translation import gettext

# The fields a column can be mapped to, in the order the mapping form shows them.
FIELDS = (
    "full_name",
    "surname",
    "given_name",
    "patronymic",
    "birth_date",
    "birth_place",
    "region",
    "unit",
    "rank",
    "sex",
    "status",
    "event_date",
    "event_place",
    "external_id",
)

# Header words seen in published lists (ru, uk, en, PFIF), folded to lower case.
SYNONYMS = {
    "full_name": ["full_name", "name", "фио", "піб", "ф.и.о", "п.і.б", "full name", "person"],
    "surname": ["surname", "family_name", "last_name", "фамилия", "прізвище", "family name"],
    "given_name": ["given_name", "first_name", "имя", "імя", "ім'я", "first name", "given name"],
    "patronymic": ["patronymic", "middle_name", "отчество", "по батькові", "по-батькові"],
    "birth_date": [
        "birth_date",
        "date_of_birth",
        "дата рождения",
        "дата народження",
        "д.р",
        "др",
        "год рождения",
        "рік народження",
        "born",
        "birth date",
        "dob",
    ],
    "birth_place": [
        "birth_place",
        "место рождения",
        "місце народження",
        "place of birth",
        "home_city",
    ],
    "region": ["region", "регион", "область", "регіон", "oblast", "home_state", "субъект"],
    "unit": ["unit", "military_unit", "в/ч", "вч", "войсковая часть", "військова частина"],
    "rank": ["rank", "звание", "звання", "воинское звание"],
    "sex": ["sex", "gender", "пол", "стать"],
    "status": ["status", "статус", "состояние", "стан", "status_in_list"],
    "event_date": [
        "event_date",
        "date",
        "дата",
        "дата события",
        "дата події",
        "дата гибели",
        "дата пленения",
        "note_date",
    ],
    "event_place": [
        "event_place",
        "place",
        "место",
        "місце",
        "location",
        "last_known_location",
        "место гибели",
        "место пленения",
    ],
    "external_id": ["external_id", "id", "№", "no", "номер", "person_record_id", "record_id"],
}


def _fold(text: str) -> str:
    text = text.lower().replace("ё", "е").replace("’", "'").replace("ʼ", "'")
    return re.sub(r"[\s_.:-]+", " ", text).strip()


_BY_WORD = {_fold(word): field for field, words in SYNONYMS.items() for word in words}


def guess_mapping(columns: list[str], saved: dict[str, str] | None = None) -> dict[str, str]:
    """Field -> column: the saved mapping where its columns exist, else by header words."""
    mapping: dict[str, str] = {}
    for field, column in (saved or {}).items():
        if field in FIELDS and column in columns:
            mapping[field] = column
    taken = set(mapping.values())
    for column in columns:
        field = _BY_WORD.get(_fold(column))
        if field and field not in mapping and column not in taken:
            mapping[field] = column
            taken.add(column)
    return mapping


def mapping_problems(mapping: dict[str, str], columns: list[str]) -> list[str]:
    """What makes a mapping unusable, in words; empty when it can be used."""
    problems = []
    for field, column in mapping.items():
        if field not in FIELDS:
            problems.append(gettext("unknown field %(field)r") % {"field": field})
        elif column not in columns:
            problems.append(
                gettext("field %(field)s: the file has no column %(column)r")
                % {"field": field, "column": column}
            )
    if not ({"full_name", "surname"} & mapping.keys()):
        problems.append(gettext("map a column to the full name or to the surname"))
    used = [c for c in mapping.values()]
    for column in {c for c in used if used.count(c) > 1}:
        problems.append(
            gettext("column %(column)r is mapped to more than one field") % {"column": column}
        )
    return problems
