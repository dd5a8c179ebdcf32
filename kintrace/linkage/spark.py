"""The same linkage on Spark, for sizes past one machine (Splink's SparkAPI)."""

from __future__ import annotations

import logging
from typing import Any

from kintrace.linkage.engine import MIN_TRAIN_RECORDS, _register_lookups, population_lookups
from kintrace.linkage.features import FEATURE_COLUMNS, prepare
from kintrace.linkage.model import Model


def spark_session(app: str = "kintrace", master: str = "local[2]"):
    """A Spark session configured for Splink: its similarity jar, no UI, a checkpoint dir."""
    import os
    import tempfile

    from pyspark.sql import SparkSession
    from splink.backends.spark import similarity_jar_location

    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    spark = (
        SparkSession.builder.master(master)
        .appName(app)
        .config("spark.jars", similarity_jar_location())
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.memory", "2g")
        .getOrCreate()
    )
    spark.sparkContext.setCheckpointDir(tempfile.mkdtemp(prefix="kintrace-spark-"))
    return spark


def _features(people: Any):
    feats = people
    if not (hasattr(people, "column_names") and set(FEATURE_COLUMNS) <= set(people.column_names)):
        feats = prepare(people)
    return feats.select(list(FEATURE_COLUMNS))


def link_spark(
    left: Any,
    right: Any,
    *,
    spark,
    threshold: float = 0.5,
    model: Model | None = None,
):
    """Link two people tables on Spark; returns a Spark DataFrame of
    left_id, right_id, probability, match_weight (same model and SQL as DuckDB)."""
    from splink import Linker, SparkAPI

    model = model or Model.default()
    db = SparkAPI(spark_session=spark)
    tables = [_features(left), _features(right)]
    sdfs = [
        db.register(spark.createDataFrame(t), dataset_display_name=n)
        for t, n in zip(tables, ("a_left", "b_right"), strict=True)
    ]
    settings = model.for_link_type("link_only", dialect="spark")
    linker = Linker(sdfs, settings, log_level=logging.WARNING)
    if min(t.num_rows for t in tables) < MIN_TRAIN_RECORDS:
        _register_lookups(linker, db, population_lookups(tables, model), spark.createDataFrame)
    pairs = linker.inference.predict(threshold_match_probability=threshold).as_spark_dataframe()
    flip = "source_dataset_l <> 'a_left'"
    return pairs.selectExpr(
        f"CASE WHEN {flip} THEN unique_id_r ELSE unique_id_l END AS left_id",
        f"CASE WHEN {flip} THEN unique_id_l ELSE unique_id_r END AS right_id",
        "match_probability AS probability",
        "match_weight",
    ).orderBy("left_id", "probability", ascending=[True, False])
