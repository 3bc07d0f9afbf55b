"""The season timeline: daily AQI, the warnings in force, the responses and the events
(SPEC W4, L1–L6) on one time axis."""
from __future__ import annotations

import numpy as np

from ._style import figure, language, month_axis, rc

# Warning levels by name (every shipped rule set uses these colours); hatching tells them apart
# in black and white.
LEVEL_STYLE = {
    "blue": {"color": "#6baed6", "hatch": "--"},
    "yellow": {"color": "#ffd92f", "hatch": ".."},
    "orange": {"color": "#fd8d3c", "hatch": "//"},
    "red": {"color": "#e31a1c", "hatch": "xx"},
}
RESPONSE_LEVEL = {"IV": "blue", "III": "yellow", "II": "orange", "I": "red"}
# HJ 633 category colours (优 … 严重污染).
CATEGORY_COLOURS = ["#00e400", "#ffff00", "#ff7e00", "#ff0000", "#99004c", "#7e0023"]
EVENT_MARKERS = {"ISSUE": "^", "UPGRADE": "^", "DOWNGRADE": "v", "LIFT": "X"}

TEXT = {
    "en": {
        "title": "Season {a} … {b} — rules {rules}",
        "aqi": "daily AQI",
        "thresholds": {200: "> 200 heavy", 300: "> 300 severe", 500: "500"},
        "response": "response",
        "responses": {"IV": "IV", "III": "III", "II": "II", "I": "I"},
        "levels": {"blue": "blue", "yellow": "yellow warning", "orange": "orange warning", "red": "red warning"},
        "events": {"ISSUE": "issue", "UPGRADE": "upgrade", "DOWNGRADE": "downgrade", "LIFT": "lift"},
        "imposed": "imposed (L6)",
        "months": ["Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep"],
        "summary": "warning days: {days} · response hours: {hours}",
        "short": {"blue": "blue", "yellow": "yellow", "orange": "orange", "red": "red"},
    },
    "zh": {
        "title": "{a}—{b} 预警与响应（{rules}）",
        "aqi": "日均AQI",
        "thresholds": {200: "200 重度污染", 300: "300 严重污染", 500: "500"},
        "response": "响应",
        "responses": {"IV": "Ⅳ级", "III": "Ⅲ级", "II": "Ⅱ级", "I": "Ⅰ级"},
        "levels": {"blue": "蓝色预警", "yellow": "黄色预警", "orange": "橙色预警", "red": "红色预警"},
        "events": {"ISSUE": "发布", "UPGRADE": "升级", "DOWNGRADE": "降级", "LIFT": "解除"},
        "imposed": "上级指令（L6）",
        "months": ["10月", "11月", "12月", "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月"],
        "summary": "预警天数：{days} · 响应小时：{hours}",
        "short": {"blue": "蓝色", "yellow": "黄色", "orange": "橙色", "red": "红色"},
    },
}


def _runs(values):
    """(start index, end index exclusive, value) of each run of equal values."""
    out, start = [], 0
    for i in range(1, len(values) + 1):
        if i == len(values) or values[i] != values[start]:
            out.append((start, i, values[start]))
            start = i
    return out


def _category(aqi):
    return np.select([aqi <= 50, aqi <= 100, aqi <= 150, aqi <= 200, aqi <= 300], [0, 1, 2, 3, 4], 5)


