"""`kintrace link-files` and `kintrace dedupe-file`: link people files, no Django.

kintrace link-files LEFT RIGHT --out OUT [--threshold 0.5] [--explain]
kintrace dedupe-file FILE --out OUT [--threshold 0.5] [--explain]

The model that scored the pairs (trained on the input when it is large enough) is saved
beside OUT as Splink JSON: ``pairs.csv`` -> ``pairs.model.json``.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from kintrace.linkage.io import InputError, read_people, write_table
from kintrace.linkage.model import Model

STAGES = ["read", "normalise", "train", "predict", "write"]


def _parser(command: str) -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog=f"kintrace {command}", description=__doc__.splitlines()[0])
    if command == "link-files":
        ap.add_argument("left", type=Path, help="people file (CSV or Parquet)")
        ap.add_argument("right", type=Path, help="people file (CSV or Parquet)")
    else:
        ap.add_argument("file", type=Path, help="people file (CSV or Parquet)")
    ap.add_argument("--out", type=Path, required=True, help="pairs file (.csv or .parquet)")
    ap.add_argument(
        "--threshold",
        type=_probability,
        default=0.5,
        help="lowest match probability written (default 0.5)",
    )
    ap.add_argument("--explain", action="store_true", help="add an explanation column")
    return ap


def _probability(text: str) -> float:
    value = float(text)
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError("must be between 0 and 1")
    return value


@contextmanager
def _progress_bar():
    """A tqdm bar of stages on stderr, only when stderr is a terminal."""
    if not sys.stderr.isatty():
        yield lambda stage: None
        return
    from tqdm import tqdm

    # No monitor thread: the bar is refreshed at each stage, and the names workers fork
    # from this process (kintrace.names.features), best with no other thread alive.
    tqdm.monitor_interval = 0
    with tqdm(total=len(STAGES), file=sys.stderr, unit="step", leave=False) as bar:

        def step(stage: str) -> None:
            bar.set_description(stage)
            bar.n = STAGES.index(stage) + 1 if stage in STAGES else bar.n
            bar.refresh()

        yield step


def main(argv: list[str], *, progress=None) -> int:
    """Run ``link-files`` or ``dedupe-file`` (``argv[0]``); return the exit code.

    ``progress``, when given, is called with each stage name (read, normalise, train,
    predict, write) instead of drawing a bar.
    """
    if not argv or argv[0] not in ("link-files", "dedupe-file"):
        print(
            "usage: kintrace link-files LEFT RIGHT --out OUT | dedupe-file FILE --out OUT",
            file=sys.stderr,
        )
        return 2
    args = _parser(argv[0]).parse_args(argv[1:])
    try:
        inputs = [args.left, args.right] if argv[0] == "link-files" else [args.file]
        _check_out(args.out, inputs)
        with _progress_bar() as bar:
            step = progress or bar
            result, report = _run(argv[0], args, step)
            step("write")
            write_table(_output(result, args.explain), args.out)
            Model.of_result(result).save(model_path(args.out))
    except InputError as exc:
        print(f"kintrace {argv[0]}: error: {exc}", file=sys.stderr)
        return 1
    _summary(report, result.num_rows, args.out)
    return 0


def model_path(out: Path) -> Path:
    """Where the model that scored the pairs is saved: beside OUT, ``<OUT stem>.model.json``
    (and its ``.model.about.json``)."""
    return out.with_name(out.stem + ".model.json")


def _check_out(path: Path, inputs: list[Path]) -> None:
    """Refuse an output of unknown type, in a missing folder, or one that would overwrite
    an input (the pairs file or the model saved beside it)."""
    if path.suffix.lower() not in (".csv", ".parquet", ".pq"):
        raise InputError(f"{path}: unknown output type {path.suffix!r}; use .csv or .parquet")
    if not path.parent.exists():
        raise InputError(f"{path}: folder {path.parent} does not exist")
    written = {path.resolve(), model_path(path).resolve()}
    for source in inputs:
        if source.resolve() in written:
            raise InputError(f"{path}: the output would overwrite the input {source}")


def _run(command: str, args, progress) -> tuple[pa.Table, Counter]:
    from kintrace.linkage.engine import dedupe, link
    from kintrace.linkage.features import prepare, prepare_all

    progress("read")
    report: Counter = Counter()
    if command == "link-files":
        left, right = read_people(args.left), read_people(args.right)
        progress("normalise")
        left_f, right_f = prepare_all(
            [left, right], reports=[_prefixed(report, args.left), _prefixed(report, args.right)]
        )
        result = link(
            left_f, right_f, threshold=args.threshold, explain=args.explain, progress=progress
        )
    else:
        people = read_people(args.file)
        progress("normalise")
        feats = prepare(people, report=_prefixed(report, args.file))
        result = dedupe(feats, threshold=args.threshold, explain=args.explain, progress=progress)
    return result, report


class _prefixed(Counter):
    """Counts unreadable values into a shared counter under 'file: column'."""

    def __init__(self, target: Counter, path: Path):
        super().__init__()
        self._target, self._path = target, path

    def __setitem__(self, key, value):
        self._target[f"{self._path}: {key}"] = value
        super().__setitem__(key, value)


def _output(result: pa.Table, explain: bool) -> pa.Table:
    cols = ["left_id", "right_id", "probability"] + (["explanation"] if explain else [])
    table = result.select(cols)
    return table.set_column(2, "probability", pc.round(table["probability"], 6))


def _summary(report: Counter, n_pairs: int, out: Path) -> None:
    for where, count in sorted(report.items()):
        print(f"{where}: {count} unreadable value(s) treated as missing", file=sys.stderr)
    print(f"{n_pairs} candidate pair(s) written to {out}", file=sys.stderr)
    print(f"model written to {model_path(out)}", file=sys.stderr)
