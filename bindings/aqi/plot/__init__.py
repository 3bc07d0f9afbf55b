"""Figures for a briefing — matplotlib, imported only when a figure is drawn (``import aqi``
never needs it). Every function returns a ``matplotlib.figure.Figure`` (no pyplot state: show
it in a notebook, or ``fig.savefig("x.png", dpi=150)``).

Readable in black and white: series differ by hatching and grey level as well as colour, and
values are written on the figure. Labels are Chinese when a CJK font is installed (Debian:
fonts-noto-cjk) and ``lang`` is "auto" or "zh", English otherwise; asking for "zh" without the
font warns and falls back to English rather than drawing empty boxes.

    aqi.plot.season_timeline(season, observed=…)   daily AQI, warnings, responses and events (W, L)
    aqi.plot.emission_cuts(cuts)                    reduction ratio per pollutant against its target (R3–R6)
    aqi.plot.kiln_gantt(schedule)                   the kiln rotation, one bar per stopped line (K1–K4)
    aqi.plot.kiln_monthly(schedule)                 stopped capacity per month by batch (K5)
"""
from ._style import cjk_font
from .emissions import emission_cuts
from .kilns import kiln_gantt, kiln_monthly
from .season import season_timeline

__all__ = ["cjk_font", "emission_cuts", "kiln_gantt", "kiln_monthly", "season_timeline"]
