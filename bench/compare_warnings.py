#!/usr/bin/python3
"""aqi.classify_batch against a plain numpy implementation of the same rules (yiyuan-2019, W3:
cumulative-sum 24-hour means with the 20-valid-hour rule, runs of back-to-back blocks per
alignment) and against streaming the same array once (a plain sum), on stations × ensemble
members × hours. Checks that every series gets the same level before timing.
Run with PYTHONPATH=build/python (./scripts/bench does); --json PATH writes the figures.
"""

import numpy as np

import aqi
from timing import best_of, best_of_each, parser, write_json


def make_data(stations, members, hours, seed=1):
    """Hourly AQI with a diurnal cycle and multi-day episodes, a few missing hours."""
    rng = np.random.default_rng(seed)
    t = np.arange(hours)
    base = rng.uniform(60, 220, size=(stations, 1, 1))
    episode = rng.uniform(0, 1.6, size=(stations, members, 1)) * np.exp(-((t - rng.uniform(48, 192, (stations, members, 1))) / 40) ** 2)
    x = base * (1 + episode) * (1 + 0.15 * np.sin(2 * np.pi * t / 24)) * rng.lognormal(0, 0.1, (stations, members, hours))
    x = np.round(x)
    x[rng.random(x.shape) < 0.01] = np.nan
    return x


def numpy_levels(x):
    """The yiyuan-2019 rules (W4) on hourly series, written as an analyst would in numpy."""
    valid = ~np.isnan(x)
    cs = np.cumsum(np.where(valid, x, 0.0), axis=-1)
    cn = np.cumsum(valid, axis=-1)
    pad = np.zeros(x.shape[:-1] + (1,))
    s = cs[..., 23:] - np.concatenate([pad, cs[..., :-24]], axis=-1)
    n = cn[..., 23:] - np.concatenate([pad, cn[..., :-24]], axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        m = np.where(n >= 20, s / n, np.nan)  # m[..., k] = mean of hours k … k+23
    level = np.zeros(x.shape[:-1], dtype=np.int8)
    for a in range(min(24, m.shape[-1])):
        blocks = m[..., a::24]
        run200 = np.zeros(x.shape[:-1], dtype=np.int16)
        run300 = np.zeros_like(run200)
        best300 = np.zeros_like(run200)
        for j in range(blocks.shape[-1]):
            b = blocks[..., j]
            above200, above300 = b > 200, b > 300
            run200 = np.where(above200, run200 + 1, 0)
            run300 = np.where(above300, run300 + 1, 0)
            best300 = np.where(above200, np.maximum(best300, run300), 0)
            lv = np.where(run200 >= 2, 1, 0)
            lv = np.where(run200 >= 3, 2, lv)
            lv = np.where(((run200 >= 4) & (best300 >= 2)) | (b >= 500), 3, lv)
            level = np.maximum(level, lv.astype(np.int8))
    return level




def main():
    ap = parser(__doc__, repeat=3)
    ap.add_argument("--stations", type=int, default=1700)
    ap.add_argument("--members", type=int, default=50)
    ap.add_argument("--hours", type=int, default=240)
    args = ap.parse_args()
    shape = (20, 10, args.hours) if args.quick else (args.stations, args.members, args.hours)
    repeat = 1 if args.quick else args.repeat
    x = make_data(*shape)

    ours = aqi.classify_batch(x)
    reference = numpy_levels(x)
    if not np.array_equal(ours, reference):
        bad = np.argwhere(ours != reference)
        raise SystemExit(f"classify_batch and numpy disagree on {len(bad)} series, e.g. {tuple(bad[0])}")

    # The fast two in turns many times (their ratio is the figure that matters), numpy fewer.
    t = best_of_each({"ours": lambda: aqi.classify_batch(x), "stream": lambda: float(x.sum())}, 5 * repeat)
    t_ours, t_stream = t["ours"], t["stream"]
    t_numpy = best_of(lambda: numpy_levels(x), repeat)
    counts = np.bincount(ours.ravel(), minlength=4)
    result = {
        "shape": list(shape), "bytes": x.nbytes, "classify_ms": t_ours * 1e3, "numpy_ms": t_numpy * 1e3,
        "stream_ms": t_stream * 1e3, "speedup_vs_numpy": t_numpy / t_ours, "ratio_to_stream": t_ours / t_stream,
        "levels": {"none": int(counts[0]), "yellow": int(counts[1]), "orange": int(counts[2]), "red": int(counts[3])},
    }
    print(f"Warning levels of {shape[0]:,} stations × {shape[1]} members × {shape[2]} hours "
          f"({x.nbytes / 1e6:.0f} MB float64, yiyuan-2019), best of {repeat}:")
    print(f"  aqi.classify_batch  {result['classify_ms']:9.1f} ms")
    print(f"  numpy               {result['numpy_ms']:9.1f} ms   → classify_batch is {result['speedup_vs_numpy']:.1f}× faster")
    print(f"  stream once (sum)   {result['stream_ms']:9.1f} ms   → classify_batch takes {result['ratio_to_stream']:.2f}× "
          f"the time to read its input")
    print(f"  levels: {result['levels']}; numpy and libaqi agree on every series")
    write_json(args.json, result)


if __name__ == "__main__":
    main()
