"""The kiln figures: the rotation as a Gantt chart, the stopped capacity per month (SPEC K1–K5)."""
from __future__ import annotations

import numpy as np

from ._style import figure as _figure
from ._style import language as _language
from ._style import month_axis as _month_axis
from ._style import number as _number
from ._style import percent as _percent
from ._style import rc as _rc
from ..kilns import MULTI_LINE_BATCH as _K3

# Shared by every figure of the package: one style per series, legible without colour.
_STYLE = {
    "B1": {"color": "#bdd7e7", "hatch": "///"},
    "B2": {"color": "#6baed6", "hatch": "\\\\\\"},
    "B3": {"color": "#2171b5", "hatch": "xx"},
    "K3": {"color": "#969696", "hatch": ".."},
    "K4": {"color": "#ffffff", "hatch": "oo"},
}
_TEXT = {
    "en": {
        "gantt_title": "Brick-kiln rotation, season {a}–{b}",
        "monthly_title": "Stopped kiln capacity per month, season {a}–{b}",
        "batch": {"B1": "B1 (Oct–Dec)", "B2": "B2 (Nov–Jan)", "B3": "B3 (Dec–Feb)"},
        "K3": "multi-line kilns: half the lines, all season (K3)",
        "K4": "+{n} days, window with January (K4)",
        "kilns": "{n} kilns",
        "line": "{id} line {line} of {lines}",
        "capacity": "stopped capacity ({unit})",
        "objective": "K5 objective {o} · LP bound {b} · gap {g}",
        "floor": "K5: weight × objective",
        "multi": "multi-line (K3)",
        "batch_count": "{label}: {n} kilns",
        "weight": "w={w:g}",
        "months": ["Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep"],
        "exact": "optimal",
        "unit": "capacity per day",
        "rows_note": "{n} kilns: one row per batch",
    },
    "zh": {
        "gantt_title": "砖瓦窑轮停安排（{a}—{b}年秋冬季）",
        "monthly_title": "砖瓦窑各月停产产能（{a}—{b}年秋冬季）",
        "batch": {"B1": "第一批（10—12月）", "B2": "第二批（11—1月）", "B3": "第三批（12—2月）"},
        "K3": "多条生产线企业：停产50%生产线（K3）",
        "K4": "含1月多停{n}天（K4）",
        "kilns": "{n}家",
        "line": "{id} {line}号线（共{lines}条）",
        "capacity": "停产产能（{unit}）",
        "objective": "K5目标值 {o} · LP上界 {b} · 差距 {g}",
        "floor": "K5：权重×目标值",
        "multi": "多线企业（K3）",
        "batch_count": "{label}：{n}家",
        "weight": "权重{w:g}",
        "months": ["10月", "11月", "12月", "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月"],
        "exact": "最优",
        "unit": "产能/日",
        "rows_note": "{n}家企业：按批次汇总",
    },
}


