"""Splink comparisons and blocking rules over the derived feature columns.

Every comparison reads only columns made by :func:`kintrace.linkage.features.prepare`;
name parts are compared separately so one piece of evidence is never counted twice.
SQL is written once for DuckDB and Spark; only the Jaro-Winkler function name differs.
"""

from __future__ import annotations

from typing import Any

# Fixed m for a contradiction: a different given name or father's name (full or initial),
# or birth years far apart, almost never happen for one person (twins, father and son);
# about -60 bits, more than every other field agreeing can add (twins share them all).
CONTRADICTION_M = 1e-20

JW_FUNCTION = {"duckdb": "jaro_winkler_similarity", "spark": "jaro_winkler"}
JW_PLACEHOLDER = "JW("

# Name groups whose initial differs by script, scheme or language (Олександр, Mykola,
# Hanna, Yevhen, Jurij, Catherine): the extra letters an initial-only record may use for
# them, the Ukrainian form's first (blocking looks only at the first, see ``*_alt_init``).
ALT_INITIALS = {
    "aleksandr": "o",
    "aleksey": "o",
    "elena": "ohy",
    "anna": "hg",
    "nikolay": "m",
    "nikita": "m",
    "evgeniy": "y",
    "egor": "y",
    "efim": "y",
    "georgiy": "h",
    "grigoriy": "h",
    "gennadiy": "h",
    "galina": "h",
    "gleb": "h",
    "yuriy": "ij",
    "yakov": "ij",
    "yuliya": "ij",
    "yuliy": "ij",
    "yaroslav": "j",
    "ekaterina": "kyc",
    "igor": "",
    "elizaveta": "y",
    "evdokiya": "y",
    "iosif": "y",
    "kseniya": "o",
}


def _initials_compatible(col: str) -> str:
    """SQL: one side gives only an initial, and it is one the other's name can take."""
    return (
        f"({col}_full_l IS NULL OR {col}_full_r IS NULL) AND "
        f"(instr({col}_inits_l, {col}_init_r) > 0 OR instr({col}_inits_r, {col}_init_l) > 0)"
    )


def _alternate(value: str, alts: str) -> str:
    """SQL: one side's value is among the other side's alternates (``*_alts``: a maiden
    name in brackets, a part of a double surname, a related name group), either way
    round."""
    return (
        f"(instr({alts}_r, concat(' ', {value}_l, ' ')) > 0 "
        f"OR instr({alts}_l, concat(' ', {value}_r, ' ')) > 0)"
    )


def _initial_only(col: str) -> str:
    return f"({col}_full_l IS NULL OR {col}_full_r IS NULL)"


# A one-letter slip or a near spelling, never across sexes (Александр/Александра).
_SAME_SEX_OR_UNKNOWN = "(sex_l IS NULL OR sex_r IS NULL OR sex_l = sex_r)"


def _typo(col: str, sexed: bool, full: str | None = None) -> str:
    """SQL: a slip of one letter (two in names of seven letters or more), in the key or
    the written form (``<col>_full`` unless ``full`` names it), keeping the first letter.
    Distinct names one letter apart mostly differ at the start (Мария/Дарья,
    Галина/Марина), slips seldom do."""
    full, key = full or f"{col}_full", f"{col}_key"
    # The cheap tests first: most pairs (all the random ones u is estimated on) differ in
    # the first letter or in length, and never reach the edit distance.
    edits = " OR ".join(
        f"(left({a}_l, 1) = left({b}_r, 1) AND abs(length({a}_l) - length({b}_r)) <= 2 AND "
        f"levenshtein({a}_l, {b}_r) <= CASE WHEN least(length({a}_l), length({b}_r)) >= 7 "
        "THEN 2 ELSE 1 END)"
        for a, b in ((key, key), (full, full), (full, key), (key, full))
    )
    return f"({edits}) AND {_SAME_SEX_OR_UNKNOWN}" if sexed else f"({edits})"


def _level(
    sql: str,
    label: str,
    m: float,
    u: float,
    *,
    null: bool = False,
    tf: str | None = None,
    fix_m: bool = False,
) -> dict[str, Any]:
    level: dict[str, Any] = {"sql_condition": sql, "label_for_charts": label}
    if null:
        level["is_null_level"] = True
        return level
    level["m_probability"] = m
    level["u_probability"] = u
    if tf:
        level["tf_adjustment_column"] = tf
        level["tf_adjustment_weight"] = 1.0
        level["tf_minimum_u_value"] = 0.0001
        level["disable_tf_exact_match_detection"] = True
    if fix_m:
        level["fix_m_probability"] = True
    return level


