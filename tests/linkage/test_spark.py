"""The same model on Spark gives the same pairs as on DuckDB (run: pytest -m spark)."""

from __future__ import annotations

import pytest

from kintrace.linkage import link

pytestmark = pytest.mark.spark

LEFT = [
    {"id": "1", "full_name": "Иванов Алексей Петрович", "birth_date": "07.03.1999"},
    {"id": "2", "full_name": "Смирнов Андрей Викторович", "birth_date": "01.01.1990"},
]
RIGHT = [
    {"id": "a", "full_name": "IVANOV ALEKSEY PETROVICH", "birth_date": "1999-03-07"},
    {"id": "b", "full_name": "Смирнов Андрей Павлович", "birth_date": "01.01.1990"},
    {"id": "c", "full_name": "Smirnov Andrei Viktorovich", "birth_date": "1990"},
]


@pytest.fixture(scope="module")
def spark():
    pytest.importorskip("pyspark")
    from kintrace.linkage.spark import spark_session

    session = spark_session("kintrace-test")
    yield session
    session.stop()


def test_spark_link_matches_duckdb(spark):
    from kintrace.linkage.spark import link_spark

    on_spark = link_spark(LEFT, RIGHT, spark=spark, threshold=0.01).collect()
    on_duckdb = link(LEFT, RIGHT, threshold=0.01).to_pylist()
    assert [(r.left_id, r.right_id) for r in on_spark] == [
        (r["left_id"], r["right_id"]) for r in on_duckdb
    ]
    for s, d in zip(on_spark, on_duckdb, strict=True):
        assert s.probability == pytest.approx(d["probability"], abs=1e-6)
