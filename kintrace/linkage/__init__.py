"""kintrace.linkage: link tables of people and return scored, explained candidate pairs.

Pure engine on Splink (DuckDB, or Spark past one machine); imports nothing from Django.

- ``prepare(people)``: derived comparison columns (names via ``kintrace.names``).
- ``link(left, right)`` / ``dedupe(people)``: pairs at or above a threshold, with
  ``explain=True`` a sentence per pair; trains on inputs of 5,000 rows or more, else
  uses the packaged ``Model.default()``.
- ``train(left, right)`` -> ``Model``; ``Model.save``/``Model.load`` as Splink JSON.
- ``Index.build(records).search(person)``: one person against many, in milliseconds.
- ``compare(a, b)``, ``explain(pair)``, ``sentence(evidence)``: evidence per field.
- ``kintrace.linkage.spark.link_spark``: the same model on Spark.
- ``FEATURES_VERSION``: version of the derived columns, saved with every model; each
  comparison level has a stable id (``Model.levels()``, ``Level.id``).
"""

from kintrace.linkage.engine import dedupe, link, train
from kintrace.linkage.explain import explain, sentence
from kintrace.linkage.features import FEATURES_VERSION, prepare
from kintrace.linkage.index import Candidate, Index, compare
from kintrace.linkage.io import InputError, read_people
from kintrace.linkage.model import Model

__all__ = [
    "FEATURES_VERSION",
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
