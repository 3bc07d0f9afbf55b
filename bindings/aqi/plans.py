"""A county's emergency plan as data (issue 12): warning rules, response catalogue and member
units, targets, the plan's industry rows, kiln rules and deadlines, one folder of files.

    aqi.plan()                       the default built-in plan, "yiyuan-2019"
    aqi.plan("yiyuan-2019")          a built-in plan by id (aqi.PLANS lists them)
    aqi.plan("path/to/zibo-2024")    a copied and edited plan folder (libaqi/rules/plans/README.md)

Every entry point that takes ``rules=`` or ``plan=`` accepts a Plan, a built-in id or a folder.
"""
from __future__ import annotations

import os

from . import _core

#: The built-in plans.
PLANS = tuple(_core.plan_ids())
Plan = _core.Plan


def plan(plan="yiyuan-2019") -> Plan:
    """A plan: a built-in id, the path of a plan folder (a folder holding plan.toml), or a Plan
    (returned as is)."""
    if isinstance(plan, Plan):
        return plan
    if isinstance(plan, os.PathLike) or (isinstance(plan, str) and (os.sep in plan or "/" in plan or plan in (".", ".."))):
        return _core.load_plan(os.fspath(plan))
    if not isinstance(plan, str):
        raise TypeError(f"plan must be a plan id, a plan folder or an aqi.Plan, got {type(plan).__name__}")
    return _core.plan(plan)
