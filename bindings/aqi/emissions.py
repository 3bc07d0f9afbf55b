"""Emission cuts and targets — SPEC E1–E10, R3–R6 (plan §5.3–5.5).

    inv = aqi.Inventory.read_csv("scenarios/yiyuan-2019/inventory.csv")   # or aqi.Inventory(frame)
    res = aqi.emission_cuts(inv, response="II", dust_cap=0.15)
    res.summary      # per pollutant: baseline, reduction, ratio, target, met, shortfall … (t/day)
    res.sources      # per source: cut, so2, nox, pm, vocs (t/day), rule_status, measure …
    res.met          # every target met (R3, with R4 and R5)
    aqi.top_up(inv, response="II", dust_cap=0.15)   # E10: cheapest extra cuts, or why none can

Units: emissions and reductions in tonnes per day; ratios as fractions of the baseline (0.2 =
20 %); shortfall_pp in percentage points; cost in the inventory's unit of output value per day.
Responses may be written III, II, I or as the plan writes them (Ⅱ, Ⅱ级). `plan=` takes a plan
(aqi.plan(...), an id or a folder): its measure table (with its fleet and dust measures, E8, E9)
and its targets. The inventory's columns and every decision are in docs/emissions.md; the rules
are decided in the compiled core, this module converts and documents.
"""
from __future__ import annotations

import io
import os

import numpy as np

from . import _core
from ._frames import frame

#: The industry keys of the inventory (SPEC E3–E5).
INDUSTRY_KEYS = tuple(_core.INDUSTRY_KEYS)
#: The pollutants of the targets (SPEC R3), in the order of every summary.
POLLUTANTS = tuple(_core.EMISSION_POLLUTANTS)
_INTEGER_COLUMNS = ("lines", "low_nox", "standard", "built_up", "black_smoke")


class Inventory:
    """The county's emission-reduction inventory (SPEC E1, E2, E7–E9): enterprises, fleets and
    dust sources with baseline emissions of SO2, NOx, PM and VOCs in tonnes per day.

    Inventory(frame) reads a pandas DataFrame with the columns of the CSV form (`id` may be the
    index); Inventory.read_csv(path) reads the CSV. Every bad cell raises aqi.ScenarioError
    naming file:line:column and the column — for a DataFrame the "file" is <DataFrame> and line N
    is the frame's row N − 2 (the header is line 1). Nothing is dropped silently.
    """

    def __init__(self, data):
        import pandas as pd
        self._index = None
        if isinstance(data, _core.Inventory):
            self._core = data
            return
        if not isinstance(data, pd.DataFrame):
            raise TypeError("aqi.Inventory: pass a pandas DataFrame, or use Inventory.read_csv(path)")
        frame = data
        if "id" not in frame.columns and frame.index.name == "id":
            frame = frame.reset_index()
        frame = frame.copy(deep=False)
        for column in frame.columns:
            values = frame[column]
            if values.dtype == bool:
                frame[column] = values.astype(int)
            elif column in _INTEGER_COLUMNS and values.dtype.kind == "f":
                whole = values.dropna()
                if (whole == np.floor(whole)).all():  # a float column only because of NaN
                    frame[column] = values.astype("Int64")
        buffer = io.StringIO()
        frame.to_csv(buffer, index=False, na_rep="", lineterminator="\n")
        self._core = _core.Inventory.parse(buffer.getvalue(), "<DataFrame>")
        self._index = None

    @classmethod
    def read_csv(cls, path) -> "Inventory":
        """Reads the inventory CSV at `path` (schema: docs/emissions.md)."""
        return cls(_core.Inventory.read(os.fspath(path)))

    def __len__(self) -> int:
        return len(self._core)

    @property
    def file(self) -> str:
        return self._core.file

    @property
    def ids(self) -> list[str]:
        return list(self.index)

    @property
    def index(self):
        """The ids as a pandas Index (built once)."""
        if self._index is None:
            import pandas as pd
            self._index = pd.Index(self._core.ids, name="id")
        return self._index

    def to_frame(self):
        """The inventory as a DataFrame indexed by id (the CSV's columns; `line` is the row's
        line in the file; `standard` is <NA> on rows that are not fleets)."""
        out = frame(self._core.columns(), index="id")
        out["standard"] = out["standard"].astype("Int8")
        return out

    def __repr__(self) -> str:
        return repr(self._core)


