"""Blocking: pairs written so differently that only one rule brings them together are
still compared (then scored like any other pair)."""

from __future__ import annotations

import duckdb
import pytest

import kintrace.linkage.comparisons as comparisons
import kintrace.linkage.model as model
from kintrace.linkage import link, prepare
from kintrace.linkage.comparisons import BLOCKING_RULES, blocking_rule_sql

# (why, left record, right record): each pair shares no raw token a naive rule could use.
HARD_TO_MEET = [
    (
        "slip in the surname's first letters, no date on one side (Руеднко/Руденко)",
        {"full_name": "Руеднко Артём Евгеньевич", "birth_date": "26/01/2000"},
        {"full_name": "Руденко, Артем Евгеньевич", "unit": "VCh 38768"},
    ),
    (
        "initials of the Ukrainian form against a Russian name, no date on one side",
        {"full_name": "НИКОЛАЕВ МИХАИЛ АЛЕКСЕЕВИЧ", "birth_date": "2.12.1998"},
        {"surname": "Ніколаев", "given_name": "М.", "patronymic": "О."},
    ),
    (
        "slipped surname, Latin initials of the Ukrainian form, a year",
        {"full_name": "Соболева Валентина Євгенівна", "birth_date": "27.03.1999"},
        {"full_name": "Soboleav, V. Y.", "birth_date": "1999"},
    ),
    (
        "slip in a surname too short for its end (Мроз/Мороз)",
        {"full_name": "Мроз Федір Михайлович", "birth_date": "12.1989"},
        {"surname": "MOROZ", "given_name": "FEDIR", "birth_date": "22/12/1989"},
    ),
]


def _pair_ids(left: dict, right: dict) -> set[tuple[str, str]]:
    # Strangers around them, so that the pair is not the only one a rule could give.
    others = [
        {"id": f"x{i}", "full_name": name, "birth_date": date}
        for i, (name, date) in enumerate(
            [
                ("Морозов Федор Михайлович", "1970"),
                ("Николаев Никита Олегович", "1998"),
                ("Соболев Виктор Юрьевич", "1999"),
            ]
        )
    ]
    result = link([{"id": "L", **left}], [{"id": "R", **right}, *others], threshold=0.0)
    return set(zip(result["left_id"].to_pylist(), result["right_id"].to_pylist(), strict=True))


@pytest.mark.parametrize(("why", "left", "right"), HARD_TO_MEET, ids=[r[0] for r in HARD_TO_MEET])
def test_hard_pairs_are_compared(why, left, right):
    assert ("L", "R") in _pair_ids(left, right), why


def test_short_surname_slip_block_keeps_other_surnames_out():
    """The rule for a slip in a short surname joins on given name and birth month only
    with surname keys two edits apart at most: Мороз and Ковальчук never meet by it."""
    rule = next(r for r in BLOCKING_RULES if [a for a, _ in r[0]] == ["gn_full", "by", "bm"])
    sql = blocking_rule_sql(rule)
    feats = prepare(
        [
            {"id": "a", "full_name": "Мороз Федор", "birth_date": "12.1989"},
            {"id": "b", "full_name": "Ковальчук Федор", "birth_date": "03.12.1989"},
        ]
    )
    con = duckdb.connect()
    con.register("t", feats)
    pairs = con.execute(
        f"SELECT count(*) FROM t l JOIN t r ON l.unique_id < r.unique_id AND {sql}"  # noqa: S608
    ).fetchone()[0]
    assert pairs == 0