def kiln_gantt(schedule, *, lang: str = "auto", max_rows: int = 60, figsize=None):
    """Gantt chart of a kiln schedule (aqi.kiln_schedule): one bar per stopped line and window,
    hatched by batch; K4's extra days drawn apart. Above `max_rows` lines the chart shows one row
    per batch with the number of kilns instead."""
    import pandas as pd
    from matplotlib import rc_context
    from matplotlib.patches import Patch

    language = _language(lang)
    text = _TEXT[language]
    a = schedule.assignments
    batches = schedule.batches
    season = schedule.season
    first = schedule.season_start
    last_end = max(a["end"].max(), schedule.season_end)
    last = last_end + pd.Timedelta(days=1)
    order = {b: i for i, b in enumerate(a["batch"].cat.categories)}  # the batches, then K3
    rows = a.assign(_o=a["batch"].map(order).astype(int), _pos=np.arange(len(a)))
    rows = rows.sort_values(["_o", "_pos"], kind="stable")
    line_keys = list(dict.fromkeys(zip(rows["id"], rows["line"])))
    grouped = len(line_keys) > max_rows

    with rc_context(_rc(language)):
        if grouped:
            groups = [b for b in order if (rows["batch"] == b).any()]
            height = 1.2 + 0.6 * len(groups)
        else:
            height = 1.4 + 0.22 * len(line_keys)
        fig = _figure(figsize or (10, max(3.0, height)))
        ax = fig.add_subplot()

        def bar(y, start, end, style, h=0.7):
            ax.barh(y, (end - start).days + 1, left=start, height=h, color=style["color"], hatch=style["hatch"],
                    edgecolor="#252525", linewidth=0.6, zorder=2)

        def draw(y, start, end, batch):
            info = batches.loc[batch] if batch in batches.index else None
            if info is not None and info["extended"]:
                months_start, months_end = info["months_start"], info["months_end"]
                # The K4 days: after the months' end (the spec's decision) or before their start.
                if end > months_end:
                    bar(y, start, months_end, _STYLE[batch])
                    bar(y, months_end + pd.Timedelta(days=1), end, _STYLE["K4"])
                    return
                if start < months_start:
                    bar(y, start, months_start - pd.Timedelta(days=1), _STYLE["K4"])
                    bar(y, months_start, end, _STYLE[batch])
                    return
            bar(y, start, end, _STYLE[batch])

        if grouped:
            labels = []
            for y, b in enumerate(groups):
                sub = rows[rows["batch"] == b]
                for (start, end), _ in sub.groupby(["start", "end"]):
                    draw(y, start, end, b)
                kilns = sub["id"].nunique()
                name = text["batch"].get(b, b) if b != _K3 else text["multi"]
                labels.append(f"{name}\n{text['kilns'].format(n=f'{kilns:,}')}")
            ax.set_yticks(range(len(groups)), labels)
            ax.set_title(text["gantt_title"].format(a=season, b=season + 1) + " — " +
                         text["rows_note"].format(n=f"{len(schedule.kilns):,}"), loc="left")
        else:
            lines_of = schedule.kilns.set_index("id")["lines"]
            index = {k: i for i, k in enumerate(line_keys)}
            for r in rows.itertuples():
                draw(index[(r.id, r.line)], r.start, r.end, r.batch)
            labels = [k if lines_of.get(k, 1) == 1 else text["line"].format(id=k, line=line, lines=lines_of[k])
                      for k, line in line_keys]
            ax.set_yticks(range(len(line_keys)), labels, fontsize=8 if len(line_keys) > 30 else 9)
            ax.set_title(text["gantt_title"].format(a=season, b=season + 1), loc="left")
        count = len(groups) if grouped else len(line_keys)
        ax.set_ylim(count - 0.5, -0.5)  # first row on top, no empty margins
        if not grouped:  # a thin rule between batches
            kinds = [rows.loc[(rows["id"] == k) & (rows["line"] == line), "batch"].iloc[0] for k, line in line_keys]
            for y in range(1, len(kinds)):
                if kinds[y] != kinds[y - 1]:
                    ax.axhline(y - 0.5, color="#737373", lw=0.8, zorder=1)
        _month_axis(ax, first, last, text)
        ax.grid(False)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)

        # Every batch, even an empty one (with default weights B1 is dominated by B2: docs/kilns.md).
        handles = [Patch(facecolor=_STYLE[b]["color"], hatch=_STYLE[b]["hatch"], edgecolor="#252525",
                         label=text["batch_count"].format(label=text["batch"].get(b, b), n=f"{int(info['kilns']):,}"))
                   for b, info in batches.iterrows()]
        if batches["extended"].any() and schedule.extension_days > 0:
            handles.append(Patch(facecolor=_STYLE["K4"]["color"], hatch=_STYLE["K4"]["hatch"], edgecolor="#252525",
                                 label=text["K4"].format(n=schedule.extension_days)))
        if (rows["batch"] == _K3).any():
            handles.append(Patch(facecolor=_STYLE[_K3]["color"], hatch=_STYLE[_K3]["hatch"], edgecolor="#252525",
                                 label=text["K3"]))
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.45 / fig.get_figheight()),
                  ncols=min(3, len(handles)), frameon=False, fontsize=9)
    return fig