class IndustryMeasures:
    """The industry measure table (SPEC E3–E5): cut per industry × grade × response level, how
    it is counted, its source and whether it is verified — with the plan's fleet (E8) and dust
    (E9) measures.

    IndustryMeasures() is the built-in table (the national guide's rows with the plan's own,
    libaqi/rules/plans/yiyuan-2019/industry_measures.toml); IndustryMeasures(path) is that table
    overridden by a bureau's TOML file of the same form: its rows replace the rows with the same
    key, the others stay. plan=: start from that plan's table instead.
    """

    def __init__(self, override=None, *, plan=None):
        from .plans import plan as _plan
        table = _plan(plan).industry_measures if plan is not None else _core.IndustryMeasures.builtin()
        if override is not None:
            table = table.overridden_by(_core.IndustryMeasures.load(os.fspath(override)))
        self._core = table

    @property
    def document(self) -> str:
        return self._core.document

    @property
    def table(self):
        """Rows as a DataFrame: industry, grade, response, condition, cut (NaN = not sourced),
        counted_by, status (verified / unverified / not_sourced), verified, evidence, transport,
        measure_en, measure_zh, source, note, document."""
        return frame(self._core.rows())

    @property
    def source_rules(self):
        """The fleet (E8) and dust (E9) measures: section, measure, III, II, I (whether it applies
        at the level), measure_en, measure_zh, source."""
        return frame(self._core.source_rules())

    @property
    def notes(self) -> list[dict]:
        """The table's [[note]] entries: rules that are not per-row cuts, with sources."""
        return frame(self._core.notes()).to_dict("records")

    def __len__(self) -> int:
        return len(self._core)

    def __repr__(self) -> str:
        return repr(self._core)


def industry_measures(override=None, *, plan=None) -> IndustryMeasures:
    """The measure table in use: built-in (or a plan's), or overridden by a bureau's file (see
    IndustryMeasures)."""
    return IndustryMeasures(override, plan=plan)


def _plan_arg(plan):
    if plan is None:
        return None
    from .plans import plan as _plan
    return _plan(plan)


def _measures_arg(measures, plan):
    if measures is None:
        return plan.industry_measures if plan is not None else None
    if isinstance(measures, IndustryMeasures):
        return measures._core
    if isinstance(measures, _core.IndustryMeasures):
        return measures
    return IndustryMeasures(measures, plan=plan)._core


def _targets_arg(targets, plan):
    if targets is None:
        return plan.targets if plan is not None else None
    if isinstance(targets, _core.EmissionTargets):
        return targets
    return _core.EmissionTargets.load(os.fspath(targets))


def _dust_cap_arg(dust_cap):
    if dust_cap is None:
        return None
    try:
        return float(dust_cap)
    except (TypeError, ValueError):
        raise TypeError(f"dust_cap: expected a share of the PM baseline in 0..1 (SPEC R5) or None, "
                        f"got {dust_cap!r}") from None


def _top_arg(top) -> int:
    top = int(top)
    if top < 0:  # would reach the compiled core as a failed size_t conversion
        raise ValueError(f"top: the number of contributors listed per pollutant must be ≥ 0, got {top}")
    return top


def _kilns_arg(kilns, on):
    """SPEC K8: the kiln credit of a schedule on a day, or None without a schedule."""
    if kilns is None:
        if on is not None:
            raise TypeError("on: a day needs kilns= (a KilnSchedule) to credit (SPEC K8)")
        return None
    from .kilns import KilnSchedule, _days, _kiln_table
    if not isinstance(kilns, KilnSchedule):
        raise TypeError(f"kilns: expected an aqi.KilnSchedule (aqi.kiln_schedule(...)), got {type(kilns).__name__}")
    if on is None:
        raise TypeError("kilns: give on= the day of the response whose kiln rotation counts (SPEC K8)")
    ids, lines, capacity, emissions = _kiln_table(kilns.kilns)
    day = _days([on], "on")[0]
    if day == np.iinfo(np.int64).min:
        raise ValueError(f"on: {on!r} is not a date")
    return _core.kiln_credit(ids, lines, capacity, emissions, kilns._core, int(day))


