#!/usr/bin/python3
"""One file per benchmark run, and the comparison of two runs (./scripts/bench --json, --compare).

  results.py collect DIR OUT     merge DIR/compare_*.json and DIR/*_bench.json into OUT
  results.py compare OLD NEW [--margin M]
                                 print every ratio of both runs, what got slower first; exit 1
                                 when a ratio got worse by more than M (default 0.25, i.e. 25 %)

A run is judged by ratios measured inside that run — libaqi against numpy/pandas and against
one streaming pass over the same bytes — never by a time: the ratios travel between machines
and between a busy and a quiet hour far better than milliseconds do. Times are kept in the file
for reading. The margin is the noise of a best-of run on a shared 2-core VM: ratio to streaming
and speed-ups moved by up to 20 % between runs of the same commit (docs/performance.md).
"""

import argparse
import json
import os
import platform
import subprocess
import sys
import time

NOISE_MARGIN = 0.25

# The ratios of each comparison script: (key, what is better).
COMPARISON_RATIOS = {
    "compare_aqi": [("speedup_vs_numpy", "higher"), ("ratio_to_stream", "lower")],
    "compare_warnings": [("speedup_vs_numpy", "higher"), ("ratio_to_stream", "lower")],
    "compare_emissions": [("speedup", "higher"), ("speedup_with_frames", "higher")],
    "compare_kiln_schedule": [("time_to_round_robin", "lower")],
}

# Google Benchmark ratios inside one binary: (name, numerator, denominator); lower is better.
BENCHMARK_RATIOS = {
    "air_quality_index_bench": [
        ("aqi_2_threads_to_stream", "BM_Aqi/2/real_time", "BM_StreamSum/real_time"),
        ("aqi_1_thread_to_stream", "BM_Aqi/1/real_time", "BM_StreamSum/real_time"),
        ("iaqi_1_thread_to_stream", "BM_Iaqi/1/real_time", "BM_StreamSum/real_time"),
    ],
    "warning_bench": [
        ("classify_2_threads_to_stream", "BM_ClassifyBatch/2/real_time", "BM_StreamSum/real_time"),
        ("classify_1_thread_to_stream", "BM_ClassifyBatch/1/real_time", "BM_StreamSum/real_time"),
    ],
}


def _load(path):
    with open(path) as f:
        return json.load(f)


def _commit():
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                              cwd=os.path.dirname(os.path.abspath(__file__)), check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def ratios_of(comparisons, benchmarks):
    """Every ratio of one run: {name: {"value": v, "better": "higher"|"lower"}}."""
    out = {}
    for script, keys in COMPARISON_RATIOS.items():
        result = comparisons.get(script)
        if result is None:
            continue
        if script == "compare_kiln_schedule" and "aqi_ms" in result and "round_robin_ms" in result:
            result = dict(result, time_to_round_robin=result["aqi_ms"] / result["round_robin_ms"])
        for key, better in keys:
            if key in result:
                out[f"{script}.{key}"] = {"value": result[key], "better": better}
    for binary, ratios in BENCHMARK_RATIOS.items():
        times = {b["name"]: b["real_time"] for b in benchmarks.get(binary, [])}
        for name, num, den in ratios:
            if num in times and den in times and times[den] > 0:
                out[f"{binary}.{name}"] = {"value": times[num] / times[den], "better": "lower"}
    return out


def best_times(google_benchmark_json):
    """The best (least) real time of each benchmark over its repetitions, in file order."""
    best = {}
    for b in google_benchmark_json.get("benchmarks", []):
        if b.get("run_type", "iteration") != "iteration":
            continue  # mean, median, stddev of repetitions
        name = b.get("run_name", b["name"])
        if name not in best or b["real_time"] < best[name]["real_time"]:
            best[name] = {"name": name, "real_time": b["real_time"], "time_unit": b["time_unit"]}
    return list(best.values())


def collect(directory, out_path, margin=NOISE_MARGIN):
    """Merge one run's files into one: the ratios, the comparison results, the benchmark times."""
    comparisons, benchmarks, archive = {}, {}, None
    for name in sorted(os.listdir(directory)):
        path = os.path.join(directory, name)
        stem = name[:-5]
        if not name.endswith(".json") or os.path.abspath(path) == os.path.abspath(out_path):
            continue
        if name.startswith("compare_"):
            comparisons[stem] = _load(path)
        elif name == "archive_memory.json":
            archive = _load(path)
        elif name.endswith("_bench.json"):
            benchmarks[stem] = best_times(_load(path))
    run = {
        "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "commit": _commit(),
        "machine": f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}",
        "load_average": list(os.getloadavg()), "noise_margin": margin,
        "ratios": ratios_of(comparisons, benchmarks), "comparisons": comparisons, "benchmarks": benchmarks,
    }
    if archive is not None:
        run["archive_memory"] = archive  # peak memory against chunk size (for reading, not judged)
    with open(out_path, "w") as f:
        json.dump(run, f, indent=2, sort_keys=True)
    return run


def slowdown(old, new, better):
    """How many times worse `new` is than `old` (below 1: better)."""
    if better == "higher":
        return old / new if new > 0 else float("inf")
    return new / old if old > 0 else float("inf")


def compare(old, new, margin=NOISE_MARGIN, out=sys.stdout):
    """Prints every ratio of both runs, the worst first; returns the names that got slower by
    more than the margin."""
    rows, regressions = [], []
    for name, o in old["ratios"].items():
        n = new["ratios"].get(name)
        if n is None:
            print(f"  {name}: in the old run only (not measured now)", file=out)
            continue
        s = slowdown(o["value"], n["value"], o["better"])
        rows.append((s, name, o["value"], n["value"], o["better"]))
    for name in sorted(set(new["ratios"]) - set(old["ratios"])):
        print(f"  {name}: new, {new['ratios'][name]['value']:.3g}", file=out)
    print(f"{'ratio':52} {'old':>9} {'new':>9}  {'change':>8}  (margin {100 * margin:.0f} %)", file=out)
    for s, name, o, n, better in sorted(rows, reverse=True):
        verdict = "SLOWER" if s > 1 + margin else ("slower" if s > 1 else "")
        if s > 1 + margin:
            regressions.append(name)
        arrow = "↑" if better == "higher" else "↓"
        print(f"{name + ' ' + arrow:52} {o:9.3g} {n:9.3g}  {100 * (s - 1):+7.1f} %  {verdict}", file=out)
    if regressions:
        print(f"{len(regressions)} ratio(s) worse by more than {100 * margin:.0f} %: {', '.join(regressions)}", file=out)
    else:
        print(f"no ratio worse by more than {100 * margin:.0f} %", file=out)
    return regressions


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    c = sub.add_parser("collect")
    c.add_argument("directory")
    c.add_argument("out")
    c.add_argument("--margin", type=float, default=NOISE_MARGIN)
    k = sub.add_parser("compare")
    k.add_argument("old")
    k.add_argument("new")
    k.add_argument("--margin", type=float, default=None, help="default: the old run's, else 0.25")
    args = ap.parse_args(argv)
    if args.command == "collect":
        run = collect(args.directory, args.out, args.margin)
        print(f"{len(run['ratios'])} ratios of this run: {args.out}")
        return 0
    old, new = _load(args.old), _load(args.new)
    margin = args.margin if args.margin is not None else old.get("noise_margin", NOISE_MARGIN)
    return 1 if compare(old, new, margin) else 0


if __name__ == "__main__":
    sys.exit(main())