def _batch_month_capacity(schedule):
    """Each batch's (and the multi-line kilns') share of every month's stopped capacity, as the
    schedule computed them (K5): the constant base (K3) first."""
    parts = schedule.monthly_by_batch
    return {key: parts[key].to_numpy(dtype=float) for key in parts.columns}


def kiln_monthly(schedule, *, lang: str = "auto", unit: str | None = None, figsize=None):
    """Bar chart of each month's stopped capacity S_m (SPEC K5), stacked by batch and the
    multi-line kilns, with S_m and its share of the total capacity written on each bar, the
    month weights under the months, and the smallest weighted S_m / w_m (the objective).
    unit: the capacity unit for the axis label (e.g. "万块标砖/日")."""
    import pandas as pd
    from matplotlib import rc_context
    from matplotlib.ticker import FuncFormatter

    language = _language(lang)
    text = _TEXT[language]
    monthly = schedule.monthly
    parts = _batch_month_capacity(schedule)
    total = sum(parts.values())
    if not np.allclose(total, monthly["stopped_capacity"].to_numpy(), rtol=1e-9, atol=1e-9 * schedule.total_capacity):
        raise AssertionError("kiln_monthly: batch parts do not add up to the monthly stopped capacity")
    x = np.arange(len(monthly))
    periods = pd.PeriodIndex(monthly.index, freq="M")

    with rc_context(_rc(language)):
        fig = _figure(figsize or (8, 5.6))
        ax = fig.add_subplot()
        bottom = np.zeros(len(x))
        for key, values in parts.items():
            if not values.any():
                continue
            label = text["batch"].get(key, key) if key != _K3 else text["K3"]
            ax.bar(x, values, 0.7, bottom=bottom, color=_STYLE[key]["color"], hatch=_STYLE[key]["hatch"],
                   edgecolor="#252525", linewidth=0.6, label=label, zorder=2)
            bottom += values
        top = float(bottom.max()) if len(bottom) else 1.0
        for xi, (s, share) in enumerate(zip(monthly["stopped_capacity"], monthly["share"])):
            ax.text(xi, s + 0.015 * top, f"{_number(s)}\n({100 * share:.0f} %)", ha="center", va="bottom",
                    fontsize=8.5)
        weights = monthly["weight"].to_numpy()
        positive = weights > 0
        # K5: every weighted month reaches w_m × objective; the lowest bars touch it.
        if positive.any() and np.allclose(weights[positive], weights[positive][0]):
            ax.axhline(schedule.objective * weights[positive][0], color="#252525", ls="--", lw=1, zorder=3,
                       label=text["floor"])
        else:
            for i, (xi, w) in enumerate(zip(x[positive], weights[positive])):
                ax.hlines(schedule.objective * w, xi - 0.45, xi + 0.45, color="#252525", ls="--", lw=1.2, zorder=3,
                          label=text["floor"] if i == 0 else None)
        labels = []
        for p, w in zip(periods, weights):
            name = text["months"][p.month - 10 if p.month >= 10 else p.month + 2]
            labels.append(f"{name}\n{p.year}\n{text['weight'].format(w=w)}")
        ax.set_xticks(x, labels)
        for tick, w in zip(ax.get_xticklabels(), weights):
            tick.set_fontweight("bold" if w > 0 else "normal")
        ax.set_ylim(0, top * 1.18)
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
        ax.set_ylabel(text["capacity"].format(unit=unit or text["unit"]))
        gap = _percent(schedule.gap) + (f" ({text['exact']})" if schedule.exact else "")
        ax.set_title(text["monthly_title"].format(a=schedule.season, b=schedule.season + 1) + "\n" +
                     text["objective"].format(o=_number(schedule.objective), b=_number(schedule.bound), g=gap),
                     loc="left", fontsize=11)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.95 / fig.get_figheight()), ncols=2, frameon=False,
                  fontsize=8.5)
    return fig