def test_initial_rules_drop_only_pairs_the_model_refuses(monkeypatch):
    """The initial rules skip pairs whose given-name initial cannot fit; without that
    filter the same pairs come out, the skipped ones far below any threshold."""

    left = [
        {"id": "1", "full_name": "Петренко Олександр Иванович", "birth_date": "1980"},
        {"id": "2", "full_name": "Petrenko Mykola I.", "birth_date": "1981"},
    ]
    right = [
        {"id": "a", "full_name": "Петренко О. И."},
        {"id": "b", "full_name": "Петренко В. И."},
        {"id": "c", "full_name": "Петренко Н. І.", "birth_date": "1981"},
    ]

    def pairs() -> dict[tuple[str, str], float]:
        result = link(left, right, threshold=0.0)
        return {
            (a, b): p
            for a, b, p in zip(
                result["left_id"].to_pylist(),
                result["right_id"].to_pylist(),
                result["probability"].to_pylist(),
                strict=True,
            )
        }

    filtered = pairs()
    unfiltered_rules = [
        (
            keys,
            {
                comparisons._AN_INITIAL_LEFT: "l.gn_full IS NULL",
                comparisons._AN_INITIAL_RIGHT: "r.gn_full IS NULL",
            }.get(cond, cond),
        )
        for keys, cond in comparisons.BLOCKING_RULES
    ]
    monkeypatch.setattr(model, "BLOCKING_RULES", unfiltered_rules)
    unfiltered = pairs()
    assert ("1", "a") in filtered and ("2", "c") in filtered
    assert set(filtered) < set(unfiltered)
    assert all(unfiltered[p] < 1e-6 for p in set(unfiltered) - set(filtered))
    assert all(abs(unfiltered[p] - filtered[p]) < 1e-9 for p in filtered)


def _many_people() -> tuple[list[dict], list[dict]]:
    """Two lists in which many rules find pairs: scripts, initials, slips, swapped dates."""
    from kintrace.names import transliterate

    surnames = ["Иванов", "Петренко", "Коваль", "Шевченко", "Мороз", "Соболев", "Руденко"]
    given = ["Алексей", "Олена", "Михаил", "Федір", "Виктор"]
    fathers = ["Петрович", "Ивановна", "Олексійович", ""]
    left, right = [], []
    names = [(s, g, p) for s in surnames for g in given for p in fathers]
    for n, (s, g, p) in enumerate(names):
        date = f"{1 + n % 28:02d}.{1 + n % 12:02d}.{1970 + n % 30}"
        left.append({"id": f"l{n}", "full_name": f"{s} {g} {p}".strip(), "birth_date": date})
        kind = n % 5
        if kind == 0:
            name = transliterate(f"{s} {g} {p}".strip(), "uk-kmu-2010")
        elif kind == 1:
            name = f"{s} {g[0]}. {p[:1] + '.' if p else ''}".strip()
        elif kind == 2:
            name = f"{s[0] + s[2] + s[1] + s[3:]} {g} {p}".strip()
        else:
            name = f"{g} {s}"
        swapped = f"{1 + n % 12:02d}.{1 + n % 28:02d}.{1970 + n % 30}" if kind == 3 else date
        right.append({"id": f"r{n}", "full_name": name, "birth_date": swapped if kind else ""})
    for k, (_, a, b) in enumerate(HARD_TO_MEET):
        left.append({"id": f"hl{k}", **a})
        right.append({"id": f"hr{k}", **b})
    return left, right


def _scored(result) -> dict[tuple[str, str], float]:
    columns = [result[c].to_pylist() for c in ("left_id", "right_id", "probability")]
    return {(a, b): p for a, b, p in zip(*columns, strict=True)}


@pytest.mark.parametrize("link_type", ["link_only", "dedupe_only"])
def test_pairs_blocked_at_once_are_splinks_own(monkeypatch, link_type):
    """Candidate pairs computed in one pass (each pair kept once) are those Splink's
    rule-by-rule blocking gives, and score the same."""
    import kintrace.linkage.engine as engine
    from kintrace.linkage import dedupe

    left, right = _many_people()

    def run():
        if link_type == "link_only":
            return _scored(link(left, right, threshold=0.0))
        return _scored(dedupe(left + right, threshold=0.0))

    ours = run()
    monkeypatch.setattr(engine, "_register_blocked_pairs", lambda *args: None)
    splinks = run()
    assert len(ours) > 100
    assert set(ours) == set(splinks)
    assert all(abs(ours[p] - splinks[p]) < 1e-12 for p in ours)