def surname_comparison() -> dict[str, Any]:
    """Surname: canonical, gender-neutral stem, sound, swapped with given name, close."""
    levels = [
        _level("sn_stem_l IS NULL OR sn_stem_r IS NULL", "surname missing", 0, 0, null=True),
        _level("sn_canon_l = sn_canon_r", "same surname", 0.80, 0.003, tf="sn_stem"),
        _level(
            "sn_stem_l = sn_stem_r",
            "same surname, other gender or case form",
            0.03,
            0.0012,
            tf="sn_stem",
            fix_m=True,
        ),
        _level("sn_key_l = sn_key_r", "surname sounds the same", 0.05, 0.004),
        _level(
            _alternate("sn_canon", "sn_alts"),
            "surname is the other's other surname",
            0.005,
            0.00005,
            fix_m=True,
        ),
        _level(
            "sn_key_l = gn_key_r AND gn_key_l = sn_key_r",
            "surname and given name swapped",
            0.02,
            0.00001,
        ),
        _level("JW(sn_canon_l, sn_canon_r) >= 0.92", "surname nearly the same", 0.04, 0.004),
        # A slip that Jaro-Winkler scores low in a short surname (Панов/Паоов).
        _level(_typo("sn", sexed=False, full="sn_canon"), "surname one slip apart", 0.01, 0.002),
        _level("JW(sn_canon_l, sn_canon_r) >= 0.84", "surname similar", 0.02, 0.03),
        _level("ELSE", "surname different", 0.03, 0.957),
    ]
    return _comparison("surname", "Surname", levels)


def given_comparison() -> dict[str, Any]:
    """Given name: same name group (variant, diminutive, ru/uk), sound, slip, initial."""
    levels = [
        _level("gn_init_l IS NULL OR gn_init_r IS NULL", "given name missing", 0, 0, null=True),
        _level(
            "gn_full_l = gn_full_r", "same given name (or its variant)", 0.88, 0.04, tf="gn_full"
        ),
        _level("gn_key_l = gn_key_r", "given name sounds the same", 0.03, 0.01),
        _level(
            _alternate("gn_full", "gn_alts"),
            "given name related (Егор/Георгий)",
            0.003,
            0.0005,
            fix_m=True,
        ),
        _level(
            "sn_key_l = gn_key_r AND gn_key_l = sn_key_r",
            "surname and given name swapped",
            0.02,
            0.00001,
        ),
        _level(_typo("gn", sexed=True), "given name nearly the same", 0.02, 0.005),
        _level(_initials_compatible("gn"), "given name initial agrees", 0.04, 0.02),
        _level(
            _initial_only("gn"), "given name initial differs", CONTRADICTION_M, 0.05, fix_m=True
        ),
        _level("ELSE", "given name different", CONTRADICTION_M, 0.91, fix_m=True),
    ]
    return _comparison("given_name", "Given name", levels)


def patronymic_comparison() -> dict[str, Any]:
    """Father's name: same group, sound, slip, initial; a different one is a contradiction."""
    levels = [
        _level("pn_init_l IS NULL OR pn_init_r IS NULL", "father's name missing", 0, 0, null=True),
        _level("pn_full_l = pn_full_r", "same father's name", 0.90, 0.04, tf="pn_full"),
        _level("pn_key_l = pn_key_r", "father's name sounds the same", 0.03, 0.01),
        _level(
            _alternate("pn_full", "pn_alts"),
            "father's name related (Егорович/Георгиевич)",
            0.003,
            0.0005,
            fix_m=True,
        ),
        _level(_typo("pn", sexed=False), "father's name nearly the same", 0.02, 0.005),
        _level(_initials_compatible("pn"), "father's name initial agrees", 0.05, 0.03),
        _level(
            _initial_only("pn"), "father's name initial differs", CONTRADICTION_M, 0.05, fix_m=True
        ),
        _level("ELSE", "father's name different", CONTRADICTION_M, 0.90, fix_m=True),
    ]
    return _comparison("patronymic", "Father's name", levels)


