#!/usr/bin/python3
"""Peak memory and time of the Dask archive recipe (docs/archives.md) against the chunk size:
ten years of hourly records of the national network (1,700 stations × 87,600 hours × 6
indicators, 7.1 GB as float64) rated (aqi.aqi) and classified (aqi.classify_batch) chunk by
chunk on two threads, without the archive ever being whole in memory.

The archive is synthetic and made inside the graph, station by station from a seed (the same
numbers whatever the chunks), so every chunk size must give the same answers: the script
checks that before reporting. Each chunk size runs in a fresh process (its peak resident
memory is its own); `baseline` is Python, numpy, dask and aqi imported, nothing computed.
Run with PYTHONPATH=build/python (./scripts/bench does); --json PATH writes the figures.
"""
import argparse
import json
import os
import pathlib
import resource
import subprocess
import sys
import time

SOURCE = pathlib.Path(__file__).resolve().parents[1]
MEDIANS = {"pm25_24h": 75, "pm10_24h": 130, "so2_24h": 30, "no2_24h": 45, "co_24h": 1.3, "o3_8h": 80}


def station_block(block_info=None, *, key, hours, seed):
    """The records of one indicator for the stations of this block: lognormal around the median
    of a station from clean to polluted, multi-day swings (so that warnings occur), 0.5 %
    missing, one generator per station."""
    import numpy as np
    start, stop = block_info[None]["array-location"][0]
    k = list(MEDIANS).index(key)
    out = np.empty((stop - start, hours))
    t = np.arange(hours)
    for row, station in enumerate(range(start, stop)):
        level = np.random.default_rng([seed, station]).uniform(0.3, 1.2)  # the station's, for every indicator
        rng = np.random.default_rng([seed, k, station])
        swing = np.exp(0.9 * np.sin(2 * np.pi * t / (24 * rng.uniform(5, 12)) + rng.uniform(0, 6.3)))
        x = MEDIANS[key] * level * swing * rng.lognormal(0, 0.3, hours)
        x[rng.random(hours) < 0.005] = np.nan
        out[row] = np.round(x, 2 if key == "co_24h" else 1)
    return out


def run_one(stations, hours, chunk, seed=1):
    """One configuration in this process: {peak_mb, seconds, answers}."""
    import dask
    import dask.array as da
    import numpy as np
    sys.path.insert(0, str(SOURCE / "docs" / "recipes"))
    import dask_archive
    result = {"chunk_stations": chunk}
    if chunk > 0:
        chunks = ((chunk,) * (stations // chunk) + ((stations % chunk,) if stations % chunk else ()), (hours,))
        archive = {key: da.map_blocks(station_block, key=key, hours=hours, seed=seed, chunks=chunks, dtype=np.float64,
                                      meta=np.empty((0, 0)))
                   for key in dask_archive.KEYS}
        hourly, levels = dask_archive.archive_graph(archive)
        heavy_hours = (hourly > 200).sum(axis=1)  # hours of heavy pollution per station, as a reduction
        t = time.perf_counter()
        codes, heavy = dask.compute(levels, heavy_hours, scheduler="threads", num_workers=2)
        result["seconds"] = time.perf_counter() - t
        result["levels"] = np.bincount(codes, minlength=4).tolist()
        result["heavy_hours"] = int(heavy.sum())
        result["chunk_input_mb"] = 6 * chunk * hours * 8 / 1e6
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--stations", type=int, default=1700)
    ap.add_argument("--hours", type=int, default=87600)
    ap.add_argument("--chunks", default="10,50,200", help="stations per chunk, comma-separated")
    ap.add_argument("--quick", action="store_true", help="small run: checks agreement, figures meaningless")
    ap.add_argument("--json", help="write the figures to this file")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a child: one chunk size (0: baseline)
    args = ap.parse_args()
    if args.quick:
        args.stations, args.hours, args.chunks = 30, 2000, "4,7,30"
    if args.one is not None:
        print(json.dumps(run_one(args.stations, args.hours, args.one)))
        return
    runs = []
    for chunk in [0] + [int(c) for c in args.chunks.split(",")]:
        cmd = [sys.executable, __file__, "--one", str(chunk), "--stations", str(args.stations), "--hours", str(args.hours)]
        runs.append(json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout))
    answers = {(tuple(r["levels"]), r["heavy_hours"]) for r in runs[1:]}
    if len(answers) != 1:
        raise SystemExit(f"chunk sizes disagree: {runs}")
    archive_gb = 6 * args.stations * args.hours * 8 / 1e9
    print(f"Archive of {args.stations:,} stations × {args.hours:,} hours × 6 indicators ({archive_gb:.1f} GB as float64), "
          f"AQI and warning levels on 2 threads; peak resident memory per process:")
    print(f"  {'baseline (imports only)':28} {runs[0]['peak_mb']:8.0f} MB")
    for r in runs[1:]:
        print(f"  {r['chunk_stations']:5d} stations per chunk       {r['peak_mb']:8.0f} MB   {r['seconds']:7.1f} s   "
              f"(one chunk's input {r['chunk_input_mb']:.0f} MB)")
    print(f"  levels (none, yellow, orange, red) {runs[1]['levels']}, {runs[1]['heavy_hours']:,} hours with AQI > 200; "
          f"the same for every chunk size")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"stations": args.stations, "hours": args.hours, "archive_gb": archive_gb,
                       "baseline_mb": runs[0]["peak_mb"], "runs": runs[1:], "cores": os.cpu_count()}, f, indent=2)


if __name__ == "__main__":
    main()
