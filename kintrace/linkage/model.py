"""The linkage model: a Splink settings dictionary with trained m and u probabilities."""

from __future__ import annotations

import copy
import json
import math
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from kintrace.linkage.comparisons import dialect_settings, settings_dict

DEFAULT_MODEL_FILE = "default_model.json"


@dataclass(frozen=True)
class Level:
    """One comparison level: its label, m, u and whether it is the null level."""

    label: str
    m: float | None
    u: float | None
    is_null: bool
    tf_column: str | None

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

    @classmethod
    def default(cls) -> Model:
        """The packaged model trained on the synthetic generator's data."""
        try:
            text = resources.files("kintrace.linkage.data").joinpath(DEFAULT_MODEL_FILE)
            return cls.from_json(text.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls(settings_dict())

    @classmethod
    def untrained(cls, link_type: str = "link_only") -> Model:
        """The hand-set starting parameters, before any training."""
        return cls(settings_dict(link_type))

    @classmethod
    def load(cls, path: str | Path) -> Model:
        """Load a model saved with :meth:`save`."""
        return cls.from_json(Path(path).read_text(encoding="utf-8"))

    @classmethod
    def from_json(cls, text: str) -> Model:
        """Build a model from Splink settings JSON (with an optional ``kintrace`` key)."""
        data = json.loads(text)
        trained_on = data.pop("kintrace", {})
        return cls(data, trained_on)

    def save(self, path: str | Path) -> None:
        """Save as Splink settings JSON, readable by ``splink.Linker(..., path)``."""
        data = dict(self.settings, kintrace=self.trained_on)
        Path(path).write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")

    def for_link_type(self, link_type: str, dialect: str = "duckdb") -> dict[str, Any]:
        """Settings for a Splink Linker of the given link type and SQL dialect."""
        settings = copy.deepcopy(self.settings)
        settings["link_type"] = link_type
        settings.pop("linker_uid", None)
        return dialect_settings(settings, dialect)

    @property
    def prior(self) -> float:
        """Probability that two random records are the same person."""
        return float(self.settings["probability_two_random_records_match"])

    def levels(self) -> dict[str, list[Level]]:
        """Levels per comparison, in Splink's order (gamma = len - 1 - position)."""
        out = {}
        for comp in self.settings["comparisons"]:
            out[comp["output_column_name"]] = [
                Level(
                    label=lv.get("label_for_charts", ""),
                    m=lv.get("m_probability"),
                    u=lv.get("u_probability"),
                    is_null=bool(lv.get("is_null_level")),
                    tf_column=lv.get("tf_adjustment_column"),
                )
                for lv in comp["comparison_levels"]
            ]
        return out

    def level_for_gamma(self, comparison: str, gamma: int) -> Level:
        """The level a Splink gamma value stands for (-1 is the null level)."""
        levels = self.levels()[comparison]
        if gamma == -1:
            return levels[0]
        non_null = [lv for lv in levels if not lv.is_null]
        return non_null[len(non_null) - 1 - gamma]
