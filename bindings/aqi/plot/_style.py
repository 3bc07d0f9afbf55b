"""What every figure of aqi.plot shares: the CJK font and the language of labels, number
formats, a figure without pyplot state, and month axes."""
from __future__ import annotations

import functools
import warnings

@functools.lru_cache(maxsize=None)
def cjk_font() -> str | None:
    """The name of an installed CJK font matplotlib can use (Noto Sans CJK …), or None."""
    from matplotlib import font_manager
    names = {f.name for f in font_manager.fontManager.ttflist}
    for preferred in ("Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans CJK TC", "Source Han Sans SC",
                      "WenQuanYi Zen Hei", "SimHei", "Microsoft YaHei"):
        if preferred in names:
            return preferred
    return next((n for n in sorted(names) if "CJK" in n), None)


def language(lang: str) -> str:
    if lang not in ("auto", "zh", "en"):
        raise ValueError(f"lang must be 'auto', 'zh' or 'en', got {lang!r}")
    if lang == "en":
        return "en"
    if cjk_font() is None:
        if lang == "zh":
            warnings.warn("no CJK font found (install fonts-noto-cjk): labels fall back to English", stacklevel=3)
        return "en"
    return "zh"


def rc(language: str) -> dict:
    family = [cjk_font(), "DejaVu Sans"] if language == "zh" else ["DejaVu Sans"]
    return {"font.family": family, "axes.unicode_minus": False, "hatch.linewidth": 0.6}


def number(v: float) -> str:
    """Capacity as people write it: 13,740 · 425.5 · 7.25."""
    a = abs(v)
    if a >= 1000:
        return f"{v:,.0f}"
    if a >= 100:
        return f"{v:.1f}".rstrip("0").rstrip(".")
    return f"{v:.2f}".rstrip("0").rstrip(".")


def percent(fraction: float) -> str:
    p = 100 * fraction
    if p == 0:
        return "0 %"
    return "< 0.001 %" if p < 0.001 else f"{p:.3g} %"


def figure(figsize):
    from matplotlib.figure import Figure
    return Figure(figsize=figsize, layout="constrained")


def month_axis(ax, first, last, text, weights=None):
    """Month boundaries as light lines, month names centred between them."""
    import pandas as pd
    starts = pd.date_range(first.replace(day=1), last, freq="MS")
    for s in starts:
        ax.axvline(s, color="#d9d9d9", lw=0.8, zorder=0)
    centres = [s + (s + pd.offsets.MonthBegin(1) - s) / 2 for s in starts]
    labels = [text["months"][s.month - 10 if s.month >= 10 else s.month + 2] for s in starts]
    labels = [f"{lab}\n{s.year}" if i == 0 or s.month == 1 else lab for i, (lab, s) in enumerate(zip(labels, starts))]
    ax.set_xticks(centres, labels)
    ax.tick_params(axis="x", length=0)
    ax.set_xlim(first, last)


