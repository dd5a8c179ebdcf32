"""kintrace.linkage: link tables of people and return scored, explained candidate pairs.

Pure engine on Splink (DuckDB, or Spark past one machine); imports nothing from Django.
"""

from kintrace.linkage.engine import dedupe, link, train
from kintrace.linkage.explain import explain, sentence
from kintrace.linkage.features import prepare
from kintrace.linkage.index import Candidate, Index, compare
from kintrace.linkage.io import InputError, read_people
from kintrace.linkage.model import Model

__all__ = [
    "Candidate",
    "Index",
    "InputError",
    "Model",
    "compare",
    "dedupe",
    "explain",
    "link",
    "prepare",
    "read_people",
    "sentence",
    "train",
]
