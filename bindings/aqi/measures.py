"""The response-measure catalogue of the plan — SPEC R1, R2."""
from __future__ import annotations

from . import _core
from .plans import plan as _plan

_RESPONSES = ("III", "II", "I")


def _frame(rows):
    import pandas as pd
    columns = ["id", "response", "class", "sector", "topic", "zh", "en", "departments", "source", "note"]
    frame = pd.DataFrame(rows, columns=columns).set_index("id")
    frame["departments"] = [", ".join(d) for d in frame["departments"]]
    return frame


def measures(response=None, *, plan="yiyuan-2019"):
    """The measures of plan §5.5.1–3 as a DataFrame indexed by stable id ("II-dust-2"): response,
    class (health, advisory, mandatory, procedure), sector (industrial, dust, mobile, other),
    topic, zh (the plan's text), en (summary), departments (ids, the lead first), source.
    response: "III", "II", "I" or None for all. plan: the plan whose catalogue (aqi.plan)."""
    rows = _core.measure_catalogue(_plan(plan))["measures"]
    if response is not None:
        if response not in _RESPONSES:
            raise KeyError(f"unknown response level {response!r}; expected one of: III, II, I")
        rows = [r for r in rows if r["response"] == response]
    return _frame(rows)


def departments(*, plan="yiyuan-2019"):
    """The departments of the county command (plan annex 3): id, name_zh, name_en, duties_zh."""
    import pandas as pd
    return pd.DataFrame(_core.measure_catalogue(_plan(plan))["departments"]).set_index("id")


def tasks(department, response, *, plan="yiyuan-2019"):
    """What one department must do at a response level (SPEC R2): the measures it is named for.
    department: id ("housing"), Chinese name ("县住房城乡建设局") or English name."""
    _, rows = _core.tasks(department, response, _plan(plan))
    return _frame(rows)
