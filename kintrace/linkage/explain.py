"""Explanations: which field agreed how, with what weight, in plain words."""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from kintrace.linkage.model import Model

Evidence = tuple[str, str, float]


def explain(pair: dict[str, Any], model: Model | None = None) -> list[Evidence]:
    """Evidence for one scored pair: (field, level description, match weight) per field.

    ``pair`` is a result row holding ``gamma_<field>`` columns (``link(..., explain=True)``
    or :meth:`Index.search`); ``mw_<field>`` columns, when present, give the weight
    including the term-frequency adjustment. Missing fields are left out.
    """
    model = model or Model.default()
    out: list[Evidence] = []
    for field in model.levels():
        gamma = pair.get(f"gamma_{field}")
        if gamma is None or gamma == -1:
            continue
        level = model.level_for_gamma(field, int(gamma))
        weight = pair.get(f"mw_{field}")
        weight = level.weight if weight is None else float(weight)
        tf = pair.get(f"mw_tf_adj_{field}")
        weight += float(tf) if tf is not None else 0.0
        out.append((field, level.label, weight))
    return out


def sentence(evidence: list[Evidence]) -> str:
    """One plain sentence: what speaks for, what against, strongest first."""
    ranked = sorted(evidence, key=lambda e: -abs(e[2]))
    pro = [f"{label} ({w:+.1f})" for _, label, w in ranked if w > 0]
    con = [f"{label} ({w:+.1f})" for _, label, w in ranked if w < 0]
    parts = []
    if pro:
        parts.append("For: " + ", ".join(pro))
    if con:
        parts.append("against: " + ", ".join(con))
    text = "; ".join(parts) or "No comparable details"
    return text + "."


def explain_rows(result: pa.Table, model: Model) -> list[str]:
    """Explanation sentences for every row of a result table with gamma columns."""
    return [sentence(explain(row, model)) for row in result.to_pylist()]
