"""Batch linkage with Splink on DuckDB: train, link two tables, dedupe one table."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

import duckdb
import pyarrow as pa

from kintrace.linkage.comparisons import blocking_rule_sql
from kintrace.linkage.explain import explain_rows
from kintrace.linkage.features import FEATURE_COLUMNS, FEATURES_VERSION, prepare
from kintrace.linkage.model import Model, default_frequencies

Progress = Callable[[str], None]

# Below this many records on the smaller side, EM and u sampling are noise: use defaults.
MIN_TRAIN_RECORDS = 5000
U_PAIRS = 3e6
EM_PAIRS = 4e5
# Deterministic rules for the prior: same full name and birth date admit ~no false pairs.
PRIOR_RULES = [
    [("sn_stem", "sn_stem"), ("gn_full", "gn_full"), ("by", "by"), ("bm", "bm"), ("bd", "bd")],
]
PRIOR_RECALL = 0.6
EM_RULES = [
    [("sn_stem", "sn_stem"), ("gn_full", "gn_full")],
    [("by", "by"), ("bm", "bm"), ("bd", "bd")],
]


def _as_features(people: Any, extra_fields: tuple[str, ...] = ()) -> pa.Table:
    if isinstance(people, pa.Table) and set(FEATURE_COLUMNS) <= set(people.column_names):
        return people
    return prepare(people, extra_fields=extra_fields)


def _linker(tables: list[pa.Table], settings: dict[str, Any], con=None):
    """A Splink linker over ``tables``, and the database API that holds them (other tables,
    such as labels and term-frequency lookups, are registered through it)."""
    from splink import DuckDBAPI, Linker

    db = DuckDBAPI(connection=con or duckdb.connect())
    names = ["a_left", "b_right"] if len(tables) == 2 else ["people"]
    sdfs = [db.register(t, dataset_display_name=n) for t, n in zip(tables, names, strict=True)]
    linker = Linker(sdfs if len(sdfs) > 1 else sdfs[0], settings, log_level=logging.WARNING)
    return linker, db


def _quiet_splink() -> None:
    for name in ("splink", "splink.internals"):
        logging.getLogger(name).setLevel(logging.ERROR)


def train(
    left: Any,
    right: Any | None = None,
    *,
    labels: pa.Table | None = None,
    start: Model | None = None,
    seed: int = 1,
    u_pairs: float = U_PAIRS,
    em_pairs: float = EM_PAIRS,
    extra_fields: tuple[str, ...] = (),
    contradictions: str = "fixed",
) -> Model:
    """Train a model: u by random sampling, m by EM (or from labelled pairs), the prior
    from deterministic rules. ``right=None`` trains for deduplication of ``left``.

    ``labels`` (columns unique_id_l, source_dataset_l, unique_id_r, source_dataset_r,
    clerical_match_score) replaces EM for m. ``extra_fields`` adds a plain comparison per
    named column. Contradiction levels keep their fixed m unless ``contradictions`` is
    ``"learned"`` (see :meth:`Model.with_learned_contradictions`).
    """
    _quiet_splink()
    tables = [_as_features(left, extra_fields)]
    tables += [_as_features(right, extra_fields)] if right is not None else []
    link_type = "link_only" if right is not None else "dedupe_only"
    start = (start or Model.default()).with_extra_fields(list(extra_fields))
    if contradictions == "learned":
        start = start.with_learned_contradictions()
    linker, db = _linker(tables, start.for_link_type(link_type))
    linker.training.estimate_u_using_random_sampling(max_pairs=u_pairs, seed=seed)
    _estimate_prior(linker)
    if labels is not None:
        sdf = db.register(labels, dataset_display_name="labels")
        linker.training.estimate_m_from_pairwise_labels(sdf)
    else:
        for rule in EM_RULES:
            linker.training.estimate_parameters_using_expectation_maximisation(
                blocking_rule_sql(rule), max_pairs=em_pairs, record_sample_proportion=0.05
            )
    settings = linker.misc.save_model_to_json()
    sizes = [t.num_rows for t in tables]
    about = {"features_version": FEATURES_VERSION, "records": sizes, "labels": labels is not None}
    return Model(settings, about).regularised()


def _estimate_prior(linker) -> None:
    try:
        linker.training.estimate_probability_two_random_records_match(
            [blocking_rule_sql(r) for r in PRIOR_RULES], recall=PRIOR_RECALL
        )
    except Exception as exc:  # no deterministic pair at all: keep the starting prior
        logging.getLogger(__name__).info("prior kept: %s", exc)


def choose_model(tables: list[pa.Table], model: Model | None, progress: Progress) -> Model:
    """The given model, else a trained one when the data is large enough, else the default."""
    if model is not None:
        return model
    progress("train")
    return _auto_model(tables, Model.default())


def _auto_model(tables: list[pa.Table], start: Model) -> Model:
    if min(t.num_rows for t in tables) < MIN_TRAIN_RECORDS:
        return _with_counted_prior(tables, start)
    right = tables[1] if len(tables) > 1 else None
    return train(tables[0], right, start=start)


# Fewer sure pairs than this say too little about the input: the model's prior stays.
MIN_SURE_PAIRS = 5


def _with_counted_prior(tables: list[pa.Table], model: Model) -> Model:
    """The model with the prior of these inputs: pairs agreeing on surname, given name and
    full birth date (almost never different people), over the share of true pairs such a
    rule finds (PRIOR_RECALL), over all pairs. Training does the same through Splink; here
    the input is too small to train, but not to count. A list that mostly holds the sought
    people gets a higher prior than one that holds few of them."""
    con = duckdb.connect()
    for name, table in zip(("a", "b"), tables, strict=False):
        con.register(name, table.select([c for c, _ in PRIOR_RULES[0]]))
    on = " AND ".join(f"a.{c} = b.{c}" for c, _ in PRIOR_RULES[0])
    if len(tables) > 1:
        total = tables[0].num_rows * tables[1].num_rows
        sql = f"SELECT count(*) FROM a JOIN b ON {on}"  # noqa: S608
    else:
        n = tables[0].num_rows
        total = n * (n - 1) // 2
        on = on.replace("b.", "a2.")
        sql = (
            "SELECT count(*) FROM (SELECT *, row_number() OVER () AS rn FROM a) a "  # noqa: S608
            "JOIN (SELECT *, row_number() OVER () AS rn FROM a) a2 "
            f"ON {on} AND a.rn < a2.rn"
        )
    sure = con.execute(sql).fetchall()[0][0]
    if sure < MIN_SURE_PAIRS or not total:
        return model
    prior = min(sure / PRIOR_RECALL / total, 0.5)
    return model.with_prior(prior, f"{sure} pairs agreeing on name and birth date")


def _noop(_: str) -> None:
    return None


def link(
    left: Any,
    right: Any,
    *,
    threshold: float = 0.5,
    explain: bool = False,
    model: Model | None = None,
    progress: Progress | None = None,
    extra_fields: tuple[str, ...] = (),
    extra_blocking: tuple[str, ...] = (),
) -> pa.Table:
    """Link two people tables; return candidate pairs at or above ``threshold``.

    Columns ``left_id``, ``right_id``, ``probability``, ``match_weight`` (plus
    ``explanation`` when ``explain``), ordered by left_id then probability, highest first.
    ``extra_fields`` names other columns to compare as plain text (e.g. an address);
    ``extra_blocking`` those of them that also generate candidate pairs when equal.
    The model used is in the result's schema metadata (``Model.of_result``).
    """
    progress = progress or _noop
    progress("normalise")
    tables = [_as_features(left, extra_fields), _as_features(right, extra_fields)]
    if model is None and extra_fields:
        model = _auto_model(tables, Model.default().with_extra_fields(list(extra_fields)))
    blocking = [f"l.x_{f} = r.x_{f}" for f in extra_blocking]
    return _predict(tables, "link_only", threshold, explain, model, progress, blocking)


def dedupe(
    people: Any,
    *,
    threshold: float = 0.5,
    explain: bool = False,
    model: Model | None = None,
    progress: Progress | None = None,
) -> pa.Table:
    """Find pairs within one table that are the same person; each pair once (left < right)."""
    progress = progress or _noop
    progress("normalise")
    return _predict([_as_features(people)], "dedupe_only", threshold, explain, model, progress)


def _predict(tables, link_type, threshold, explain, model, progress, blocking=()) -> pa.Table:
    _quiet_splink()
    chosen = choose_model(tables, model, progress)
    if chosen.features_version != FEATURES_VERSION:
        logging.getLogger(__name__).warning(
            "model trained on features version %s, the columns are version %s: train it again",
            chosen.features_version,
            FEATURES_VERSION,
        )
    settings = chosen.for_link_type(link_type)
    settings["blocking_rules_to_generate_predictions"] += [{"blocking_rule": b} for b in blocking]
    settings["retain_intermediate_calculation_columns"] = explain
    settings["retain_matching_columns"] = explain
    con = duckdb.connect()
    linker, db = _linker(tables, settings, con)
    if min(t.num_rows for t in tables) < MIN_TRAIN_RECORDS:
        _register_lookups(linker, db, population_lookups(tables, chosen))
    progress("predict")
    rules = [r["blocking_rule"] for r in settings["blocking_rules_to_generate_predictions"]]
    _register_blocked_pairs(linker, db, con, rules, link_type)
    pairs = linker.inference.predict(threshold_match_probability=threshold)
    result = _ordered(pairs.as_duckdbpyrelation(), link_type, explain)
    if explain:
        result = result.append_column("explanation", pa.array(explain_rows(result, chosen)))
    keep = ["left_id", "right_id", "probability", "match_weight"]
    keep += [c for c in result.column_names if c.startswith(("gamma_", "mw_", "tf_"))]
    keep += ["explanation"] if explain else []
    table = result.select(keep)
    meta = {
        b"kintrace_model": json.dumps(chosen.settings).encode(),
        b"kintrace_model_about": json.dumps(chosen.about()).encode(),
    }
    return table.replace_schema_metadata(meta)


BLOCKED_PAIRS_TABLE = "__kintrace_blocked_pairs"


def blocked_pairs_sql(rules: list[str], link_type: str) -> str:
    """The candidate pairs of all ``rules`` in Splink's blocked-pairs form (``match_key``:
    the first rule that finds the pair; ``join_key_l``, ``join_key_r``), as one query.

    Splink's own blocking makes each rule leave out the pairs of every rule before it, a
    test that grows with the square of the rules (23 here); this query joins rule by rule
    and keeps each pair once, with the same pairs and keys.
    """
    from splink.internals.unique_id_concat import CONCAT_SEPARATOR

    if link_type == "link_only":
        tables, keep = ("a_left", "b_right"), ""
        keys = (
            f"'a_left{CONCAT_SEPARATOR}' || lid AS join_key_l, "
            f"'b_right{CONCAT_SEPARATOR}' || rid AS join_key_r"
        )
    else:
        tables, keep = ("people", "people"), " AND l.unique_id < r.unique_id"
        keys = "lid AS join_key_l, rid AS join_key_r"
    joins = " UNION ALL ".join(
        f"SELECT {k} AS k, l.unique_id AS lid, r.unique_id AS rid "  # noqa: S608
        f"FROM {tables[0]} AS l JOIN {tables[1]} AS r ON ({rule}){keep}"
        for k, rule in enumerate(rules)
    )
    return (
        f"SELECT CAST(min(k) AS VARCHAR) AS match_key, {keys} "  # noqa: S608
        f"FROM ({joins}) GROUP BY lid, rid"
    )


def _register_blocked_pairs(linker, db, con, rules: list[str], link_type: str) -> None:
    """Compute the candidate pairs once (:func:`blocked_pairs_sql`) and hand them to Splink
    through ``register_blocked_pairs_for_predict``: it scores these instead of blocking."""
    if not rules:
        return
    con.execute(f"CREATE TABLE {BLOCKED_PAIRS_TABLE} AS {blocked_pairs_sql(rules, link_type)}")
    sdf = db.register(BLOCKED_PAIRS_TABLE, dataset_display_name="blocked_pairs")
    linker.table_management.register_blocked_pairs_for_predict(sdf)


def population_lookups(tables: list[pa.Table], model: Model) -> dict[str, pa.Table]:
    """Term-frequency lookups from the packaged population shares, for the values present.

    Small inputs cannot count how common a name is; a value not in the shares gets no
    adjustment (the level's average weight).
    """
    shares = default_frequencies()
    lookups = {}
    for col in model.tf_columns():
        known = shares.get(col, {})
        values = sorted({v for t in tables for v in t[col].to_pylist() if v in known})
        lookups[col] = pa.table(
            {col: values, f"tf_{col}": [known[v] for v in values]},
            schema=pa.schema([(col, pa.string()), (f"tf_{col}", pa.float64())]),
        )
    return lookups


def _register_lookups(linker, db, lookups: dict[str, pa.Table], convert=lambda t: t) -> None:
    """Term-frequency lookups registered through the linker's database API ``db`` (Splink 5:
    ``db_api.register`` then ``register_term_frequency_lookup``)."""
    for col, table in lookups.items():
        sdf = db.register(convert(table), dataset_display_name=f"tf_lookup_{col}")
        linker.table_management.register_term_frequency_lookup(sdf, col)


def _ordered(rel, link_type: str, explain: bool) -> pa.Table:
    extra = ", COLUMNS('^(gamma|mw|tf)_.*')" if explain else ""
    if link_type == "link_only":
        flip = "source_dataset_l <> 'a_left'"
        ids = (
            f"CASE WHEN {flip} THEN unique_id_r ELSE unique_id_l END AS left_id, "
            f"CASE WHEN {flip} THEN unique_id_l ELSE unique_id_r END AS right_id"
        )
    else:
        ids = (
            "least(unique_id_l, unique_id_r) AS left_id, "
            "greatest(unique_id_l, unique_id_r) AS right_id"
        )
    select = f"SELECT {ids}, match_probability AS probability, match_weight{extra}"
    sql = select + " FROM rel ORDER BY left_id, probability DESC, right_id"  # noqa: S608
    con = duckdb.connect()
    con.register("rel", rel.to_arrow_table())
    return con.sql(sql).to_arrow_table()
