"""The emission-cut chart: each pollutant's reduction ratio against its level's target (SPEC R3–R6)."""
from __future__ import annotations

import numpy as np

from ._style import figure, language, rc

LEVEL_HATCH = {"III": "..", "II": "//", "I": "xx", "IV": "--"}
LEVEL_COLOUR = {"III": "#ffd92f", "II": "#fd8d3c", "I": "#e31a1c", "IV": "#6baed6"}
TEXT = {
    "en": {"title": "Emission reductions against the targets", "ratio": "reduction (% of baseline)",
           "level": "Level {r} response", "target": "target", "met": "met", "short": "−{pp:.1f}\npp",
           "traded": "SO2 + NOx traded (R4)", "unsourced": "{n} sources without a sourced rule count as 0",
           "pollutants": {"so2": "SO2", "nox": "NOx", "pm": "PM", "vocs": "VOCs"}},
    "zh": {"title": "应急减排比例与目标", "ratio": "减排比例（占基准排放%）", "level": "{r}响应", "target": "目标",
           "met": "达标", "short": "差{pp:.1f}\n个百分点", "traded": "SO2与NOx可互相调剂（R4）",
           "unsourced": "{n}个污染源无可查措施，按0计", "pollutants": {"so2": "SO2", "nox": "NOx", "pm": "PM", "vocs": "VOCs"}},
}


def emission_cuts(cuts, *, lang: str = "auto", figsize=None):
    """Bar chart of the reduction ratio per pollutant (SO2, NOx, PM, VOCs) for one or several
    aqi.emission_cuts(...) results (a result, a list, or a dict of them), each level hatched,
    its target drawn across its bar and the verdict written above: "met", or the shortfall in
    percentage points (R3; SO2 and NOx judged together under R4)."""
    from matplotlib import rc_context
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    results = list(cuts.values()) if isinstance(cuts, dict) else list(cuts) if isinstance(cuts, (list, tuple)) else [cuts]
    if not results:
        raise ValueError("emission_cuts: no results to draw")
    lang_ = language(lang)
    text = TEXT[lang_]
    pollutants = list(results[0].summary.index)
    x = np.arange(len(pollutants))
    width = 0.8 / len(results)
    with rc_context(rc(lang_)):
        fig = figure(figsize or (9, 5))
        ax = fig.add_subplot()
        top = 0.0
        for k, res in enumerate(results):
            s = res.summary
            pos = x - 0.4 + width * (k + 0.5)
            ratios = 100 * s["ratio"].to_numpy(dtype=float)
            targets = 100 * s["target"].to_numpy(dtype=float)
            r = res.response
            ax.bar(pos, ratios, width * 0.9, color=LEVEL_COLOUR.get(r, "#bdbdbd"), hatch=LEVEL_HATCH.get(r, ""),
                   edgecolor="#252525", linewidth=0.6, zorder=2)
            for p, ratio, target, met, pp in zip(pos, ratios, targets, s["met"], s["shortfall_pp"]):
                ax.hlines(target, p - width * 0.5, p + width * 0.5, color="#000000", lw=2, zorder=3)
                label = text["met"] if met else text["short"].format(pp=pp)
                ax.text(p, max(ratio, target) + 0.8, f"{ratio:.1f} %\n{label}", ha="center", va="bottom", fontsize=7,
                        linespacing=1.1)
                top = max(top, ratio, target)
        ax.set_xticks(x, [text["pollutants"].get(p, p) for p in pollutants])
        ax.set_ylim(0, top * 1.3 + 2)
        ax.set_ylabel(text["ratio"])
        handles = [Patch(facecolor=LEVEL_COLOUR.get(r.response, "#bdbdbd"), hatch=LEVEL_HATCH.get(r.response, ""),
                         edgecolor="#252525",
                         label=text["level"].format(r=r.response_zh if lang_ == "zh" else r.response))
                   for r in results]
        handles.append(Line2D([], [], color="#000000", lw=2, label=text["target"]))
        ax.legend(handles=handles, loc="upper left", frameon=False, fontsize=8, ncols=len(handles))
        unsourced = results[0].unsourced
        notes = [text["traded"]] + ([text["unsourced"].format(n=unsourced)] if unsourced else [])
        ax.set_title(text["title"] + "\n" + "; ".join(notes), loc="left", fontsize=10)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    return fig
