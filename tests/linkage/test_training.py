"""Training recovers the m and u probabilities that generated the data."""

from __future__ import annotations

import random

import pyarrow as pa
import pytest

from kintrace.linkage import Model, train
from kintrace.linkage.features import FEATURE_SCHEMA

N = 4000
SURNAMES = [f"surname{i}" for i in range(400)]
GIVEN = [f"given{i}" for i in range(60)]
P_SURNAME_TYPO = 0.12  # a true match disagrees on surname this often
P_GIVEN_OTHER = 0.0  # never: a different given name is a contradiction


def _person(rng: random.Random, i: int, prefix: str) -> dict:
    sn = rng.choice(SURNAMES)
    gn = rng.choice(GIVEN)
    return {
        "unique_id": f"{prefix}{i}",
        "sn_canon": sn,
        "sn_stem": sn,
        "sn_key": sn,
        "gn_full": gn,
        "gn_key": gn,
        "gn_init": gn[0],
        "pn_full": None,
        "pn_key": None,
        "pn_init": None,
        "sex": "m",
        "by": rng.randint(1960, 2004),
        "bm": rng.randint(1, 12),
        "bd": rng.randint(1, 28),
        "place": None,
        "region": None,
        "unit": None,
    }


def _synthetic(seed: int = 5) -> tuple[pa.Table, pa.Table]:
    """Right holds a corrupted copy of each left person plus as many strangers."""
    rng = random.Random(seed)
    left = [_person(rng, i, "l") for i in range(N)]
    right = []
    for i, p in enumerate(left):
        q = dict(p, unique_id=f"r{i}")
        if rng.random() < P_SURNAME_TYPO:
            q["sn_canon"] = q["sn_stem"] = q["sn_key"] = p["sn_canon"] + "x"
        right.append(q)
    right += [_person(rng, i, "s") for i in range(N, 2 * N)]
    return (
        pa.Table.from_pylist(left, schema=FEATURE_SCHEMA),
        pa.Table.from_pylist(right, schema=FEATURE_SCHEMA),
    )


@pytest.fixture(scope="module")
def trained() -> Model:
    left, right = _synthetic()
    return train(left, right, u_pairs=2e6, em_pairs=2e5)


def test_u_of_same_surname_is_the_chance_two_strangers_share_one(trained):
    same = trained.levels()["surname"][1]
    assert same.u == pytest.approx(1 / len(SURNAMES), rel=0.3)


def test_u_of_same_birth_date_is_small(trained):
    # Random pairs include the true ones at rate 1/len(right); dates are never corrupted.
    share_of_matches = 1 / (2 * N)
    expected = 1 / (45 * 12 * 28) * (1 - share_of_matches) + share_of_matches
    exact = trained.levels()["birth_date"][1]
    assert exact.u == pytest.approx(expected, rel=0.3)


def test_m_of_same_surname_recovers_the_typo_rate(trained):
    same = trained.levels()["surname"][1]
    assert same.m == pytest.approx(1 - P_SURNAME_TYPO, abs=0.05)


def test_m_of_same_given_name_is_near_one(trained):
    same = trained.levels()["given_name"][1]
    assert same.m == pytest.approx(1 - P_GIVEN_OTHER, abs=0.03)


def test_contradiction_levels_keep_their_fixed_m(trained):
    different = trained.levels()["given_name"][-1]
    assert different.m < 1e-6


def test_saved_model_is_splink_settings_json(tmp_path, trained):
    from splink import DuckDBAPI, Linker

    path = tmp_path / "model.json"
    trained.save(path)
    again = Model.load(path)
    assert again.levels() == trained.levels()
    assert again.trained_on == trained.trained_on
    left, _ = _synthetic()
    linker = Linker(DuckDBAPI().register(left.slice(0, 50)), str(path))
    assert linker._settings_obj.comparisons[0].output_column_name == "surname"


def test_saved_model_carries_features_version_and_level_ids(tmp_path, trained):
    import json

    from kintrace.linkage import FEATURES_VERSION

    path = tmp_path / "model.json"
    trained.save(path)
    about = json.loads((tmp_path / "model.about.json").read_text())
    assert about["features_version"] == FEATURES_VERSION
    assert about["level_ids"]["birth_date"][2] == "birth_date.day_month_swapped"
    again = Model.load(path)
    assert again.features_version == FEATURES_VERSION
    assert [lv.id for lv in again.levels()["given_name"]] == about["level_ids"]["given_name"]


def test_every_level_has_a_unique_stable_id():
    from kintrace.linkage.comparisons import LEVEL_IDS, comparisons, level_id

    ids = []
    for comp in comparisons():
        for lv in comp["comparison_levels"]:
            found = level_id(comp["output_column_name"], lv["label_for_charts"])
            assert found and found.startswith(comp["output_column_name"] + "."), lv
            ids.append(found)
    assert len(ids) == len(set(ids)) == len(LEVEL_IDS)


def _letters(i: int) -> str:
    """A distinct surname stem for each number: 0 -> Ba, 1 -> Be, ..."""
    out = ""
    for _ in range(3):
        i, k = divmod(i, 75)
        out += "bdfghklmnprstvz"[k // 5] + "aeiou"[k % 5]
    return out.title()


def _small_lists(n_left: int, n_right: int, shared: int) -> tuple[list[dict], list[dict]]:
    """Two small lists of distinct people; the first ``shared`` of the left are on the right."""
    rng = random.Random(3)
    people = [
        {
            "full_name": f"{_letters(i)}enko {rng.choice(['Ivan', 'Petro', 'Taras', 'Oleh'])}",
            "birth_date": f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.{1960 + i % 45}",
        }
        for i in range(n_left + n_right)
    ]
    left = [{"id": f"L{i}", **p} for i, p in enumerate(people[:n_left])]
    right = [{"id": f"R{i}", **p} for i, p in enumerate(people[:shared])]
    right += [
        {"id": f"R{shared + i}", **p} for i, p in enumerate(people[n_left:][: n_right - shared])
    ]
    return left, right


def test_small_inputs_count_their_own_prior():
    from kintrace.linkage import prepare
    from kintrace.linkage.engine import PRIOR_RECALL, choose_model

    left, right = _small_lists(200, 400, shared=60)
    tables = [prepare(left), prepare(right)]
    model = choose_model(tables, None, lambda _: None)
    assert model.prior == pytest.approx(60 / PRIOR_RECALL / (200 * 400))
    assert "60 pairs" in model.trained_on["prior_from"]


def test_too_few_sure_pairs_keep_the_default_prior():
    from kintrace.linkage import prepare
    from kintrace.linkage.engine import choose_model

    left, right = _small_lists(200, 400, shared=2)
    model = choose_model([prepare(left), prepare(right)], None, lambda _: None)
    assert model.prior == Model.default().prior
