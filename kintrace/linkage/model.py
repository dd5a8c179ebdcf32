"""The linkage model: a Splink settings dictionary with trained m and u probabilities."""

from __future__ import annotations

import copy
import json
import math
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from kintrace.linkage.comparisons import (
    BLOCKING_RULES,
    blocking_rule_sql,
    dialect_settings,
    extra_comparison,
    level_id,
    settings_dict,
)
from kintrace.linkage.features import FEATURES_VERSION
from kintrace.linkage.io import whole_file

DEFAULT_MODEL_FILE = "default_model.json"
DEFAULT_FREQUENCIES_FILE = "frequencies.json"
# Least m of a field's "different" level: real lists record units, places and regions
# wrongly or after a transfer, so disagreement there is weak evidence, whatever the data.
ELSE_M_FLOOR = {"surname": 0.005, "birth_place": 0.1, "region": 0.1, "unit": 0.15, "sex": 0.01}
U_FLOOR = 1e-6
# Trailing levels that are disagreements (weight may go below zero); all others agree.
DISAGREEMENT_LEVELS = {"birth_date": 4, "given_name": 2, "patronymic": 2}


@dataclass(frozen=True)
class Level:
    """One comparison level: its label, m, u, whether it is the null level, and its stable
    ``id`` (``"birth_date.day_month_swapped"``; see ``comparisons.LEVEL_IDS``)."""

    label: str
    m: float | None
    u: float | None
    is_null: bool
    tf_column: str | None
    id: str | None = None

    @property
    def weight(self) -> float:
        """Match weight (log2 of m/u) of this level; 0 for the null level."""
        if self.is_null or not self.m or not self.u:
            return 0.0
        return math.log2(self.m / self.u)


