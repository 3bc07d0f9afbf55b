"""The response-measure catalogue of the plan — SPEC R1, R2."""
from __future__ import annotations

from . import _core
from ._frames import frame
from .plans import plan as _plan


def measures(response=None, *, plan="yiyuan-2019"):
    """The measures of plan §5.5.1–3 as a DataFrame indexed by stable id ("II-dust-2"): response,
    class (health, advisory, mandatory, procedure), sector (industrial, dust, mobile, other),
    topic, zh (the plan's text), en (summary), departments (ids, the lead first), source.
    response: a level of the catalogue ("III", "II", "I"; also "Ⅱ" or "Ⅱ级", the plan's own
    spelling) or None for all. plan: the plan whose catalogue (aqi.plan)."""
    return frame(_core.measures(_plan(plan), None if response is None else str(response)), "id")


def departments(*, plan="yiyuan-2019"):
    """The departments of the county command (plan annex 3): id, name_zh, name_en, duties_zh."""
    return frame(_core.departments(_plan(plan)), "id")


def tasks(department, response, *, plan="yiyuan-2019"):
    """What one department must do at a response level (SPEC R2): the measures it is named for.
    department: id ("housing"), Chinese name ("县住房城乡建设局") or English name; response: "II",
    "Ⅱ" or "Ⅱ级"."""
    return frame(_core.tasks(department, response, _plan(plan)), "id")
