"""Feature engineering: people in, derived comparison columns out (before Splink)."""

from __future__ import annotations

import datetime
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
# 5: sn_alts, gn_alts, pn_alts (a maiden name in brackets, the parts of a double surname,
#    Егор/Георгий); a double surname with a space is one surname, joined by a hyphen; a
#    rank after the name is no part of it; German and Polish sound rules; stress marks
#    and invisible characters read away; more date forms; more kind words in place keys.
# 6: a birth date, a place of birth and a unit written into the name column fill their
#    fields (a date of death beside them does not); place keys read the genitive
#    (уроженец Краснодарского края); дж written dsch (Dschabrailow); dates after a
#    form's label (Дата рождения:), abbreviated months, 90 г.р.; a region's adjective
#    and noun meet (Белгородская область, Belgorod Oblast), and its other names; "нет",
#    "-", "N/A" where a part of the name is not known are missing; 00.00.1985 is 1985;
#    the sound key reads -ов/-ев after hushing consonants as one ending, and ьо as ё.
# 7: dj before a vowel is дж unless the word is written the German way (Djabrailov,
#    Gadjiev; Djakow, Nadja); a birth date still to come is unreadable; a mark for a
#    missing given name keeps the patronymic (Иванов - Иванович).
FEATURES_VERSION = 7

FEATURE_SCHEMA = pa.schema(
    [("unique_id", pa.string())]
    + [(c, pa.string()) for c in ("sn_canon", "sn_stem", "sn_key", "sn_pre", "sn_suf")]
    + [("gn_full", pa.string())]
    + [("gn_key", pa.string())]
    + [(c, pa.string()) for c in ("gn_init", "gn_inits", "pn_full", "pn_key", "pn_init")]
    + [(c, pa.string()) for c in ("pn_inits", "gn_alt_init", "pn_alt_init", "sex")]
    + [(c, pa.string()) for c in ("sn_alts", "gn_alts", "pn_alts")]
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
    "мужчина": "m",
    "чоловік": "m",
    "man": "m",
    "f": "f",
    "female": "f",
    "ж": "f",
    "жен": "f",
    "женский": "f",
    "жін": "f",
    "жіноча": "f",
    "женщина": "f",
    "жінка": "f",
    "woman": "f",
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
    "republic",
    "of",
    "the",
    "district",
    "okrug",
    "autonomous",
    "ao",
    "territory",
    "oblast's",
    # the same in the genitive and locative, as after уроженец or in
    "respubliki",
    "respublike",
    "kraya",
    "krayu",
    "kraia",
    "kraiu",
    "okruga",
    "okrugu",
    "goroda",
    "gorode",
    "mista",
    "misti",
    "sela",
    "sele",
    "poselka",
    "derevni",
    "raionu",
    "rayonu",
    "krae",
}
# A region's adjective in the genitive (Краснодарского края): its ending goes, as the
# vowels of the other forms do (Краснодарский, Krasnodarsky).
_GENITIVE_ADJECTIVE = re.compile(r"(?<=\w{3})ogo$")


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