def _swapped_partial(full: str, partial: str) -> str:
    """SQL: one side gives month and year only, and its month is the other's day (a date
    written month first, 12.10.1995 for 10 December, read day first)."""
    return (
        f"(bd_{partial} IS NULL AND bm_{partial} IS NOT NULL AND bd_{full} = bm_{partial} "
        f"AND bm_{full} <> bm_{partial})"
    )


def birth_date_comparison() -> dict[str, Any]:
    """Birth date at the precision both sides give; years far apart contradict."""
    same_y = "by_l = by_r"
    # The rest of the date agrees or one side does not give it.
    rest_fits = (
        "(bm_l IS NULL OR bm_r IS NULL OR (bm_l = bm_r AND (bd_l IS NULL OR bd_r IS NULL "
        "OR bd_l = bd_r)))"
    )
    levels = [
        _level("by_l IS NULL OR by_r IS NULL", "birth date missing", 0, 0, null=True),
        _level(f"{same_y} AND bm_l = bm_r AND bd_l = bd_r", "same birth date", 0.80, 0.00007),
        _level(
            f"{same_y} AND bm_l = bd_r AND bd_l = bm_r",
            "birth day and month swapped",
            0.03,
            0.00007,
        ),
        _level(
            f"{same_y} AND bm_l = bm_r AND (bd_l IS NULL OR bd_r IS NULL)",
            "same birth year and month",
            0.06,
            0.002,
        ),
        # Both give the day and it differs: a slip in the day, or a namesake that month.
        _level(f"{same_y} AND bm_l = bm_r", "same birth year and month, other day", 0.02, 0.002),
        _level(
            f"{same_y} AND ({_swapped_partial('l', 'r')} OR {_swapped_partial('r', 'l')})",
            "birth month is the other's day",
            0.01,
            0.002,
        ),
        _level(f"{same_y} AND (bm_l IS NULL OR bm_r IS NULL)", "same birth year", 0.07, 0.01),
        # A slip in the year (1963 for 1962) with day and month agreeing.
        _level(
            "abs(by_l - by_r) = 1 AND bm_l = bm_r AND bd_l = bd_r",
            "same birth day and month, year one apart",
            0.02,
            0.0001,
        ),
        # The same slip in a date written month first (04.06.1996 for 1997-04-06).
        _level(
            "abs(by_l - by_r) = 1 AND bm_l = bd_r AND bd_l = bm_r",
            "birth day and month swapped, year one apart",
            0.002,
            0.0001,
        ),
        # Both give day and month and both differ: a namesake born that year, seldom a slip.
        _level(same_y, "same birth year, other month", 0.001, 0.02, fix_m=True),
        _level(f"abs(by_l - by_r) = 1 AND {rest_fits}", "birth year one apart", 0.03, 0.02),
        _level("abs(by_l - by_r) <= 10", "birth dates within ten years", 0.0001, 0.40, fix_m=True),
        _level("ELSE", "birth years far apart", CONTRADICTION_M, 0.52, fix_m=True),
    ]
    return _comparison("birth_date", "Birth date", levels)


def _simple(name: str, col: str, desc: str, m_eq: float, u_eq: float) -> dict[str, Any]:
    levels = [
        _level(f"{col}_l IS NULL OR {col}_r IS NULL", f"{desc} missing", 0, 0, null=True),
        _level(f"{col}_l = {col}_r", f"same {desc}", m_eq, u_eq),
        _level("ELSE", f"{desc} different", 1 - m_eq, 1 - u_eq),
    ]
    return _comparison(name, desc.capitalize(), levels)


def place_comparison() -> dict[str, Any]:
    """Birth place key: exact, close, different."""
    levels = [
        _level("place_l IS NULL OR place_r IS NULL", "birth place missing", 0, 0, null=True),
        _level("place_l = place_r", "same birth place", 0.75, 0.01),
        _level("JW(place_l, place_r) >= 0.88", "birth place similar", 0.1, 0.02),
        _level("ELSE", "birth place different", 0.15, 0.97),
    ]
    return _comparison("birth_place", "Birth place", levels)


def extra_comparison(field: str) -> dict[str, Any]:
    """A plain comparison for an extra field (an identifier, address, postcode)."""
    col = f"x_{field}"
    levels = [
        _level(f"{col}_l IS NULL OR {col}_r IS NULL", f"{field} missing", 0, 0, null=True),
        _level(f"{col}_l = {col}_r", f"same {field}", 0.85, 0.01),
        _level(f"JW({col}_l, {col}_r) >= 0.9", f"{field} nearly the same", 0.08, 0.02),
        _level("ELSE", f"{field} different", 0.07, 0.97),
    ]
    return _comparison(field, field, levels)