@dataclass
class Model:
    """A trained (or default) linkage model, stored as Splink settings JSON."""

    settings: dict[str, Any]
    trained_on: dict[str, Any] = field(default_factory=dict)
    # Level ids as saved with the model, per comparison in level order (see save()).
    level_ids: dict[str, list[str | None]] = field(default_factory=dict)

    @classmethod
    def default(cls) -> Model:
        """The packaged model trained on the synthetic generator's data."""
        data = resources.files("kintrace.linkage.data")
        try:
            model = cls.from_json(data.joinpath(DEFAULT_MODEL_FILE).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls(settings_dict(), {"features_version": FEATURES_VERSION})
        about = data.joinpath(_about_name(DEFAULT_MODEL_FILE))
        if about.is_file():
            model._read_about(about.read_text(encoding="utf-8"))
        return model

    @classmethod
    def untrained(cls, link_type: str = "link_only") -> Model:
        """The hand-set starting parameters, before any training."""
        return cls(settings_dict(link_type), {"features_version": FEATURES_VERSION})

    @classmethod
    def load(cls, path: str | Path) -> Model:
        """Load a model saved with :meth:`save` (and its ``.about.json`` if present)."""
        path = Path(path)
        model = cls.from_json(path.read_text(encoding="utf-8"))
        about = _about_path(path)
        if about.exists():
            model._read_about(about.read_text(encoding="utf-8"))
        return model

    def _read_about(self, text: str) -> None:
        about = json.loads(text)
        self.level_ids = about.pop("level_ids", {})
        self.trained_on = about

    @classmethod
    def from_json(cls, text: str) -> Model:
        """Build a model from Splink settings JSON."""
        return cls(json.loads(text))

    def save(self, path: str | Path) -> None:
        """Save as Splink settings JSON, readable by ``splink.Linker(..., path)``; what it
        was trained on, the features version and the level ids go beside it in
        ``<name>.about.json`` (Splink's settings have no place for them)."""
        path = Path(path)
        _write_whole(path, json.dumps(self.settings, indent=2, ensure_ascii=False))
        _write_whole(_about_path(path), json.dumps(self.about(), indent=2))

    def about(self) -> dict[str, Any]:
        """What is saved beside the settings: the features version, what the model was
        trained on (records, prior's source) and the level ids."""
        about = {"features_version": self.features_version, **self.trained_on}
        about["level_ids"] = {c: [lv.id for lv in lvs] for c, lvs in self.levels().items()}
        return about

    @classmethod
    def of_result(cls, result: Any) -> Model:
        """The model that scored a result of ``link`` or ``dedupe`` (kept in its schema
        metadata), to save beside the pairs."""
        meta = result.schema.metadata or {}
        model = cls(json.loads(meta[b"kintrace_model"]))
        if b"kintrace_model_about" in meta:
            model._read_about(meta[b"kintrace_model_about"].decode())
        return model

    @property
    def features_version(self) -> int:
        """The ``FEATURES_VERSION`` of the columns this model was trained on (1: before
        the version was recorded)."""
        return int(self.trained_on.get("features_version", 1))

    def with_extra_fields(self, fields: list[str]) -> Model:
        """This model plus an untrained plain comparison for each extra field."""
        settings = copy.deepcopy(self.settings)
        have = {c["output_column_name"] for c in settings["comparisons"]}
        settings["comparisons"] += [extra_comparison(f) for f in fields if f not in have]
        return Model(settings, dict(self.trained_on))

    def with_prior(self, prior: float, source: str) -> Model:
        """This model with another prior (the probability that two random records are the
        same person), noting in ``trained_on`` where it came from."""
        settings = copy.deepcopy(self.settings)
        settings["probability_two_random_records_match"] = prior
        return Model(settings, {**self.trained_on, "prior_from": source}, dict(self.level_ids))

    def with_learned_contradictions(self) -> Model:
        """Let training estimate the contradiction levels instead of keeping them fixed.

        For data whose duplicates replace whole values (FEBRL's synthetic corruptions);
        kintrace's lists keep them fixed so that twins and father and son stay apart.
        """
        settings = copy.deepcopy(self.settings)
        for comp in settings["comparisons"]:
            for lv in comp["comparison_levels"]:
                if lv.pop("fix_m_probability", False):
                    lv["m_probability"] = 0.01
        return Model(settings, dict(self.trained_on))

    def extra_fields(self) -> list[str]:
        """Extra fields this model compares (columns ``x_<field>``)."""
        out = []
        for comp in self.settings["comparisons"]:
            sql = comp["comparison_levels"][0]["sql_condition"]
            if sql.startswith("x_"):
                out.append(comp["output_column_name"])
        return out

    def regularised(self) -> Model:
        """Guard trained parameters against what a sample cannot show.

        A partial agreement never weighs more than the field's full agreement nor counts
        against, u is never zero, and disagreement on fields often written wrong stays weak
        (ELSE_M_FLOOR).
        """
        settings = copy.deepcopy(self.settings)
        for comp in settings["comparisons"]:
            levels = [lv for lv in comp["comparison_levels"] if not lv.get("is_null_level")]
            for lv in levels:
                if lv.get("u_probability") is not None:
                    lv["u_probability"] = max(lv["u_probability"], U_FLOOR)
            floor = ELSE_M_FLOOR.get(comp["output_column_name"])
            if floor and levels[-1].get("m_probability") is not None:
                levels[-1]["m_probability"] = max(levels[-1]["m_probability"], floor)
            _cap_partial_levels(levels)
            n_agree = len(levels) - DISAGREEMENT_LEVELS.get(comp["output_column_name"], 1)
            for lv in levels[:n_agree]:  # a partial agreement never counts against
                m, u = lv.get("m_probability"), lv.get("u_probability")
                if m is not None and u and m < u:
                    lv["m_probability"] = u
        return Model(settings, dict(self.trained_on))

    def for_link_type(self, link_type: str, dialect: str = "duckdb") -> dict[str, Any]:
        """Settings for a Splink Linker of the given link type and SQL dialect."""
        settings = copy.deepcopy(self.settings)
        settings["link_type"] = link_type
        settings.pop("linker_uid", None)
        # Blocking is how candidates are found, not a parameter: always the current rules.
        settings["blocking_rules_to_generate_predictions"] = [
            {"blocking_rule": blocking_rule_sql(r)} for r in BLOCKING_RULES
        ]
        return dialect_settings(settings, dialect)

    @property
    def prior(self) -> float:
        """Probability that two random records are the same person."""
        return float(self.settings["probability_two_random_records_match"])

    def levels(self) -> dict[str, list[Level]]:
        """Levels per comparison, in Splink's order (gamma = len - 1 - position)."""
        # Comparisons are never edited in place (every change makes a new Model): cache.
        key = id(self.settings["comparisons"])
        if getattr(self, "_levels_key", None) != key:
            self._levels = self._read_levels()
            self._by_gamma = {
                (comp, g): lv
                for comp, lvs in self._levels.items()
                for g, lv in _gammas(lvs).items()
            }
            self._levels_key = key
        return self._levels

    def _read_levels(self) -> dict[str, list[Level]]:
        saved = self.level_ids
        out = {}
        for comp in self.settings["comparisons"]:
            name = comp["output_column_name"]
            ids = saved.get(name, [])
            out[name] = [
                Level(
                    label=lv.get("label_for_charts", ""),
                    m=lv.get("m_probability"),
                    u=lv.get("u_probability"),
                    is_null=bool(lv.get("is_null_level")),
                    tf_column=lv.get("tf_adjustment_column"),
                    id=(ids[i] if i < len(ids) else None)
                    or level_id(name, lv.get("label_for_charts", "")),
                )
                for i, lv in enumerate(comp["comparison_levels"])
            ]
        return out

    def tf_columns(self) -> list[str]:
        """Columns whose term frequency adjusts some level's weight."""
        cols = {lv.tf_column for lvs in self.levels().values() for lv in lvs if lv.tf_column}
        return sorted(cols)

    def level_for_gamma(self, comparison: str, gamma: int) -> Level:
        """The level a Splink gamma value stands for (-1 is the null level)."""
        self.levels()
        return self._by_gamma[(comparison, gamma)]


def _about_name(name: str) -> str:
    return Path(name).stem + ".about.json"


def _about_path(path: Path) -> Path:
    return path.with_name(_about_name(path.name))


def _write_whole(path: Path, text: str) -> None:
    with whole_file(path) as partial:
        partial.write_text(text, "utf-8")


def _gammas(levels: list[Level]) -> dict[int, Level]:
    non_null = [lv for lv in levels if not lv.is_null]
    out = {len(non_null) - 1 - i: lv for i, lv in enumerate(non_null)}
    out[-1] = levels[0]
    return out


def _cap_partial_levels(levels: list[dict[str, Any]]) -> None:
    top = levels[0]
    if not top.get("m_probability") or not top.get("u_probability"):
        return
    ratio = top["m_probability"] / top["u_probability"]
    for lv in levels[1:]:
        m, u = lv.get("m_probability"), lv.get("u_probability")
        if m and u and m / u > ratio:
            lv["u_probability"] = m / ratio


def default_frequencies() -> dict[str, dict[str, float]]:
    """Population share of each surname stem, given name and father's name group, used
    for term-frequency adjustment when the input is too small to count its own."""
    path = resources.files("kintrace.linkage.data").joinpath(DEFAULT_FREQUENCIES_FILE)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