# A region is named by its adjective or by the noun it is made from (Белгородская
# область, Belgorod Oblast; Краснодарский край, Krasnodar Krai; Харківська, Kharkiv):
# in a region, the adjective's -sk- and ending go, and so does a noun's final -sk
# (Свердловская, Sverdlovsk Oblast). Not in a birth place, where Кировск is no Киров.
_REGION_ADJECTIVE = re.compile(
    r"(?<=[a-z]{2})sk(?:aya|aia|aja|iy|ii|ij|yi|yy|y|i|a|ogo|oy|oi|oj|ey|ikh|om)?$"
)
# Ukrainian names of an oblast by its centre: Київщина, Полтавщина, Луганщина.
_SHCHYNA = re.compile(r"(?<=[a-z]{3})(?:shch|chch)ina$")
# Keys the rule would give two regions: a city of its own and the region around it
# (Москва, Московская область), a republic and a krai (Республика Алтай, Алтайский
# край).
# The words that tell the second, whether its adjective does too, and what its key gets.
_OBLAST_WORDS = frozenset({"obl", "oblast", "oblasti", "oblast'", "region", "province"})
_CITY_OR_REGION = {
    "mskv": (_OBLAST_WORDS, True, " obl"),
    "kv": (_OBLAST_WORDS, True, " obl"),
    "alt": (frozenset({"respublika", "respubliki", "republic", "resp"}), False, " r"),
}
# Regions whose forms the rule above does not bring together: other names (Башкирия,
# Якутия, Кузбасс, Югра, Transcarpathia), the Ukrainian and Russian names of one oblast
# (Mykolaiv, Николаевская), adjectives that swallow the noun's end (Одеська, Черкаська,
# Рівненська). Keys of the other forms -> the key of the form in the Russian
# Constitution (art. 65) or the Ukrainian one (art. 133).
_REGION_ALIASES = {
    "bxkr": "bxkrtstn",  # Башкирия, Bashkiria
    "sh": "ikt",  # Саха, Sakha Republic
    "sh ikt": "ikt",  # Республика Саха (Якутия)
    "svrn ost aln": "ost",  # Северная Осетия — Алания
    "nrth ost aln": "ost",
    "svrn ost": "ost",
    "nrth ost": "ost",
    "pvncn ost": "ost",  # Північна Осетія
    "ost aln": "ost",
    "kzbs": "kmrv",  # Кузбасс, Kuzbass
    "kmrv kzbs": "kmrv",  # Кемеровская область — Кузбасс
    "ihr": "hnt mns",  # Югра
    "hnt mns ihr": "hnt mns",  # Ханты-Мансийский автономный округ — Югра
    "ar krm": "krm",  # АР Крим
    "snkt ptrbrh": "ptrbrh",  # Санкт-Петербург
    "snkt ptrsbrh": "ptrbrh",
    "snt ptrsbrh": "ptrbrh",  # Saint Petersburg
    "ptrsbrh": "ptrbrh",  # St. Petersburg
    "evx": "evr",  # Jewish Autonomous Oblast
    "ckt": "cktk",  # Чукотский, Chukotka
    "njn nvhrd": "njhrd",  # Nizhny Novgorod Oblast
    "mklv": "nklv",  # Миколаївська, Mykolaiv Oblast
    "zprzk": "zprj",  # Запорізька
    "rvnn": "rvn",  # Рівненська
    "crk": "crks",  # Черкаська
    "od": "ods",  # Одеська
    "trnskrpth": "zkrpt",  # Transcarpathia
    "krc crks": "krcv crks",  # Karachay-Cherkessia
    "dnt nrdn": "dnt",  # Донецкая Народная Республика
    "lhn nrdn": "lhn",  # Луганская Народная Республика
    "pdmskv": "mskv obl",  # Подмосковье
    "dn": "dnt",  # Донеччина
    # a noun whose adjective changes its end (Калуга, Калужская; Пенза, Пензенская)
    "klh": "klj",  # Kaluga
    "klzk": "klj",  # Калузька
    "pnz": "pnzn",  # Penza
    "irslvl": "irslv",  # Yaroslavl
    "orl": "orlv",  # Oryol, Orel
    "kmctk": "kmct",  # Kamchatka
    "kbn": "krsndr",  # Кубань
    # a noun in -ц where the adjective has -цк- (Vinnytsia, Винницкая: vnt)
    "vnq": "vnt",
    "crnvq": "crnvt",  # Chernivtsi
    "nnq": "nnt",  # Nenets
    "iml nnq": "iml nnt",
}
# Abbreviations in lists, read before the key.
_REGION_ABBREVIATIONS = {
    "хмао": "hnt mns",
    "янао": "iml nnt",
    "нао": "nnt",
    "еао": "evr",
    "кбр": "kbrdn blkr",
    "кчр": "krcv crks",
    "спб": "ptrbrh",
    "днр": "dnt",
    "dpr": "dnt",
    "lpr": "lhn",
    "мо": "mskv obl",
    "моск обл": "mskv obl",
    "ло": "lnnhrd",
    "ленобласть": "lnnhrd",
    "лен обл": "lnnhrd",
    "лнр": "lhn",
}


def region_key(text: str) -> str | None:
    """A key for a region: :func:`place_key` with the adjective and the noun of one
    region brought together (``Белгородская область`` and ``Belgorod Oblast``), and
    the other names and abbreviations of the tables above."""
    abbreviation = _REGION_ABBREVIATIONS.get(" ".join(text.lower().replace(".", " ").split()))
    if abbreviation:
        return abbreviation
    key = place_key(text, region=True)
    return _REGION_ALIASES.get(key, key) if key else None