def _comparison(name: str, desc: str, levels: list[dict[str, Any]]) -> dict[str, Any]:
    return {"output_column_name": name, "comparison_description": desc, "comparison_levels": levels}


def comparisons() -> list[dict[str, Any]]:
    """All comparisons, in the order explanations list them."""
    return [
        surname_comparison(),
        given_comparison(),
        patronymic_comparison(),
        birth_date_comparison(),
        place_comparison(),
        _simple("region", "region", "region", 0.8, 0.05),
        _simple("unit", "unit", "military unit", 0.7, 0.002),
        _simple("sex", "sex", "sex", 0.995, 0.5),
    ]


# Stable ids of the comparison levels, by (comparison, label): explanations and saved
# models refer to a level by its id, so a label can be reworded without breaking them.
# Splink's settings have no place for an id; it is kept here and in the model's
# ``.about.json``. Ids are never reused for a level of another meaning.
LEVEL_IDS: dict[tuple[str, str], str] = {
    ("surname", "surname missing"): "surname.missing",
    ("surname", "same surname"): "surname.same",
    ("surname", "same surname, other gender or case form"): "surname.same_stem",
    ("surname", "surname sounds the same"): "surname.same_sound",
    ("surname", "surname is the other's other surname"): "surname.alternate",
    ("surname", "surname and given name swapped"): "surname.swapped_with_given",
    ("surname", "surname nearly the same"): "surname.nearly_same",
    ("surname", "surname one slip apart"): "surname.slip",
    ("surname", "surname similar"): "surname.similar",
    ("surname", "surname different"): "surname.different",
    ("given_name", "given name missing"): "given_name.missing",
    ("given_name", "same given name (or its variant)"): "given_name.same_group",
    ("given_name", "given name sounds the same"): "given_name.same_sound",
    ("given_name", "given name related (Егор/Георгий)"): "given_name.related",
    ("given_name", "surname and given name swapped"): "given_name.swapped_with_surname",
    ("given_name", "given name nearly the same"): "given_name.slip",
    ("given_name", "given name initial agrees"): "given_name.initial_agrees",
    ("given_name", "given name initial differs"): "given_name.initial_differs",
    ("given_name", "given name different"): "given_name.different",
    ("patronymic", "father's name missing"): "patronymic.missing",
    ("patronymic", "same father's name"): "patronymic.same_group",
    ("patronymic", "father's name sounds the same"): "patronymic.same_sound",
    ("patronymic", "father's name related (Егорович/Георгиевич)"): "patronymic.related",
    ("patronymic", "father's name nearly the same"): "patronymic.slip",
    ("patronymic", "father's name initial agrees"): "patronymic.initial_agrees",
    ("patronymic", "father's name initial differs"): "patronymic.initial_differs",
    ("patronymic", "father's name different"): "patronymic.different",
    ("birth_date", "birth date missing"): "birth_date.missing",
    ("birth_date", "same birth date"): "birth_date.same",
    ("birth_date", "birth day and month swapped"): "birth_date.day_month_swapped",
    ("birth_date", "same birth year and month"): "birth_date.same_year_month",
    ("birth_date", "same birth year and month, other day"): "birth_date.same_year_month_other_day",
    ("birth_date", "birth month is the other's day"): "birth_date.month_is_other_day",
    ("birth_date", "same birth year"): "birth_date.same_year",
    ("birth_date", "same birth day and month, year one apart"): "birth_date.year_slip",
    ("birth_date", "birth day and month swapped, year one apart"): "birth_date.swapped_year_slip",
    ("birth_date", "same birth year, other month"): "birth_date.same_year_other_month",
    ("birth_date", "birth year one apart"): "birth_date.year_one_apart",
    ("birth_date", "birth dates within ten years"): "birth_date.within_ten_years",
    ("birth_date", "birth years far apart"): "birth_date.far_apart",
    ("birth_place", "birth place missing"): "birth_place.missing",
    ("birth_place", "same birth place"): "birth_place.same",
    ("birth_place", "birth place similar"): "birth_place.similar",
    ("birth_place", "birth place different"): "birth_place.different",
    ("region", "region missing"): "region.missing",
    ("region", "same region"): "region.same",
    ("region", "region different"): "region.different",
    ("unit", "military unit missing"): "unit.missing",
    ("unit", "same military unit"): "unit.same",
    ("unit", "military unit different"): "unit.different",
    ("sex", "sex missing"): "sex.missing",
    ("sex", "same sex"): "sex.same",
    ("sex", "sex different"): "sex.different",
}


