#!/usr/bin/python3
"""Renders the README's pictures from the yiyuan-2019 scenario (Chinese labels when a CJK font is
installed). Run after a build:  PYTHONPATH=build/python /usr/bin/python3 docs/figures/make_figures.py"""
import pathlib

import pandas as pd

import aqi
from aqi import plot

here = pathlib.Path(__file__).resolve().parent
scenario = here.parents[1] / "scenarios" / "yiyuan-2019"
obs = pd.read_csv(scenario / "observations.csv", parse_dates=["date"]).set_index("date")
observed = aqi.aqi(obs.drop(columns=["published_aqi", "source_date"]))["aqi"]
season = aqi.run_season(pd.read_csv(scenario / "forecasts.csv"), observations=observed,
                        imposed=pd.read_csv(scenario / "imposed.csv"))
inv = aqi.Inventory.read_csv(scenario / "inventory.csv")
cuts = {lv: aqi.emission_cuts(inv, response=lv, dust_cap=0.15) for lv in ("III", "II", "I")}
schedule = aqi.kiln_schedule(scenario / "kilns.csv", season=2019)
figures = {
    "season-timeline.png": plot.season_timeline(season, observed=observed),
    "emission-cuts.png": plot.emission_cuts(cuts),
    "kiln-gantt.png": plot.kiln_gantt(schedule),
    "kiln-monthly.png": plot.kiln_monthly(schedule, unit="万块标砖/日"),
}
for name, fig in figures.items():
    fig.savefig(here / name, dpi=90)
    print("wrote", here / name)
