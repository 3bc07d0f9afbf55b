#!/usr/bin/python3
"""aqi.emission_cuts against the plain pandas implementation an analyst would write (merge the
inventory with the measure table, compute the cuts column-wise, groupby-sum), on the same
100,000 sources × 4 pollutants × 3 response levels.

Both get their input ready-made (an aqi.Inventory; a DataFrame), and both produce every source's
cut and the county's baseline and reduction per pollutant and level. The answers are checked to
agree before anything is timed. Prints the ratio; --json PATH writes the figures.
Run with PYTHONPATH=build/python (./scripts/bench does).
"""

import numpy as np
import pandas as pd

import aqi
from timing import best_of, parser, write_json

LEVELS = ("III", "II", "I")
POLLUTANTS = ["so2", "nox", "pm", "vocs"]
DUST = ["mine", "sand_gravel", "stone_works", "earthwork", "demolition", "painting", "slope_spraying", "concrete",
        "uncovered_transport", "road"]
# SPEC E9: the dust measures by level (1 = the activity stops), plan §5.5.1–3 (3)②.
DUST_RULES = pd.DataFrame([(a, lvl, 0.0 if a == "road" or (a in ("slope_spraying", "concrete") and lvl == "III")
                            else 1.0) for a in DUST for lvl in LEVELS], columns=["dust", "response", "cut"])


def make_inventory(n, seed=7):
    """A county-sized mix scaled up: 80% enterprises of every industry and grade, 10% fleets, 10% dust."""
    rng = np.random.default_rng(seed)
    keys = list(aqi.INDUSTRY_KEYS)
    graded = keys[:5]
    kind = rng.choice(["enterprise", "fleet", "dust"], n, p=[0.8, 0.1, 0.1])
    industry = rng.choice(keys, n)
    grade = np.where(np.isin(industry, graded), rng.choice(list("ABCD"), n), "")
    lines = rng.integers(1, 6, n)
    unequal = (rng.random(n) < 0.1) & (lines > 1)
    capacity = np.array([";".join(str(c) for c in rng.integers(1, 20, k)) if u else "" for k, u in zip(lines, unequal)],
                        dtype=object)
    emissions = {p: np.round(rng.lognormal(np.log(m), 1.0, n), 4) for p, m in
                 zip(POLLUTANTS, (0.02, 0.05, 0.03, 0.04))}
    protected = np.where(rng.random(n) < 0.03, np.round(rng.uniform(0.5, 1.0, n), 2), np.nan)
    excluded = np.where(rng.random(n) < 0.02, rng.choice(["zombie", "fake", "long_stopped", "banned"], n), "")
    df = pd.DataFrame({
        "id": [f"S{i:06d}" for i in range(n)], "name": "", "kind": kind, "industry": industry, "grade": grade,
        "lines": lines, "line_capacity": capacity, **emissions, "protected_max_load": protected,
        "excluded": excluded, "low_nox": rng.integers(0, 2, n), "cost": np.round(rng.lognormal(1, 1, n), 2)})
    fleet = kind == "fleet"
    dust = kind == "dust"
    df.loc[~(kind == "enterprise"), ["grade", "line_capacity"]] = ""
    df.loc[~(kind == "enterprise"), "protected_max_load"] = np.nan
    df.loc[~(kind == "enterprise"), "lines"] = 1
    df.loc[fleet, "industry"] = rng.choice(["other", "power_heat"], fleet.sum(), p=[0.8, 0.2])
    df.loc[dust, "industry"] = "other"
    df["vehicle"] = np.where(fleet, rng.choice(["heavy_truck", "non_road"], n), "")
    df["standard"] = pd.array(np.where(fleet, rng.integers(1, 7, n), None), dtype="Int64")
    df["trips_per_day"] = np.where(fleet & (df.vehicle == "heavy_truck"), rng.integers(0, 60, n), np.nan)
    df["exempt"] = np.where(fleet & (rng.random(n) < 0.1), "livelihood", "")
    df["built_up"] = pd.array(np.where(fleet, rng.integers(0, 2, n), None), dtype="Int64")
    df["black_smoke"] = pd.array(np.where(fleet & (df.vehicle == "non_road"), rng.integers(0, 2, n),
                                          np.where(fleet, 0, None)), dtype="Int64")
    df["dust"] = np.where(dust, rng.choice(DUST, n), "")
    return df