def level_id(comparison: str, label: str) -> str | None:
    """The stable id of a level from its comparison and label; an extra field's levels
    (:func:`extra_comparison`) are ``<field>.missing``, ``.same``, ``.nearly_same``,
    ``.different``. None for a level this code does not know."""
    found = LEVEL_IDS.get((comparison, label))
    if found is not None:
        return found
    extra = {
        f"{comparison} missing": "missing",
        f"same {comparison}": "same",
        f"{comparison} nearly the same": "nearly_same",
        f"{comparison} different": "different",
    }
    return f"{comparison}.{extra[label]}" if label in extra else None


# Blocking on canonical and phonetic keys, never raw tokens, so a name written in another
# script or scheme still meets its twin. A rule: key pairs (left column, right column) and
# an optional extra SQL condition.
BlockingRule = tuple[list[tuple[str, str]], str | None]
# The rules for initials leave out pairs whose given-name initial the other name cannot
# take, which the contradiction level refuses anyway: the same pairs come out, with
# millions fewer compared on a large list (5.0M -> 0.3M for surname and father's initial).
_GIVEN_INITIALS_FIT = (
    "(l.gn_init IS NULL OR r.gn_init IS NULL OR instr(l.gn_inits, r.gn_init) > 0 "
    "OR instr(r.gn_inits, l.gn_init) > 0)"
)
_NO_PATRONYMIC_OR_DATE = "(l.pn_full IS NULL OR r.pn_full IS NULL OR l.by IS NULL OR r.by IS NULL)"
# A given name that is only an initial on one side, as one rule per side: a condition on one
# side's columns alone filters that side before the join (the left records with an initial
# against the right ones) instead of after it (40M pairs of a surname and a father's initial
# on 100k x 1M, of which 0.6M have an initial on either side).
_AN_INITIAL_LEFT = f"l.gn_full IS NULL AND {_GIVEN_INITIALS_FIT}"
_AN_INITIAL_RIGHT = f"r.gn_full IS NULL AND {_GIVEN_INITIALS_FIT}"
# Most surnames ending alike are other surnames (Иванов, Смирнов): only near spellings.
_SURNAME_SLIP = "levenshtein(l.sn_key, r.sn_key) <= 2"
BLOCKING_RULES: list[BlockingRule] = [
    ([("sn_key", "sn_key"), ("gn_full", "gn_full"), ("pn_full", "pn_full")], None),
    ([("sn_key", "sn_key"), ("gn_full", "gn_full"), ("by", "by")], None),
    ([("sn_key", "sn_key"), ("gn_full", "gn_full")], _NO_PATRONYMIC_OR_DATE),
    ([("sn_pre", "sn_pre"), ("by", "by"), ("bm", "bm"), ("bd", "bd")], None),
    ([("sn_key", "sn_key"), ("by", "by"), ("bm", "bm")], None),
    ([("sn_key", "sn_key"), ("pn_full", "pn_full"), ("by", "by")], None),
    ([("gn_init", "gn_init"), ("by", "by"), ("bm", "bm"), ("bd", "bd")], None),
    ([("gn_full", "gn_full"), ("pn_full", "pn_full"), ("by", "by")], None),
    ([("gn_full", "gn_full"), ("pn_full", "pn_full"), ("sn_pre", "sn_pre")], None),
    ([("sn_key", "gn_key"), ("gn_key", "sn_key")], None),
    ([("sn_key", "sn_key"), ("pn_init", "pn_init")], _AN_INITIAL_LEFT),
    ([("sn_key", "sn_key"), ("pn_init", "pn_init")], _AN_INITIAL_RIGHT),
    # The same with the initial of the name's other form (Ніколаев М. О. / Николаев Михаил
    # Алексеевич: Олексійович), and for a slipped surname below.
    ([("sn_key", "sn_key"), ("pn_alt_init", "pn_alt_init")], _AN_INITIAL_LEFT),
    ([("sn_key", "sn_key"), ("pn_alt_init", "pn_alt_init")], _AN_INITIAL_RIGHT),
    ([("sn_key", "sn_key"), ("by", "by")], _AN_INITIAL_LEFT),
    ([("sn_key", "sn_key"), ("by", "by")], _AN_INITIAL_RIGHT),
    # The same unit with the same surname: a slip in the given name (КОРОЛЕВ ОЛГ) or a
    # name written differently still meets its record.
    ([("sn_key", "sn_key"), ("unit", "unit")], None),
    # A slip in the surname with the given name as an initial of another script
    # (Юрченко Алексей Андреевич / Юченко О.А.): the father's initial and the full date.
    ([("pn_init", "pn_init"), ("by", "by"), ("bm", "bm"), ("bd", "bd")], None),
    # A slip in the surname's first letters (Руеднко/Руденко, Даилова/Данилова): the end
    # of its sound key with the given name and the father's name or the birth year.
    ([("sn_suf", "sn_suf"), ("gn_full", "gn_full"), ("pn_full", "pn_full")], _SURNAME_SLIP),
    ([("sn_suf", "sn_suf"), ("gn_full", "gn_full"), ("by", "by")], _SURNAME_SLIP),
    # A slip at the surname's end (Федотовйо/Федотова).
    ([("sn_pre", "sn_pre"), ("gn_full", "gn_full"), ("by", "by")], _SURNAME_SLIP),
    # A slip in a surname too short for its end to block on (Мроз/Мороз).
    ([("gn_full", "gn_full"), ("by", "by"), ("bm", "bm")], _SURNAME_SLIP),
    # A slip in a short surname with initials only (Мрооз Юлия Георгиевна / МОРОЗ Ю.Г.).
    (
        [("gn_init", "gn_init"), ("pn_init", "pn_init"), ("by", "by")],
        f"{_AN_INITIAL_LEFT} AND {_SURNAME_SLIP}",
    ),
    (
        [("gn_init", "gn_init"), ("pn_init", "pn_init"), ("by", "by")],
        f"{_AN_INITIAL_RIGHT} AND {_SURNAME_SLIP}",
    ),
    # A slip past the surname's first letters, initials only, a partial date.
    ([("sn_pre", "sn_pre"), ("gn_init", "gn_init"), ("pn_init", "pn_init"), ("by", "by")], None),
    (
        [
            ("sn_pre", "sn_pre"),
            ("gn_alt_init", "gn_alt_init"),
            ("pn_alt_init", "pn_alt_init"),
            ("by", "by"),
        ],
        None,
    ),
]


