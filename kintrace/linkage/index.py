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
from kintrace.names.variants import warm_up

# The condition of each rule that has one, by the rule's position: run on the candidates
# those rules found (the SQL is the rules' own, never input text).
_CONDITIONS = (
    "CASE r.__rule "
    + " ".join(f"WHEN {i} THEN ({c})" for i, (_, c) in enumerate(BLOCKING_RULES) if c)
    + " END"
)
# A key shared by more records than this says little; cap it to bound query time.
MAX_PER_KEY = 5000
TF_MINIMUM = 0.0001  # Splink's tf_minimum_u_value in the comparisons


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
        # rigour's tagger (seconds, once per process) loads here, not in the first query
        # with a name only it knows: a query takes milliseconds.
        warm_up()
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
        """Row numbers of records sharing at least one blocking key with ``person`` (and
        meeting that rule's condition, as in batch linkage)."""
        found, conditional = [], []
        for i, ((pairs, condition), keys) in enumerate(
            zip(BLOCKING_RULES, self._keys, strict=True)
        ):
            key = tuple(person[a] for a, _ in pairs)
            if any(v is None for v in key):
                continue
            rows = keys.get(key)
            if rows is None:
                continue
            if condition:
                conditional.append((i, rows[:MAX_PER_KEY]))
            else:
                found.append(rows[:MAX_PER_KEY])
        if conditional:
            found.append(self._meeting_conditions(person, conditional))
        if not found:
            return np.empty(0, dtype=np.int64)
        return np.unique(np.concatenate(found))

    def _meeting_conditions(self, person: dict[str, Any], hits: list[tuple[int, Any]]) -> Any:
        """Of the rows found by rules with a condition, those meeting it, in one query."""
        rules = np.concatenate([np.full(len(r), i) for i, r in hits])
        rows = np.concatenate([r for _, r in hits])
        left = pa.table({c: [person[c]] for c in FEATURE_COLUMNS}, schema=self.features.schema)
        right = self.features.take(pa.array(rows))
        right = right.append_column("__row", pa.array(rows)).append_column(
            "__rule", pa.array(rules)
        )
        self._con.register("q_l", left)
        self._con.register("q_r", right)
        return self._con.sql(
            f"SELECT r.__row FROM q_l AS l, q_r AS r WHERE {_CONDITIONS}"  # noqa: S608
        ).fetchnumpy()["__row"]

    def search(
        self, person: dict[str, Any], top: int = 10, threshold: float = 0.0
    ) -> list[Candidate]:
        """The ``top`` best records for one person (a dict of the input columns)."""
        row = prepare([{"id": "query", **person}]).to_pylist()[0]
        rows = self.candidates(row)
        if rows.size == 0:
            return []
        gammas = self._gammas(row, self.features.take(pa.array(rows)))
        weights = self._weights(row, gammas)
        best = np.argsort(-weights, kind="stable")[:top]
        found = [self._candidate(row, gammas, i, weights[i]) for i in best]
        return [c for c in found if c.probability >= threshold]

    def _gammas(self, row: dict[str, Any], cands: pa.Table) -> dict[str, np.ndarray]:
        """Gamma (level) per comparison for each candidate, from the model's SQL."""
        left = pa.table(
            {f"{c}_l": [row[c]] for c in FEATURE_COLUMNS}, schema=_suffixed(cands.schema, "_l")
        )
        right = cands.rename_columns([f"{c}_r" for c in cands.column_names])
        self._con.register("l_side", left)
        self._con.register("r_side", right)
        return self._con.sql(self._sql).fetchnumpy()

    def _weights(self, row: dict[str, Any], gammas: dict[str, np.ndarray]) -> np.ndarray:
        """Total match weight per candidate: prior, level weights, term frequencies."""
        prior = self.model.prior
        total = np.full(len(gammas["unique_id_r"]), math.log2(prior / (1 - prior)))
        for comp, table in self._level_weights.items():
            g = np.asarray(gammas[f"gamma_{comp}"], dtype=np.int64)
            total += table[g + 1]
        for comp, gamma, col, u in self._tf_levels:
            hit = np.flatnonzero(np.asarray(gammas[f"gamma_{comp}"]) == gamma)
            for i in hit:
                adj = self._tf_adjustment(row[col], gammas[f"{col}_r"][i], u, col)
                total[i] += adj or 0.0
        return total

    def _tf_adjustment(
        self, left: str | None, right: str | None, u: float, col: str
    ) -> float | None:
        """Splink's term-frequency adjustment: log2(u / frequency of the agreed value)."""
        freqs = self._tf[col]
        f = max(freqs.get(left, 0.0), freqs.get(right, 0.0))
        return math.log2(u / max(f, TF_MINIMUM)) if f > 0 else None

    def _candidate(self, row, gammas, i: int, weight: float) -> Candidate:
        pair = {k: (v[i].item() if hasattr(v[i], "item") else v[i]) for k, v in gammas.items()}
        for comp, gamma, col, u in self._tf_levels:
            if pair[f"gamma_{comp}"] == gamma:
                pair[f"mw_tf_adj_{comp}"] = self._tf_adjustment(row[col], pair[f"{col}_r"], u, col)
        evidence = explain(pair, self.model)
        return Candidate(str(pair["unique_id_r"]), _probability(weight), float(weight), evidence)

    @property
    def _level_weights(self) -> dict[str, np.ndarray]:
        """Per comparison: weight by gamma + 1 (index 0 is the null level)."""
        if not hasattr(self, "_lw"):
            self._lw = {}
            for comp, levels in self.model.levels().items():
                n = len([lv for lv in levels if not lv.is_null])
                table = np.zeros(n + 1)
                for g in range(n):
                    table[g + 1] = self.model.level_for_gamma(comp, g).weight
                self._lw[comp] = table
        return self._lw

    @property
    def _tf_levels(self) -> list[tuple[str, int, str, float]]:
        """Levels with a term-frequency adjustment: (comparison, gamma, tf column, u)."""
        if not hasattr(self, "_tfl"):
            self._tfl = []
            for comp, levels in self.model.levels().items():
                n = len([lv for lv in levels if not lv.is_null])
                for g in range(n):
                    lv = self.model.level_for_gamma(comp, g)
                    if lv.tf_column and lv.u:
                        self._tfl.append((comp, g, lv.tf_column, lv.u))
        return self._tfl


def compare(a: dict[str, Any], b: dict[str, Any], *, model: Model | None = None) -> Candidate:
    """Score two people (dicts of the input columns) directly, without blocking."""
    index = Index.build([{"id": "b", **b}], model=model)
    row = prepare([{"id": "a", **a}]).to_pylist()[0]
    gammas = index._gammas(row, index.features)
    return index._candidate(row, gammas, 0, index._weights(row, gammas)[0])


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
