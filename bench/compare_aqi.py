#!/usr/bin/python3
"""aqi.aqi against the plainest good numpy code (np.interp per pollutant, max over pollutants)
and against streaming the same bytes once, on the same 1e6 records × 6 pollutants.

Checks that both give the same AQI before timing. Prints both ratios; --json PATH writes them.
Run with PYTHONPATH=build/python (./scripts/bench does).
"""

import numpy as np

import aqi
from timing import best_of_each, parser, write_json

EDITION = "hj633-2026"


def make_data(n, seed=42):
    rng = np.random.default_rng(seed)
    medians = {"pm25_24h": 75, "pm10_24h": 130, "so2_24h": 30, "no2_24h": 45, "co_24h": 1.3, "o3_8h": 80}
    return {k: np.round(rng.lognormal(np.log(m), 0.7, n), 2 if k == "co_24h" else 1) for k, m in medians.items()}


def numpy_aqi(data, tables):
    """What an analyst would write: interpolate each pollutant on its breakpoints, round up with
    the same A6 tolerance, take the maximum."""
    out = None
    for key, values in data.items():
        t = tables[key]
        bp, iq = np.array(t["breakpoints"]), np.array(t["iaqi"])
        above_value = 300.0 if key == "o3_8h" else 500.0
        sub = np.where(values > bp[-1], above_value, np.ceil(np.interp(values, bp, iq) - 1e-9))
        out = sub if out is None else np.maximum(out, sub)
    return out




def main():
    ap = parser(__doc__, repeat=15)
    ap.add_argument("--records", type=int, default=1_000_000)
    args = ap.parse_args()
    n, repeat = (20_000, 1) if args.quick else (args.records, args.repeat)
    data = make_data(n)
    tables = aqi.editions()[[e["id"] for e in aqi.editions()].index(EDITION)]["indicators"]

    ours = aqi.aqi(data, edition=EDITION).aqi
    reference = numpy_aqi(data, tables)
    mismatches = int(np.sum(ours != reference))
    if mismatches:
        raise SystemExit(f"aqi.aqi and numpy disagree on {mismatches} of {n} records")

    t = best_of_each({"ours": lambda: aqi.aqi(data, edition=EDITION), "numpy": lambda: numpy_aqi(data, tables),
                      "stream": lambda: sum(float(v.sum()) for v in data.values())}, repeat)
    t_ours, t_numpy, t_stream = t["ours"], t["numpy"], t["stream"]
    result = {
        "records": n, "pollutants": len(data), "edition": EDITION,
        "aqi_ms": t_ours * 1e3, "numpy_ms": t_numpy * 1e3, "stream_ms": t_stream * 1e3,
        "speedup_vs_numpy": t_numpy / t_ours, "ratio_to_stream": t_ours / t_stream,
    }
    print(f"AQI of {n:,} records × {len(data)} pollutants ({EDITION}), best of {repeat}:")
    print(f"  aqi.aqi          {result['aqi_ms']:8.2f} ms")
    print(f"  numpy (interp)   {result['numpy_ms']:8.2f} ms   → aqi.aqi is {result['speedup_vs_numpy']:.1f}× faster")
    print(f"  stream once      {result['stream_ms']:8.2f} ms   → aqi.aqi takes {result['ratio_to_stream']:.2f}× "
          f"the time to read its input")
    print(f"  answers agree on all {n:,} records")
    write_json(args.json, result)


if __name__ == "__main__":
    main()