def place_key(text: str, *, region: bool = False) -> str | None:
    """A key for a place or region: romanised tokens without kind words, by sound, the
    vowels after each word's first letter left out (``Киев`` and ``Kyiv`` -> ``kv``)."""
    names = _names()
    latin = names.transliterate(names.normalise_text(text), "canon")
    tokens = [t for t in re.split(r"[^a-z0-9']+", latin.lower()) if t]
    keep = [
        _GENITIVE_ADJECTIVE.sub("", t)
        for t in tokens
        if t not in _PLACE_WORDS and not t.startswith("avtonomn") and len(t) > 1
    ]
    if region:
        keep = [_REGION_ADJECTIVE.sub("", t.replace("'", "")) for t in keep]
        if any(_SHCHYNA.search(t) for t in keep):
            keep = [_SHCHYNA.sub("", t) for t in keep]
            tokens = [*tokens, "oblast"]
    if not keep:
        return None
    key = " ".join(_INNER_VOWELS.sub("", names.phonetic_key(t) or t) for t in keep)
    if region and key in _CITY_OR_REGION:
        words, by_adjective, suffix = _CITY_OR_REGION[key]
        if any(t in words for t in tokens) or (
            by_adjective and any(_REGION_ADJECTIVE.search(t) for t in tokens)
        ):
            key += suffix
    return key


def _place(value: Any) -> str | None:
    text = _blank(value)
    return place_key(text) if text else None


def _region(value: Any) -> str | None:
    text = _blank(value)
    return region_key(text) if text else None


def _parse_date(text: str) -> tuple[int | None, int | None, int | None] | None:
    parsed = _names().parse_date(text)  # "1999 г.р." and YYYYMMDD included
    if parsed is None or _not_born_yet(parsed.year, parsed.month, parsed.day):
        return None  # a date still to come is no birth date: unreadable, counted
    if parsed.precision == "year":
        return parsed.year, None, None
    if parsed.precision == "month":
        return parsed.year, parsed.month, None
    return parsed.year, parsed.month, parsed.day


def _not_born_yet(year: int, month: int | None, day: int | None) -> bool:
    """Whether the earliest day a birth date can stand for is after today."""
    return datetime.date(year, month or 1, day or 1) > datetime.date.today()


def _name_text(value: Any) -> str | None:
    return _blank(value)


# Rows whose name may hold a date, a unit or a place of birth (a digit, or a word that
# announces a place), found for a whole column at once: most names hold none.
_MAY_SPLIT = r"\p{Nd}|урож|уродж|родом|місце|место|native|born|birth|pob"


def _name_column(table: pa.Table, column: str) -> list[str | None]:
    if column not in table.column_names:
        return [None] * table.num_rows
    values = table[column]
    if pa.types.is_string(values.type) and not pc.max(pc.utf8_length(values)).as_py():
        return [None] * table.num_rows  # every value empty: a column kept in a file's layout
    return [_name_text(v) for v in values.to_pylist()]


def _name_rows(table: pa.Table) -> tuple[list[tuple[str | None, ...]], list[Any]]:
    """Name tuples per row, and what was written into the full name besides the name
    (``kintrace.names.context.Extras`` or None)."""
    cols = [_name_column(table, c) for c in NAME_COLUMNS]
    found: list[Any] = [None] * table.num_rows
    full = cols[0]
    if any(v is not None for v in full):
        # A birth date (not the date of death beside it), a place of birth, a unit
        # (``Иванов Иван, 1990 г.р., уроженец г. Курск, в/ч 12345``); the name goes on as
        # written, for the names package to set aside what is not the name.
        from kintrace.names.context import extras

        texts = pa.array(full, pa.string())
        may = pc.match_substring_regex(pc.utf8_lower(texts), _MAY_SPLIT).fill_null(False)
        for i in pc.indices_nonzero(may).to_pylist():
            found[i] = extras(full[i])
    return list(zip(*cols, strict=True)), found


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
    # Millions of small objects and no cycles: a collection would walk them all, often.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        split = [_name_rows(table) for table in tables]
        found, index, failed = _name_features([row for rows, _ in split for row in rows])
        columns = _name_columns(found)  # once for every distinct name of all the tables
        out, start = [], 0
        for table, (rows, in_names), report in zip(tables, split, reports, strict=True):
            refused = len(failed & set(rows)) if failed else 0
            if refused:
                report["name"] += refused
            mine = pa.array(index[start : start + len(rows)], pa.int64())
            start += len(rows)
            name_columns = {c: values.take(mine) for c, values in columns.items()}
            out.append(_feature_table(table, name_columns, in_names, report, tuple(extra_fields)))
    finally:
        if was_enabled:
            gc.enable()
    return out