def _inventory_arg(inv) -> Inventory:
    if isinstance(inv, Inventory):
        return inv
    return Inventory(inv)


class EmissionCuts:
    """Cuts of every source at one response level and the county's check against its targets.

    sources  DataFrame indexed by id: cut (fraction of activity removed; NaN = the rule has no
             value), so2, nox, pm, vocs (reduction, t/day; NaN where cut is NaN), kind, industry,
             grade, rule_status (verified / unverified / not_sourced / excluded), counted_by,
             lines_stopped (E6), capped (E7), measure, rule_source. Built on first access.
    summary  DataFrame indexed by so2, nox, pm, vocs: baseline, reduction (t/day), ratio, target
             (R3), met (with the SO2/NOx trade of R4), shortfall (t/day), shortfall_pp (percentage
             points), met_alone, traded, dust_reduction and dust_counted (PM, R5),
             unverified_reduction, unsourced_sources and unsourced_baseline (reduction unknown,
             counted as nothing), voluntary_reduction (E11: grade A / 引领性 commitments),
             kiln_baseline and kiln_reduction (K8: the kiln rotation on the day), verdict
             (E12: met / short / undetermined) with verdict_zh and deciding_baseline (t/day of
             the sources without a sourced rule that decide an undetermined verdict),
             top_contributors (R6).
    met      True when every verdict is met (E12).
    warnings DataFrame (id, rule, reason_zh, reason): protected key-industry enterprises below
             grade B (E11) — reported, not refused.
    kilns    SPEC K8, when kilns= was given: DataFrame indexed by kiln id (lines, lines_stopped,
             share of capacity stopped that day, has_emissions, so2 … vocs credited, baseline_so2
             … baseline_vocs); None otherwise. kilns_on: the day.
    """

    def __init__(self, core, inventory: Inventory):
        self._core = core
        self._inventory = inventory
        self.response: str = core.response
        self.response_zh: str = core.response_zh
        self.dust_cap = core.dust_cap
        self.met: bool = core.met
        self.excluded: int = core.excluded
        self.unsourced: int = core.unsourced
        self.unverified: int = core.unverified
        self.measures_document: str = core.measures_document
        self.targets_document: str = core.targets_document
        self.warnings = frame(core.warnings)
        credit = core.kilns
        self.kilns = None if credit is None else frame(credit.kilns, index="id")
        self.kilns_on = None if credit is None else np.datetime64(credit.on, "D")
        self._summary = None
        self._cut = None
        self._sources = None

    @property
    def summary(self):
        if self._summary is None:
            self._summary = frame(self._core.summary, index="pollutant")
        return self._summary

    @property
    def cut(self) -> np.ndarray:
        """The cut of every source, in inventory order (NaN = the rule has no value)."""
        if self._cut is None:
            self._cut = self._core.cut
        return self._cut

    def reduction(self, pollutant: str) -> np.ndarray:
        """Every source's reduction of `pollutant` in t/day, in inventory order."""
        return self._core.reduction(pollutant)

    @property
    def sources(self):
        if self._sources is None:
            out = frame(self._core.sources)
            out.index = self._inventory.index
            out["lines_stopped"] = out["lines_stopped"].astype("Int32")
            self._sources = out
        return self._sources

    def top(self, pollutant: str):
        """R6: the sources contributing most to `pollutant`'s reduction, largest first."""
        return frame(self._core.top(pollutant), index="id")

    def __len__(self) -> int:
        return len(self._core)

    def __repr__(self) -> str:
        return repr(self._core)


