"""Feature engineering: people in, derived comparison columns out (before Splink)."""

from __future__ import annotations

import gc
import re
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from kintrace.linkage.comparisons import ALT_INITIALS
from kintrace.linkage.io import NAME_COLUMNS, check_people

# Version of the derived columns and of what kintrace.names puts in them. A model is saved
# with the version it was trained on; raise it whenever a column's meaning or the name
# rules change, so that a model trained on other features is noticed.
# 2: names read Микита, dative patronymics, curly apostrophes and г.р./YYYYMMDD dates
#    themselves; more initials for Elena and Ekaterina.
# 3: sn_suf; slips in given names put right, familiar forms added, dictionary guesses
#    weigh less, declined patronymics and rigour's given names decide the word order.
# 4: gn_alt_init, pn_alt_init; place keys without inner vowels (Киев/Київ); C for
#    Ekaterina (Catherine); rare women's names read as men's genitives (Фролова Георгия);
#    Антоша, Бодя, Эдик, Ярик, Алинка.
FEATURES_VERSION = 4

FEATURE_SCHEMA = pa.schema(
    [("unique_id", pa.string())]
    + [(c, pa.string()) for c in ("sn_canon", "sn_stem", "sn_key", "sn_pre", "sn_suf")]
    + [("gn_full", pa.string())]
    + [("gn_key", pa.string())]
    + [(c, pa.string()) for c in ("gn_init", "gn_inits", "pn_full", "pn_key", "pn_init")]
    + [(c, pa.string()) for c in ("pn_inits", "gn_alt_init", "pn_alt_init", "sex")]
    + [(c, pa.int32()) for c in ("by", "bm", "bd")]
    + [(c, pa.string()) for c in ("place", "region", "unit")]
)
FEATURE_COLUMNS = tuple(FEATURE_SCHEMA.names)

_SEX = {
    "m": "m",
    "male": "m",
    "м": "m",
    "муж": "m",
    "мужской": "m",
    "ч": "m",
    "чол": "m",
    "чоловіча": "m",
    "f": "f",
    "female": "f",
    "ж": "f",
    "жен": "f",
    "женский": "f",
    "жін": "f",
    "жіноча": "f",
    "w": "f",
}
# Words that say what kind of place, not which one.
_PLACE_WORDS = {
    "g",
    "gor",
    "gorod",
    "s",
    "selo",
    "pos",
    "poselok",
    "p",
    "pgt",
    "d",
    "der",
    "derevnia",
    "derevnya",
    "st",
    "m",
    "misto",
    "smt",
    "obl",
    "oblast",
    "oblast'",
    "r",
    "rn",
    "raion",
    "rayon",
    "region",
    "kray",
    "krai",
    "resp",
    "respublika",
    "city",
    "village",
    "town",
    "province",
    "oblasti",
    "rayona",
    "raiona",
}


def _names():
    """Import the names package lazily so that settings and CLI parsing work without it."""
    import kintrace.names as names

    return names


def _to_pylist(table: pa.Table, column: str) -> list[Any]:
    if column in table.column_names:
        return table[column].to_pylist()
    return [None] * table.num_rows