def _feature_table(
    table: pa.Table,
    name_columns: dict[str, pa.Array],
    in_names: list[Any],
    report: Counter,
    extra_fields: tuple[str, ...],
) -> pa.Table:
    names = _names()
    out: dict[str, Any] = dict(name_columns)
    out["unique_id"] = _ids(table)
    out["sex"] = pc.coalesce(_sex_given(table, report), name_columns["name_sex"])
    dates = [e.birth_date if e else None for e in in_names]
    out["by"], out["bm"], out["bd"] = _date_columns(table, report, dates)
    # A place of birth or a unit written into the name serves where its column is empty.
    out["place"] = _with_fallback(
        _mapped(table, "birth_place", _place, pa.string()),
        [e.birth_place if e else None for e in in_names],
        _place,
    )
    out["region"] = _mapped(table, "region", _region, pa.string())
    out["unit"] = _with_fallback(
        _optional(table, "unit", names.unit_key, report, pa.string()),
        [e.unit if e else None for e in in_names],
        names.unit_key,
    )
    table_out = pa.table({c: out[c] for c in FEATURE_COLUMNS}, schema=FEATURE_SCHEMA)
    for extra in extra_fields:
        values = [_extra_value(v) for v in _to_pylist(table, extra)]
        table_out = table_out.append_column(f"x_{extra}", pa.array(values, pa.string()))
    return table_out


def _with_fallback(given: pa.Array, texts: list[str | None], parse: Callable) -> pa.Array:
    if not any(t is not None for t in texts):
        return given
    parse = _cached(parse)
    return pc.coalesce(given, pa.array([parse(t) for t in texts], given.type))


def _ids(table: pa.Table) -> pa.Array | list[str]:
    ids = table["id"]
    if pa.types.is_string(ids.type):
        return ids.combine_chunks()
    return [str(v) for v in ids.to_pylist()]


def _extra_value(value: Any) -> str | None:
    text = _blank(value)
    return " ".join(text.lower().split()) if text else None


def _name_features(rows: list[tuple[str | None, ...]]) -> tuple[list[Any], list[int], set[tuple]]:
    """Name features: the distinct results, each row's index into them, and the distinct
    rows the parser refused; a row without a name, or a refused one, gets empty features."""
    names = _names()
    empty = names.NameFeatures()
    nameless = (None, None, None, None)
    try:
        found, index = names.features_indexed(rows)
    except Exception:  # one bad name must not sink the file: retry row by row
        return _name_features_one_by_one(rows, empty)
    if nameless in rows:
        found.append(empty)
        index = [
            len(found) - 1 if row == nameless else i for row, i in zip(rows, index, strict=True)
        ]
    return found, index, set()


def _name_features_one_by_one(
    rows: list[tuple[str | None, ...]], empty: Any
) -> tuple[list[Any], list[int], set[tuple]]:
    names = _names()
    found: list[Any] = [empty]
    at: dict[tuple, int] = {}
    index: list[int] = []
    failed: set[tuple] = set()
    for row in rows:
        if row not in at:
            at[row] = 0
            if any(row):
                try:
                    found.append(names.features_for_many([row])[0])
                    at[row] = len(found) - 1
                except Exception:
                    failed.add(row)
        index.append(at[row])
    return found, index, failed


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


def _alts(values: tuple[str, ...]) -> str | None:
    """Other values of a name part as one string, each between spaces (`` petrova ``), for
    a test with ``instr`` that DuckDB and Spark share; None when there are none."""
    return f" {' '.join(values)} " if values else None


# Shorter sound keys are too few to block on by their end alone.
SUFFIX_FROM = 5


def _suffix(key: str | None) -> str | None:
    """The last three letters of a surname's sound key, for blocking past a slip at its
    start; None for a short key."""
    return key[-3:] if key and len(key) >= SUFFIX_FROM else None