def emission_cuts(inv, response: str = "II", dust_cap=None, *, measures=None, targets=None, top: int = 5,
                  plan=None, kilns=None, on=None) -> EmissionCuts:
    """Every source's cut at a response level and the check against the plan's targets.

    inv: an aqi.Inventory (or a DataFrame in its form). response: "III", "II" or "I" (SPEC R1; also
    as the plan writes them, "Ⅱ" or "Ⅱ级"). dust_cap: the largest share of the PM baseline that dust
    reductions may count for (SPEC R5: the dust share of the local PM2.5 source apportionment),
    e.g. 0.15; None = dust counts in full. measures: a bureau's measure-table TOML (overriding the
    plan's table, SPEC E3) or an IndustryMeasures. targets: a TOML file of the form of a plan's
    targets.toml. top: contributors listed per pollutant (R6). plan: a plan (aqi.plan(...), an id
    or a folder) whose measure table and targets are used; default the built-in plan's.
    kilns, on: SPEC K8 — a KilnSchedule (aqi.kiln_schedule of a kiln table with so2, nox, pm,
    vocs columns) and the day of the response ("2019-12-15"): the kilns' baseline joins the
    county's and the capacity the schedule stops that day is credited, as its own line (`kilns`).
    """
    inv = _inventory_arg(inv)
    plan = _plan_arg(plan)
    credit = _kilns_arg(kilns, on)
    core = _core.emission_cuts(inv._core, response, _dust_cap_arg(dust_cap), _measures_arg(measures, plan),
                               _targets_arg(targets, plan), _top_arg(top), credit)
    return EmissionCuts(core, inv)


class TopUp:
    """SPEC E10: the cheapest extra cuts that close every shortfall, or why none can.

    needed       False when the level's measures already meet every target.
    feasible     True when the targets can be met (with `cuts`).
    cuts         DataFrame indexed by id: extra_cut (fraction of activity), extra_lines (E6),
                 new_cut, cost (output value per day), so2, nox, pm, vocs (t/day added).
    cost         total cost of the extra cuts.
    explanation  one paragraph saying what was found (or which targets no set can reach).
    summary      the check with the extra cuts (columns as EmissionCuts.summary); before: without.
    counts       candidates and the sources that could not be candidates, by reason
                 (exempt_grade: grade A or 引领性, never proposed, E11).
    assumption   E12: what the proposal rests on — "assumes the N sources without a sourced rule
                 (…) cut nothing …" — or "" when every source has a rule; assumption_zh likewise.
    """

    def __init__(self, core):
        self._core = core
        self.response: str = core.response
        self.needed: bool = core.needed
        self.feasible: bool = core.feasible
        self.cost: float = core.cost
        self.explanation: str = core.explanation
        self.counts: dict = {k: getattr(core, k) for k in
                             ("candidates", "no_cost", "not_sourced", "exempt", "exempt_grade", "at_maximum",
                              "not_chosen")}
        self.assumption: str = core.assumption
        self.assumption_zh: str = core.assumption_zh
        self.cuts = frame(core.cuts, index="id")
        self.cuts["extra_lines"] = self.cuts["extra_lines"].astype("Int32")
        self.before = frame(core.before, index="pollutant")
        self.summary = frame(core.after, index="pollutant")

    def __repr__(self) -> str:
        return repr(self._core)


def top_up(inv, response: str = "II", dust_cap=None, *, measures=None, targets=None, candidates=None,
           plan=None, kilns=None, on=None) -> TopUp:
    """SPEC E10: the cheapest set of extra cuts (by lost output value, the inventory's `cost`)
    that meets every target at `response`, solved exactly as a mixed-integer program (GLPK), or
    an explanation of why no set can.

    candidates: ids allowed to take extra cuts (default: every eligible source — see
    docs/emissions.md); grade A and 引领性 enterprises never are (E11). Other arguments as
    emission_cuts (kilns, on: the kiln rotation of the day counts, K8).
    """
    inv = _inventory_arg(inv)
    plan = _plan_arg(plan)
    credit = _kilns_arg(kilns, on)
    core = _core.top_up(inv._core, response, _dust_cap_arg(dust_cap), _measures_arg(measures, plan),
                        _targets_arg(targets, plan), None if candidates is None else list(candidates), credit)
    return TopUp(core)