def season_timeline(season, *, observed=None, lang: str = "auto", figsize=None):
    """The season on one axis (a matplotlib Figure).

    season: an aqi.SeasonResult (aqi.run_season). observed: optional daily AQI (a Series
    indexed by date) drawn as bars in the HJ 633 category colours, with the 200 / 300 / 500
    lines. Warning periods are shaded in their colour and hatching (readable in black and
    white), the response level runs as a band underneath, and every event (ISSUE, UPGRADE,
    DOWNGRADE, LIFT; imposed ones outlined) is marked at its time.
    """
    import pandas as pd
    from matplotlib import rc_context
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    lang_ = language(lang)
    text = TEXT[lang_]
    days = season.days
    first, last = days.index[0], days.index[-1] + pd.Timedelta(days=1)
    with rc_context(rc(lang_)):
        fig = figure(figsize or (12, 5.6))
        ax, band = fig.subplots(2, 1, sharex=True, height_ratios=[7, 1])

        # Warnings in force: shaded spans, one per run of equal levels.
        levels = list(days["warning"])
        top = 520.0
        for s, e, level in _runs(levels):
            if level == "none":
                continue
            st = LEVEL_STYLE.get(level, {"color": "#bdbdbd", "hatch": ""})
            ax.axvspan(days.index[s], days.index[e - 1] + pd.Timedelta(days=1), facecolor=st["color"] + "55",
                       edgecolor=st["color"], hatch=st["hatch"], linewidth=0, zorder=0)

        if observed is not None:
            obs = pd.Series(observed).astype(float)
            obs = obs[(obs.index >= first) & (obs.index < last)]
            good = obs.dropna()
            colours = [CATEGORY_COLOURS[c] for c in _category(good.to_numpy())]
            ax.bar(good.index + pd.Timedelta(hours=12), good.to_numpy(), width=0.8, color=colours, edgecolor="#252525",
                   linewidth=0.3, zorder=2)
            top = max(top, float(good.max()) * 1.08 if len(good) else top)
            ax.set_ylabel(text["aqi"])
        for m in pd.date_range(first, last, freq="MS"):
            ax.axvline(m, color="#d9d9d9", lw=0.8, zorder=1)
        for y, ls in ((200, "--"), (300, "-."), (500, ":")):
            ax.axhline(y, color="#252525", ls=ls, lw=0.9, zorder=3)
            ax.text(1.003, y, text["thresholds"][y], transform=ax.get_yaxis_transform(), va="center", fontsize=8)
        ax.set_ylim(0, top)

        # Events on the top edge of the axis; imposed ones outlined.
        events = season.events
        trans = ax.get_xaxis_transform()
        for ev in events.itertuples():
            level = ev.level if ev.event != "LIFT" else ev.previous
            st = LEVEL_STYLE.get(level, {"color": "#bdbdbd"})
            ax.plot(ev.time, 1.0, marker=EVENT_MARKERS[ev.event], ms=7, color=st["color"] if ev.event != "LIFT" else "#252525",
                    mec="#000000" if not ev.imposed else "#000000", mew=1.6 if ev.imposed else 0.6, transform=trans,
                    clip_on=False, zorder=5)

        # Response band: one row, the level's colour and hatching, named where there is room.
        responses = [r if isinstance(r, str) else None for r in days["response"]]
        for s, e, r in _runs(responses):
            if r is None:
                continue
            st = LEVEL_STYLE[RESPONSE_LEVEL[r]]
            start, end = days.index[s], days.index[e - 1] + pd.Timedelta(days=1)
            band.axvspan(start, end, facecolor=st["color"], edgecolor="#252525", hatch=st["hatch"], linewidth=0.5)
            if e - s >= 4:
                band.text(start + (end - start) / 2, 0.5, text["responses"][r], ha="center", va="center", fontsize=8,
                          bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5})
        band.set_yticks([0.5], [text["response"]])
        band.set_ylim(0, 1)
        month_axis(band, first, last, text)

        used = [lv for lv in LEVEL_STYLE if lv in set(levels)]
        handles = [Patch(facecolor=LEVEL_STYLE[lv]["color"] + "55", edgecolor=LEVEL_STYLE[lv]["color"],
                         hatch=LEVEL_STYLE[lv]["hatch"], label=text["levels"][lv]) for lv in used]
        for kind in ("ISSUE", "DOWNGRADE", "LIFT"):
            if (events["event"] == kind).any() or (kind == "ISSUE" and (events["event"] == "UPGRADE").any()):
                label = text["events"][kind] + ("/" + text["events"]["UPGRADE"] if kind == "ISSUE" else "")
                handles.append(Line2D([], [], ls="", marker=EVENT_MARKERS[kind], color="#737373", mec="#000000",
                                      mew=0.6, label=label))
        if events["imposed"].any():
            handles.append(Line2D([], [], ls="", marker="^", color="white", mec="#000000", mew=1.6,
                                  label=text["imposed"]))
        # The legend between the title and the axis, where the event markers are explained.
        ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0, 1.035), ncols=len(handles), frameon=False,
                  fontsize=8, borderaxespad=0, handlelength=1.6, columnspacing=1.2)
        wd = {text["short"].get(k, k): v for k, v in season.counts["warning_days"].items() if k != "none"}
        rh = {text["responses"].get(k, k): v for k, v in season.counts["response_hours"].items()}
        ax.set_title(text["title"].format(a=days.index[0].date(), b=days.index[-1].date(), rules=season.rules) + "\n" +
                     text["summary"].format(days=", ".join(f"{k} {v}" for k, v in wd.items()),
                                            hours=", ".join(f"{k} {v}" for k, v in rh.items())),
                     loc="left", fontsize=10, pad=26)
        for a in (ax, band):
            for side in ("top", "right"):
                a.spines[side].set_visible(False)
        ax.tick_params(axis="x", length=0)
    return fig