def _name_columns(feats: list[Any]) -> dict[str, pa.Array]:
    """The name columns of each of ``feats`` (and ``name_sex``, the sex the name tells)."""

    def full(value: str | None) -> str | None:
        return value if value and len(value) > 1 else None

    gn_full = [full(f.given_canon) for f in feats]
    pn_full = [full(f.patronymic_canon) for f in feats]
    gn_inits = [_inits(f.given_initial, g) for f, g in zip(feats, gn_full, strict=True)]
    pn_inits = [_inits(f.patronymic_initial, p) for f, p in zip(feats, pn_full, strict=True)]
    columns = {
        "gn_inits": gn_inits,
        "pn_inits": pn_inits,
        "gn_alt_init": [_alt_init(i) for i in gn_inits],
        "pn_alt_init": [_alt_init(i) for i in pn_inits],
        "sn_canon": [f.surname_canon or None for f in feats],
        "sn_stem": [f.surname_stem or None for f in feats],
        "sn_key": [f.surname_key or None for f in feats],
        "sn_pre": [(f.surname_key or "")[:3] or None for f in feats],
        "sn_suf": [_suffix(f.surname_key) for f in feats],
        "gn_full": gn_full,
        "gn_key": [
            (f.given_key or None) if g else None for f, g in zip(feats, gn_full, strict=True)
        ],
        "gn_init": [(f.given_initial or None) for f in feats],
        "pn_full": pn_full,
        "pn_key": [
            (f.patronymic_key or None) if p else None for f, p in zip(feats, pn_full, strict=True)
        ],
        "pn_init": [(f.patronymic_initial or None) for f in feats],
        "name_sex": [f.sex for f in feats],
        "sn_alts": [_alts(f.surname_alternates) for f in feats],
        "gn_alts": [_alts(f.given_alternates) for f in feats],
        "pn_alts": [_alts(f.patronymic_alternates) for f in feats],
    }
    return {c: pa.array(values, pa.string()) for c, values in columns.items()}


def _per_value(table: pa.Table, column: str, func: Callable[[Any], Any]) -> tuple[list, pa.Array]:
    """``func`` of each distinct value in ``column`` and, last, of None (a missing value or
    column), with each row's index into them: lists repeat their places, units, dates."""
    if column not in table.column_names:
        return [func(None)], pa.nulls(table.num_rows, pa.int32()).fill_null(0)
    encoded = pc.dictionary_encode(table[column].combine_chunks())
    results = [func(v) for v in encoded.dictionary.to_pylist()]
    results.append(func(None))
    return results, encoded.indices.fill_null(len(results) - 1)


def _mapped(
    table: pa.Table, column: str, func: Callable[[Any], Any], kind: pa.DataType
) -> pa.Array:
    """``func`` of every row's value in ``column``, called once per distinct value."""
    results, index = _per_value(table, column, func)
    return pa.array(results, kind).take(index)


def _optional(
    table: pa.Table, column: str, parse: Callable, report: Counter, kind: pa.DataType
) -> pa.Array:
    """Parsed values of an optional column; a value given but unreadable becomes None and
    is counted in ``report`` under the column's name."""
    results, index = _per_value(table, column, lambda raw: _read(raw, parse))
    _count_unreadable(results, index, column, report)
    return pa.array([value for value, _ in results], kind).take(index)


def _read(raw: Any, parse: Callable) -> tuple[Any, bool]:
    text = _blank(raw)
    value = parse(text) if text is not None else None
    return value, text is not None and value is None


def _count_unreadable(results: list, index: pa.Array, column: str, report: Counter) -> None:
    bad = [i for i, (_, unreadable) in enumerate(results) if unreadable]
    if bad:
        counted = pc.sum(pc.is_in(index, pa.array(bad, index.type))).as_py()
        report[column] += counted


def _sex_given(table: pa.Table, report: Counter) -> pa.Array:
    return _optional(
        table, "sex", lambda t: _SEX.get(t.lower().strip(".")) if t else None, report, pa.string()
    )


def _date_columns(
    table: pa.Table, report: Counter, fallback: list[str | None]
) -> tuple[pa.Array, pa.Array, pa.Array]:
    """Year, month and day of ``birth_date``; where it is missing or unreadable, of a date
    written into the full name (``fallback``)."""
    results, index = _per_value(table, "birth_date", lambda raw: _read(raw, _parse_date))
    _count_unreadable(results, index, "birth_date", report)
    dates = [value for value, _ in results]
    parts = _date_parts(dates, index)
    if not any(f is not None for f in fallback):
        return parts
    given = pa.array([d is not None for d in dates]).take(index)
    parse = _cached(_parse_date)
    other = _date_parts([parse(f) for f in fallback], pa.array(range(len(fallback)), pa.int64()))
    return tuple(pc.if_else(given, p, o) for p, o in zip(parts, other, strict=True))  # type: ignore[return-value]


def _date_parts(dates: list, index: pa.Array) -> tuple[pa.Array, pa.Array, pa.Array]:
    none = (None, None, None)
    by, bm, bd = zip(*[d or none for d in dates], strict=True) if dates else ((), (), ())
    return tuple(pa.array(part, pa.int32()).take(index) for part in (by, bm, bd))  # type: ignore[return-value]