def pandas_cuts(df, rules):
    """The plain pandas implementation of SPEC E2, E4–E9: per level, merge with the rule table,
    compute the cut, multiply, groupby-sum. Returns ({level: cut array}, totals frame)."""
    ent = df.kind == "enterprise"
    condition = np.where(df.industry == "gas_boiler", np.where(df.low_nox == 1, "low_nox = 1", "low_nox = 0"), "")
    keyed = df.assign(condition=condition, row=np.arange(len(df)))
    # E6 with unequal capacities: each source's line shares, smallest first, accumulated.
    uneq = keyed.loc[ent & (keyed.line_capacity != ""), ["row", "line_capacity"]]
    caps = uneq.assign(c=uneq.line_capacity.str.split(";")).explode("c")
    caps["c"] = caps.c.astype(float)
    caps = caps.sort_values(["row", "c"])
    caps["share"] = caps.c / caps.groupby("row").c.transform("sum")
    caps["k"] = caps.groupby("row").cumcount() + 1
    caps["cum"] = caps.groupby("row").share.cumsum()
    cuts, frames = {}, []
    for level in LEVELS:
        r = rules[rules.response == level][["industry", "grade", "condition", "cut", "counted_by", "transport"]]
        m = keyed.merge(r, on=["industry", "grade", "condition"], how="left", sort=False)
        m = m.sort_values("row")
        cut = m.cut.to_numpy(dtype=float).copy()
        line = (m.counted_by == "line").to_numpy() & ent.to_numpy()
        k = np.clip(np.ceil(cut * m.lines.to_numpy() - 1e-9), 0, m.lines.to_numpy())
        share = k / m.lines.to_numpy()
        picked = caps.merge(pd.DataFrame({"row": m.row[line], "k": k[line]}), on=["row", "k"])
        share[picked.row.to_numpy()] = picked.cum.to_numpy()
        share = np.where(k >= m.lines.to_numpy(), 1.0, np.where(k <= 0, 0.0, share))
        cut = np.where(line, share, cut)
        load = m.protected_max_load.to_numpy()
        cut = np.where(~np.isnan(load) & (cut > 1 - load), 1 - load, cut)
        # E8: fleets (the owner's transport rule for ungraded owners, then the plan's bans).
        owner = rules[(rules.response == level) & (rules.grade == "") & (rules.condition != "low_nox = 1")]
        transport = df.industry.map(owner.set_index("industry").transport).fillna("").to_numpy()
        std = df.standard.to_numpy(dtype=float, na_value=99)
        severe = level != "III"
        truck = (df.vehicle == "heavy_truck").to_numpy()
        owner_stop = (transport == "no_road_transport") | ((transport == "no_heavy_truck_cn4_or_older") & (std <= 4))
        trips = df.trips_per_day.to_numpy()
        built = df.built_up.to_numpy(dtype=float, na_value=0) == 1
        black = df.black_smoke.to_numpy(dtype=float, na_value=0) == 1
        fleet_cut = np.where(df.exempt.to_numpy() != "", 0.0,
                             np.where(truck, np.where(owner_stop | (severe & (std <= 4) & (trips > 10)), 1.0, 0.0),
                                      np.where((severe & (std <= 2)) | (black & built), 1.0, 0.0)))
        cut = np.where((df.kind == "fleet").to_numpy(), fleet_cut, cut)
        # E9: dust by activity.
        dust_cut = df[["dust"]].merge(DUST_RULES[DUST_RULES.response == level], on="dust", how="left").cut.to_numpy()
        cut = np.where((df.kind == "dust").to_numpy(), dust_cut, cut)
        cut = np.where(df.excluded.to_numpy() != "", 0.0, cut)  # E2
        cuts[level] = cut
        included = df.excluded.to_numpy() == ""
        red = df[POLLUTANTS].mul(np.nan_to_num(cut), axis=0)
        red["response"] = level
        base = df.loc[included, POLLUTANTS].sum()
        frames.append(red.groupby("response")[POLLUTANTS].sum().assign(**{f"base_{p}": base[p] for p in POLLUTANTS}))
    return cuts, pd.concat(frames)


def ours(inv):
    return {level: aqi.emission_cuts(inv, level) for level in LEVELS}




def main():
    ap = parser(__doc__, repeat=5)
    ap.add_argument("--sources", type=int, default=100_000)
    args = ap.parse_args()
    n, repeat = (5_000, 1) if args.quick else (args.sources, args.repeat)
    df = make_inventory(n)
    inv = aqi.Inventory(df)
    rules = aqi.industry_measures().table

    mine = ours(inv)
    cuts, totals = pandas_cuts(df, rules)
    for level in LEVELS:
        a, b = mine[level].cut, cuts[level]
        if not (np.array_equal(np.isnan(a), np.isnan(b)) and np.allclose(a[~np.isnan(a)], b[~np.isnan(b)], rtol=1e-12)):
            bad = np.flatnonzero(~np.isclose(a, b, equal_nan=True))
            raise SystemExit(f"cuts disagree at {level} on {len(bad)} sources, first {df.id[bad[0]]}: {a[bad[0]]} vs "
                             f"{b[bad[0]]}")
        s = mine[level].summary
        for p in POLLUTANTS:
            theirs = totals.loc[level, p]
            reduction = s.loc[p, "reduction"] if p != "pm" else (s.loc[p, "reduction"] - s.loc[p, "dust_counted"]
                                                                 + s.loc[p, "dust_reduction"])
            if not np.isclose(reduction, theirs, rtol=1e-10) or not np.isclose(s.loc[p, "baseline"],
                                                                              totals.loc[level, f"base_{p}"],
                                                                              rtol=1e-10):
                raise SystemExit(f"{p} at {level}: aqi {reduction} of {s.loc[p, 'baseline']}, pandas {theirs}")

    t_ours = best_of(lambda: ours(inv), repeat)
    t_frames = best_of(lambda: [r.sources for r in ours(inv).values()], repeat)
    t_pandas = best_of(lambda: pandas_cuts(df, rules), repeat)
    result = {
        "sources": n, "pollutants": 4, "levels": 3,
        "aqi_ms": t_ours * 1e3, "aqi_with_frames_ms": t_frames * 1e3, "pandas_ms": t_pandas * 1e3,
        "speedup": t_pandas / t_ours, "speedup_with_frames": t_pandas / t_frames,
    }
    print(f"Emission cuts of {n:,} sources × 4 pollutants × 3 levels, best of {repeat}:")
    print(f"  aqi.emission_cuts            {result['aqi_ms']:9.2f} ms")
    print(f"  … plus the .sources frames   {result['aqi_with_frames_ms']:9.2f} ms")
    print(f"  pandas (merge, groupby-sum)  {result['pandas_ms']:9.2f} ms   → aqi is {result['speedup']:.1f}× faster "
          f"({result['speedup_with_frames']:.1f}× with the per-source frames)")
    print(f"  answers agree: cuts of all {n:,} sources and the county totals at every level")
    write_json(args.json, result)


if __name__ == "__main__":
    main()
