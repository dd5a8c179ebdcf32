"""One-against-many search over an index of records."""

from __future__ import annotations

import pyarrow as pa

from kintrace.linkage import Index, link, prepare

RECORDS = [
    {"id": "r1", "full_name": "ZHURAVLYOV IGOR PETROVICH", "birth_date": "1985-02-03"},
    {"id": "r2", "full_name": "Журавлёв Игорь Павлович", "birth_date": "03.02.1985"},
    {"id": "r3", "full_name": "Петренко Олександр Іванович", "birth_date": "1990"},
    {"id": "r4", "full_name": "Иванов Иван Иванович", "birth_date": "1970"},
]


def test_search_finds_the_person_in_another_script_first():
    index = Index.build(RECORDS)
    found = index.search({"full_name": "Журавлев Игорь Петрович", "birth_date": "03.02.1985"})
    assert found[0].id == "r1"
    assert found[0].probability >= 0.5
    assert all(c.id != "r2" or c.probability < 0.5 for c in found)


def test_the_index_is_ready_for_names_only_rigour_knows_when_built():
    """Building the index loads rigour's tagger (seconds), so that no query does."""
    from kintrace.names import variants

    variants._rigour_group_symbols.cache_clear()
    index = Index.build(RECORDS)
    assert variants._rigour_group_symbols.cache_info().currsize == 1
    assert index.search({"full_name": "Alexey Ivanov"}) is not None


def test_search_with_nothing_in_common_returns_nothing():
    index = Index.build(RECORDS)
    assert index.search({"full_name": "Сидоренко Марія"}) == []


def test_search_agrees_with_batch_link():
    index = Index.build(RECORDS)
    sought = {"full_name": "Саша Петренко", "birth_date": "1990"}
    found = {c.id: c.probability for c in index.search(sought, top=5)}
    batch = link([{"id": "q", **sought}], RECORDS, threshold=0.0).to_pylist()
    for row in batch:
        assert abs(found[row["right_id"]] - row["probability"]) < 1e-6


def test_candidates_meet_the_conditions_of_their_rules():
    """Like batch linkage, a rule with a condition finds only records that meet it: the
    rule for a slip in a short surname joins on given name and birth month, but only for
    surnames two edits apart at most."""
    index = Index.build(
        [
            {"id": "near", "full_name": "MOROZ FEDIR", "birth_date": "22/12/1989"},
            {"id": "far", "full_name": "Ковальчук Федор", "birth_date": "03.12.1989"},
        ]
    )
    row = prepare([{"id": "q", "full_name": "Мроз Федір Михайлович", "birth_date": "12.1989"}])
    ids = index.features["unique_id"].take(pa.array(index.candidates(row.to_pylist()[0])))
    assert ids.to_pylist() == ["near"]
