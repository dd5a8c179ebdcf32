"""One-against-many: find a sought person among many records in milliseconds.

Blocking keys (the same rules as batch linkage) are precomputed into in-memory dicts;
a query scores only the few candidates, with the model's own SQL level conditions run by
DuckDB, so search and batch linkage agree.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from kintrace.linkage.comparisons import BLOCKING_RULES
from kintrace.linkage.engine import MIN_TRAIN_RECORDS
from kintrace.linkage.explain import Evidence, explain, sentence
from kintrace.linkage.features import FEATURE_COLUMNS, prepare
from kintrace.linkage.model import Model, default_frequencies

# A key shared by more records than this says little; cap it to bound query time.
MAX_PER_KEY = 5000


@dataclass
class Candidate:
    """One record found for a sought person."""

    id: str
    probability: float
    match_weight: float
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def sentence(self) -> str:
        """The evidence in plain words."""
        return sentence(self.evidence)


class Index:
    """Records indexed by blocking keys for fast one-against-many search."""

    def __init__(self, features: pa.Table, model: Model, keys: list[dict], tf: dict):
        self.features = features
        self.model = model
        self._keys = keys
        self._tf = tf
        self._sql = _scoring_sql(model)
        self._con = duckdb.connect()
        self._con.execute("SET threads = 1")

    @classmethod
    def build(cls, records: Any, *, model: Model | None = None) -> Index:
        """Index records (any table :func:`prepare` accepts, or prepared features)."""
        feats = records
        if not (
            isinstance(records, pa.Table) and set(FEATURE_COLUMNS) <= set(records.column_names)
        ):
            feats = prepare(records)
        feats = feats.select(list(FEATURE_COLUMNS))
        model = model or Model.default()
        keys = [_key_dict(feats, [b for _, b in pairs]) for pairs, _ in BLOCKING_RULES]
        if feats.num_rows < MIN_TRAIN_RECORDS:  # too few to count: population shares
            shares = default_frequencies()
            tf = {col: shares.get(col, {}) for col in model.tf_columns()}
        else:
            tf = {col: _frequencies(feats, col) for col in model.tf_columns()}
        return cls(feats, model, keys, tf)

    def __len__(self) -> int:
        return self.features.num_rows

    def candidates(self, person: dict[str, Any]) -> np.ndarray:
        """Row numbers of records sharing at least one blocking key with ``person``."""
        found = []
        for (pairs, _), keys in zip(BLOCKING_RULES, self._keys, strict=True):
            key = tuple(person[a] for a, _ in pairs)
            if any(v is None for v in key):
                continue
            rows = keys.get(key)
            if rows is not None:
                found.append(rows[:MAX_PER_KEY])
        if not found:
            return np.empty(0, dtype=np.int64)
        return np.unique(np.concatenate(found))

    def search(
        self, person: dict[str, Any], top: int = 10, threshold: float = 0.0
    ) -> list[Candidate]:
        """The ``top`` best records for one person (a dict of the input columns)."""
        row = prepare([{"id": "query", **person}]).to_pylist()[0]
        rows = self.candidates(row)
        if rows.size == 0:
            return []
        cands = self.features.take(pa.array(rows))
        scored = self._score(row, cands)
        scored.sort(key=lambda c: -c.probability)
        return [c for c in scored if c.probability >= threshold][:top]

    def _score(self, row: dict[str, Any], cands: pa.Table) -> list[Candidate]:
        left = pa.table(
            {f"{c}_l": [row[c]] for c in FEATURE_COLUMNS}, schema=_suffixed(cands.schema, "_l")
        )
        right = cands.rename_columns([f"{c}_r" for c in cands.column_names])
        self._con.register("l_side", left)
        self._con.register("r_side", right)
        gammas = self._con.sql(self._sql).to_arrow_table().to_pylist()
        out = []
        for g in gammas:
            pair = {**g, **self._tf_adjustments(row, g)}
            ev = explain(pair, self.model)
            weight = math.log2(self.model.prior / (1 - self.model.prior)) + sum(e[2] for e in ev)
            out.append(Candidate(g["unique_id_r"], _probability(weight), weight, ev))
        return out

    def _tf_adjustments(self, row: dict[str, Any], g: dict[str, Any]) -> dict[str, float]:
        """Splink's term-frequency adjustment for exact-level agreements."""
        adj = {}
        for comp in self.model.levels():
            gamma = g.get(f"gamma_{comp}")
            if gamma is None or gamma == -1:
                continue
            level = self.model.level_for_gamma(comp, gamma)
            if not level.tf_column or not level.u:
                continue
            freqs = self._tf[level.tf_column]
            f = max(freqs.get(row[level.tf_column], 0.0), freqs.get(g[f"{level.tf_column}_r"], 0.0))
            if f > 0:
                adj[f"mw_tf_adj_{comp}"] = math.log2(level.u / max(f, 0.0001))
        return adj


def compare(a: dict[str, Any], b: dict[str, Any], *, model: Model | None = None) -> Candidate:
    """Score two people (dicts of the input columns) directly, without blocking."""
    index = Index.build([{"id": "b", **b}], model=model)
    row = prepare([{"id": "a", **a}]).to_pylist()[0]
    return index._score(row, index.features)[0]


def _probability(weight: float) -> float:
    if weight >= 0:
        return 1.0 / (1.0 + 2.0**-weight)
    return 2.0**weight / (1.0 + 2.0**weight)


def _suffixed(schema: pa.Schema, suffix: str) -> pa.Schema:
    return pa.schema([(f.name + suffix, f.type) for f in schema])


def _key_dict(feats: pa.Table, cols: list[str]) -> dict[tuple, np.ndarray]:
    """Key tuple -> row numbers, for rows where no key part is null."""
    t = feats.select(cols).append_column("__row", pa.array(np.arange(feats.num_rows)))
    mask = None
    for c in cols:
        valid = pc.is_valid(t[c])
        mask = valid if mask is None else pc.and_(mask, valid)
    grouped = t.filter(mask).group_by(cols).aggregate([("__row", "list")])
    values = [grouped[c].to_pylist() for c in cols]
    rows = grouped["__row_list"].to_pylist()
    return {key: np.asarray(r) for key, r in zip(zip(*values, strict=True), rows, strict=True)}


def _frequencies(feats: pa.Table, col: str) -> dict[str, float]:
    values = [v for v in feats[col].to_pylist() if v is not None]
    total = len(values) or 1
    return {k: n / total for k, n in Counter(values).items()}


def _scoring_sql(model: Model) -> str:
    """SELECT of every gamma column, from the model's own level conditions."""
    settings = model.for_link_type("link_only")
    cases = []
    for comp in settings["comparisons"]:
        levels = comp["comparison_levels"]
        non_null = [lv for lv in levels if not lv.get("is_null_level")]
        whens = []
        for lv in levels:
            sql = lv["sql_condition"]
            gamma = -1 if lv.get("is_null_level") else len(non_null) - 1 - non_null.index(lv)
            whens.append(
                f"ELSE {gamma}" if sql.strip().upper() == "ELSE" else f"WHEN {sql} THEN {gamma}"
            )
        cases.append(f"CASE {' '.join(whens)} END AS gamma_{comp['output_column_name']}")
    tf_cols = model.tf_columns()
    extra = "".join(f", r_side.{c}_r" for c in tf_cols)
    # The SQL comes from the model's own conditions, never from input text.
    select = f"SELECT r_side.unique_id_r{extra}, {', '.join(cases)}"
    return select + " FROM l_side CROSS JOIN r_side"  # noqa: S608