def _blank(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _cached(func: Callable[[str], Any]) -> Callable[[str | None], Any]:
    cache: dict[str, Any] = {}

    def call(value: str | None) -> Any:
        if value is None:
            return None
        if value not in cache:
            cache[value] = func(value)
        return cache[value]

    return call


# Russian and Ukrainian forms of one place differ mostly in their vowels (Киев/Київ,
# Харьков/Харків, Днепр/Дніпро, Ровно/Рівне): the key keeps a word's first letter and
# its consonants.
_INNER_VOWELS = re.compile(r"(?<=.)[aeiou]")


def place_key(text: str) -> str | None:
    """A key for a place or region: romanised tokens without kind words, by sound, the
    vowels after each word's first letter left out (``Киев`` and ``Kyiv`` -> ``kv``)."""
    names = _names()
    latin = names.transliterate(names.normalise_text(text), "canon")
    tokens = [t for t in re.split(r"[^a-z0-9']+", latin.lower()) if t]
    keep = [t for t in tokens if t not in _PLACE_WORDS and len(t) > 1]
    if not keep:
        return None
    return " ".join(_INNER_VOWELS.sub("", names.phonetic_key(t) or t) for t in keep)


def _place(value: Any) -> str | None:
    text = _blank(value)
    return place_key(text) if text else None


def _parse_date(text: str) -> tuple[int | None, int | None, int | None] | None:
    parsed = _names().parse_date(text)  # "1999 г.р." and YYYYMMDD included
    if parsed is None:
        return None
    if parsed.precision == "year":
        return parsed.year, None, None
    if parsed.precision == "month":
        return parsed.year, parsed.month, None
    return parsed.year, parsed.month, parsed.day


# Ranks that lists put before the name ("рядовой Иванов Иван", "ст. сержант ...").
_RANK = re.compile(
    r"^\s*((ст|мл|старший|младший|старший|молодший|senior|junior)\.?\s+)?"
    r"(рядовой|рядовий|солдат|ефрейтор|єфрейтор|сержант|старшина|прапорщик|лейтенант|"
    r"капитан|капітан|майор|подполковник|підполковник|полковник|матрос|мичман|"
    r"private|corporal|sergeant|lieutenant|captain|major|colonel|sailor)\.?\s+",
    re.IGNORECASE,
)
# A birth date written into the name field: "Иванов Иван, 12.03.1990", "..., 1990 г.р.".
_DATE_IN_NAME = re.compile(
    r"[,;(\s]+(\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}|"
    r"(19|20)\d{2}(\s*(г\.?\s*р\.?|р\.?\s*н\.?|г\.|р\.))?)\)?\s*$"
)


def _name_text(value: Any) -> str | None:
    return _blank(value)


def _split_full_name(text: str | None) -> tuple[str | None, str | None]:
    """A written full name without a leading rank, and a birth date found at its end."""
    if not text:
        return None, None
    unranked = _RANK.sub("", text)
    if len(unranked.split()) >= 2:  # "Майор Иван" is a surname, not a rank
        text = unranked
    found = _DATE_IN_NAME.search(text)
    if not found:
        return text, None
    return text[: found.start()].strip() or None, found.group(1).strip()


def _name_rows(table: pa.Table) -> tuple[list[tuple[str | None, ...]], list[str | None]]:
    """Name tuples per row, and any birth date that was written into the full name."""
    cols = [[_name_text(v) for v in _to_pylist(table, c)] for c in NAME_COLUMNS]
    split = [_split_full_name(v) for v in cols[0]]
    cols[0] = [name for name, _ in split]
    return list(zip(*cols, strict=True)), [date for _, date in split]


def prepare(
    people: Any, *, report: Counter | None = None, extra_fields: Iterable[str] = ()
) -> pa.Table:
    """Derive the comparison columns of a people table (pyarrow, pandas or list of dicts).

    Columns as in the CLI contract (``id``, ``full_name`` or ``surname``/``given_name``/
    ``patronymic``, optional ``birth_date``, ``birth_place``, ``region``, ``unit``, ``sex``).
    Unreadable optional values become missing and are counted in ``report`` by column.
    ``extra_fields`` are other columns to compare as plain text (``x_<field>``).
    """
    return prepare_all([people], reports=[report], extra_fields=extra_fields)[0]


def prepare_all(
    peoples: list[Any],
    *,
    reports: list[Counter | None] | None = None,
    extra_fields: Iterable[str] = (),
) -> list[pa.Table]:
    """:func:`prepare` for several tables at once: their names are normalised in one batch,
    so that the words two lists share are looked up once and the workers start once."""
    tables = [_as_table(people) for people in peoples]
    for table in tables:
        check_people(table)
    reports = [r if r is not None else Counter() for r in (reports or [None] * len(tables))]
    split = [_name_rows(table) for table in tables]
    feats, failed = _name_features([row for rows, _ in split for row in rows])
    out, start = [], 0
    # Millions of small objects and no cycles: a collection would walk them all, often.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        for table, (rows, dates), report in zip(tables, split, reports, strict=True):
            refused = len(failed & set(rows)) if failed else 0
            if refused:
                report["name"] += refused
            mine = feats[start : start + len(rows)]
            start += len(rows)
            out.append(_feature_table(table, mine, dates, report, tuple(extra_fields)))
    finally:
        if was_enabled:
            gc.enable()
    return out


def _feature_table(
    table: pa.Table,
    feats: list[Any],
    dates_in_names: list[str | None],
    report: Counter,
    extra_fields: tuple[str, ...],
) -> pa.Table:
    names = _names()
    out = _name_columns(feats)
    out["unique_id"] = [str(v) for v in table["id"].to_pylist()]
    out["sex"] = _sex_column(table, feats, report)
    out["by"], out["bm"], out["bd"] = _date_columns(table, report, dates_in_names)
    out["place"] = _each_value(table, "birth_place", _place)
    out["region"] = _each_value(table, "region", _place)
    out["unit"] = _optional(table, "unit", names.unit_key, report)
    table_out = pa.table({c: out[c] for c in FEATURE_COLUMNS}, schema=FEATURE_SCHEMA)
    for extra in extra_fields:
        values = [_extra_value(v) for v in _to_pylist(table, extra)]
        table_out = table_out.append_column(f"x_{extra}", pa.array(values, pa.string()))
    return table_out


def _extra_value(value: Any) -> str | None:
    text = _blank(value)
    return " ".join(text.lower().split()) if text else None


def _name_features(rows: list[tuple[str | None, ...]]) -> tuple[list[Any], set[tuple]]:
    """Name features per row, and the distinct rows the parser refused; a row without a
    name, or a refused one, gets none."""
    names = _names()
    empty = names.NameFeatures(*([None] * 10), ())
    todo = list(dict.fromkeys(r for r in rows if any(r)))  # each row's features stand alone
    failed: set[tuple] = set()
    try:
        found = dict(zip(todo, names.features_for_many(todo), strict=True))
    except Exception:  # one bad name must not sink the file: retry row by row
        found = {}
        for row in todo:
            try:
                found[row] = names.features_for_many([row])[0]
            except Exception:
                failed.add(row)
    return [found.get(r, empty) for r in rows], failed


def _as_table(people: Any) -> pa.Table:
    if isinstance(people, pa.Table):
        return people
    if isinstance(people, list):
        # Every key of every row: pyarrow would take the columns from the first row only.
        keys = list(dict.fromkeys(k for row in people for k in row))
        return pa.table({k: [row.get(k) for row in people] for k in keys})
    if hasattr(people, "to_arrow"):  # DuckDB relation or polars frame
        return people.to_arrow() if not hasattr(people, "arrow") else people.arrow()
    return pa.Table.from_pandas(people, preserve_index=False)


def _inits(initial: str | None, group: str | None) -> str | None:
    """The initials a name may take in any script: its own plus ALT_INITIALS."""
    if not initial:
        return None
    return initial + ALT_INITIALS.get(group or "", "")


def _alt_init(inits: str | None) -> str | None:
    """The initial of the name's other form (its Ukrainian one: aleksandr -> o), else its
    own: for blocking an initial-only record against a name written in another language."""
    return inits[1:2] or inits[:1] if inits else None


# Shorter sound keys are too few to block on by their end alone.
SUFFIX_FROM = 5


def _suffix(key: str | None) -> str | None:
    """The last three letters of a surname's sound key, for blocking past a slip at its
    start; None for a short key."""
    return key[-3:] if key and len(key) >= SUFFIX_FROM else None


def _name_columns(feats: list[Any]) -> dict[str, list[Any]]:
    def full(value: str | None) -> str | None:
        return value if value and len(value) > 1 else None

    gn_full = [full(f.given_canon) for f in feats]
    pn_full = [full(f.patronymic_canon) for f in feats]
    gn_inits = [_inits(f.given_initial, g) for f, g in zip(feats, gn_full, strict=True)]
    pn_inits = [_inits(f.patronymic_initial, p) for f, p in zip(feats, pn_full, strict=True)]
    return {
        "gn_inits": gn_inits,
        "pn_inits": pn_inits,
        "gn_alt_init": [_alt_init(i) for i in gn_inits],
        "pn_alt_init": [_alt_init(i) for i in pn_inits],
        "sn_canon": [f.surname_canon or None for f in feats],
        "sn_stem": [f.surname_stem or None for f in feats],
        "sn_key": [f.surname_key or None for f in feats],
        "sn_pre": [(f.surname_key or "")[:3] or None for f in feats],
        "sn_suf": [_suffix(f.surname_key) for f in feats],
        "gn_full": [full(f.given_canon) for f in feats],
        "gn_key": [(f.given_key or None) if full(f.given_canon) else None for f in feats],
        "gn_init": [(f.given_initial or None) for f in feats],
        "pn_full": [full(f.patronymic_canon) for f in feats],
        "pn_key": [(f.patronymic_key or None) if full(f.patronymic_canon) else None for f in feats],
        "pn_init": [(f.patronymic_initial or None) for f in feats],
    }


def _each_value(table: pa.Table, column: str, func: Callable[[Any], Any]) -> list[Any]:
    """``func`` of every row's value in ``column`` (None where it is missing), called once
    per distinct value: lists repeat their places, units, dates and sexes."""
    if column not in table.column_names:
        return [func(None)] * table.num_rows
    encoded = pc.dictionary_encode(table[column].combine_chunks())
    results = [func(v) for v in encoded.dictionary.to_pylist()]
    results.append(func(None))
    index = encoded.indices.fill_null(len(results) - 1).to_numpy(zero_copy_only=False)
    return [results[i] for i in index.tolist()]


def _optional(table: pa.Table, column: str, parse: Callable, report: Counter) -> list[Any]:
    """Parsed values of an optional column; a value given but unreadable becomes None and
    is counted in ``report`` under the column's name."""

    def read(raw: Any) -> tuple[Any, bool]:
        text = _blank(raw)
        value = parse(text) if text is not None else None
        return value, text is not None and value is None

    values = []
    for value, unreadable in _each_value(table, column, read):
        if unreadable:
            report[column] += 1
        values.append(value)
    return values


def _sex_column(table: pa.Table, feats: list[Any], report: Counter) -> list[str | None]:
    given = _optional(table, "sex", lambda t: _SEX.get(t.lower().strip(".")) if t else None, report)
    return [g or f.sex for g, f in zip(given, feats, strict=True)]


def _date_columns(
    table: pa.Table, report: Counter, fallback: list[str | None]
) -> tuple[list, list, list]:
    parse = _cached(_parse_date)
    dates = _optional(table, "birth_date", _parse_date, report)
    dates = [d or parse(f) for d, f in zip(dates, fallback, strict=True)]
    none = (None, None, None)
    by, bm, bd = zip(*[d or none for d in dates], strict=True) if dates else ((), (), ())
    return list(by), list(bm), list(bd)