def blocking_rule_sql(rule: BlockingRule | list[tuple[str, str]]) -> str:
    """SQL for one blocking rule in Splink's l./r. form."""
    pairs, condition = rule if isinstance(rule, tuple) else (rule, None)
    sql = " AND ".join(f"l.{a} = r.{b}" for a, b in pairs)
    return f"{sql} AND {condition}" if condition else sql


def settings_dict(link_type: str = "link_only", prior: float = 1.5e-5) -> dict[str, Any]:
    """A complete Splink settings dictionary with the default parameters (DuckDB SQL)."""
    return dialect_settings(
        {
            "link_type": link_type,
            "unique_id_column_name": "unique_id",
            "probability_two_random_records_match": prior,
            "comparisons": comparisons(),
            "blocking_rules_to_generate_predictions": [
                {"blocking_rule": blocking_rule_sql(r)} for r in BLOCKING_RULES
            ],
            "retain_matching_columns": False,
            "retain_intermediate_calculation_columns": False,
            "max_iterations": 20,
            "em_convergence": 0.001,
        },
        "duckdb",
    )


def dialect_settings(settings: dict[str, Any], dialect: str) -> dict[str, Any]:
    """Render the Jaro-Winkler function of every level for the given SQL dialect."""
    import copy

    out = copy.deepcopy(settings)
    target = JW_FUNCTION[dialect] + "("
    for comp in out["comparisons"]:
        for level in comp["comparison_levels"]:
            sql = level["sql_condition"]
            for name in JW_FUNCTION.values():
                sql = sql.replace(name + "(", JW_PLACEHOLDER)
            level["sql_condition"] = sql.replace(JW_PLACEHOLDER, target)
    return out
