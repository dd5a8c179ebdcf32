"""Speed and memory: kintrace link-files beside vanilla Splink, and one-against-many latency.

Each run is a fresh Python process, so its wall time and peak memory are its own:
1. `link-files` end to end (read, normalise, train, predict, write) through the CLI function;
2. the vanilla Splink model (bench/quality.py) on the same files;
3. an index of the right file (normalise + build), then queries drawn from the left file.

    python bench/speed.py --left 100000 --right 1000000 --data DIR [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

# The memory the run takes from the machine: the proportional set size (PSS) of the process
# and its forked workers, summed and sampled four times a second. Each worker's own peak RSS
# also counts the pages it shares with the parent (the dictionaries, rigour's tagger, the
# rows), so adding peaks would count those two or three times.
LINK_RUN = """
import json, resource, sys, threading, time
import psutil
from kintrace.linkage.cli import main
stages, t0 = {}, time.perf_counter()
def step(name):
    stages[name] = time.perf_counter() - t0
combined = [0]
done = threading.Event()
def sample():
    me = psutil.Process()
    while not done.wait(0.25):
        total = 0
        for proc in [me, *me.children(recursive=True)]:
            try:
                total += proc.memory_full_info().pss
            except psutil.Error:
                pass
        combined[0] = max(combined[0], total)
threading.Thread(target=sample, daemon=True).start()
code = main(["link-files", sys.argv[1], sys.argv[2], "--out", sys.argv[3]], progress=step)
total = time.perf_counter() - t0
done.set()
self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"code": code, "seconds": total, "stages": stages,
                  "peak_mib": self_kb / 1024, "worker_peak_mib": child_kb / 1024,
                  "combined_pss_mib": combined[0] / 2**20}))
"""

VANILLA_RUN = """
import json, resource, sys, time
sys.path.insert(0, sys.argv[4])
t0 = time.perf_counter()
import pyarrow.csv as pacsv, pyarrow as pa
from quality import raw_people, vanilla_link
from kintrace.linkage.io import write_table
opts = pacsv.ConvertOptions(column_types={"id": pa.string(), "birth_date": pa.string(),
                                          "unit": pa.string()})
left, right = (raw_people(pacsv.read_csv(p, convert_options=opts)) for p in sys.argv[1:3])
write_table(vanilla_link(left, right), sys.argv[3])
total = time.perf_counter() - t0
kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": total, "peak_mib": kb / 1024}))
"""

INDEX_RUN = """
import json, random, resource, sys, time
import numpy as np
from kintrace.linkage import Index, prepare, read_people
right, left = read_people(sys.argv[1]), read_people(sys.argv[2])
t0 = time.perf_counter()
feats = prepare(right)
normalise = time.perf_counter() - t0
t0 = time.perf_counter()
index = Index.build(feats)
build = time.perf_counter() - t0
people = left.to_pylist()
random.seed(1)
queries = random.sample(people, int(sys.argv[3]))
times = []
for q in queries:
    person = {k: v for k, v in q.items() if k != "id" and v}
    t = time.perf_counter()
    index.search(person, top=10)
    times.append(time.perf_counter() - t)
ms = np.array(times) * 1000
kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"records": feats.num_rows, "normalise_s": normalise,
                  "rows_per_s": feats.num_rows / normalise, "build_s": build,
                  "median_ms": float(np.median(ms)), "p95_ms": float(np.percentile(ms, 95)),
                  "max_ms": float(ms.max()), "queries": len(times), "peak_mib": kb / 1024}))
"""


def _run(code: str, *args: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=False
    )
    if out.returncode != 0:
        raise SystemExit(f"benchmark run failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def ensure_data(data: Path, n_left: int, n_right: int, seed: int) -> None:
    """Generate the files with bench/make_people.py unless they are there."""
    if (data / "left.csv").exists() and (data / "right.csv").exists():
        return
    subprocess.run(
        [
            sys.executable,
            str(HERE / "make_people.py"),
            "--left",
            str(n_left),
            "--right",
            str(n_right),
            "--out",
            str(data),
            "--seed",
            str(seed),
        ],
        check=True,
    )


def main(argv: list[str] | None = None) -> int:
    """Print the speed tables."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--left", type=int, default=100000)
    ap.add_argument("--right", type=int, default=1000000)
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--skip", choices=["link", "vanilla", "index"], action="append", default=[])
    args = ap.parse_args(argv)
    ensure_data(args.data, args.left, args.right, args.seed)
    left, right = str(args.data / "left.csv"), str(args.data / "right.csv")
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{args.left} x {args.right} (bench/make_people.py, seed {args.seed})")
        print(f"{'run':22} {'seconds':>8} {'peak MiB':>9}  stages (s from start)")
        if "link" not in args.skip:
            ours = _run(LINK_RUN, left, right, str(Path(tmp) / "ours.csv"))
            stages = ", ".join(f"{k} {v:.0f}" for k, v in ours["stages"].items())
            print(
                f"{'kintrace link-files':22} {ours['seconds']:8.1f} {ours['peak_mib']:9.0f}  "
                f"{stages}; workers' peak {ours['worker_peak_mib']:.0f} MiB"
            )
            print(
                f"{'':22} process and workers together (PSS): "
                f"{ours['combined_pss_mib']:.0f} MiB at most"
            )
        if "vanilla" not in args.skip:
            van = _run(VANILLA_RUN, left, right, str(Path(tmp) / "vanilla.csv"), str(HERE))
            print(f"{'vanilla Splink':22} {van['seconds']:8.1f} {van['peak_mib']:9.0f}")
    if "index" not in args.skip:
        ix = _run(INDEX_RUN, right, left, str(args.queries))
        print(f"\none-against-many over {ix['records']} records ({ix['queries']} queries)")
        print(
            f"normalise {ix['normalise_s']:.1f} s ({ix['rows_per_s']:.0f} records/s), "
            f"index build {ix['build_s']:.1f} s, peak {ix['peak_mib']:.0f} MiB"
        )
        print(
            f"query latency: median {ix['median_ms']:.1f} ms, p95 {ix['p95_ms']:.1f} ms, "
            f"max {ix['max_ms']:.1f} ms"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
