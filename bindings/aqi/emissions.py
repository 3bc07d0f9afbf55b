"""Emission cuts and targets — SPEC E1–E10, R3–R6 (plan §5.3–5.5).

    inv = aqi.Inventory.read_csv("scenarios/yiyuan-2019/inventory.csv")   # or aqi.Inventory(frame)
    res = aqi.emission_cuts(inv, response="II", dust_cap=0.15)
    res.summary      # per pollutant: baseline, reduction, ratio, target, met, shortfall … (t/day)
    res.sources      # per source: cut, so2, nox, pm, vocs (t/day), rule_status, measure …
    res.met          # every target met (R3, with R4 and R5)
    aqi.top_up(inv, response="II", dust_cap=0.15)   # E10: cheapest extra cuts, or why none can

Units: emissions and reductions in tonnes per day; ratios as fractions of the baseline (0.2 =
20 %); shortfall_pp in percentage points; cost in the inventory's unit of output value per day.
The inventory's columns and every decision are in docs/emissions.md.
"""
from __future__ import annotations

import io
import os

import numpy as np

from . import _core

#: The industry keys of the inventory (SPEC E3–E5).
INDUSTRY_KEYS = tuple(_core.INDUSTRY_KEYS)
POLLUTANTS = ("so2", "nox", "pm", "vocs")
_KINDS = tuple(_core.KIND_KEYS)
_GRADES = tuple(_core.GRADE_KEYS)
_RESPONSES = ("III", "II", "I")
_INTEGER_COLUMNS = ("lines", "low_nox", "standard", "built_up", "black_smoke")
_INVENTORY_COLUMNS = (
    "id", "name", "kind", "industry", "grade", "lines", "so2", "nox", "pm", "vocs", "protected_max_load",
    "excluded", "low_nox", "cost", "line_capacity", "vehicle", "standard", "trips_per_day", "exempt",
    "built_up", "black_smoke", "dust")


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
            self._index = pd.Index(self._core.columns()["id"], name="id")
        return self._index

    def to_frame(self):
        """The inventory as a DataFrame indexed by id (the CSV's columns; `line` is the row's
        line in the file)."""
        import pandas as pd
        columns = self._core.columns()
        frame = pd.DataFrame(columns).set_index("id")
        frame["protected_max_load"] = frame["protected_max_load"].astype(float)
        frame["standard"] = pd.array(np.where(frame["standard"] < 0, None, frame["standard"]), dtype="Int8")
        frame["low_nox"] = frame["low_nox"].astype(bool)
        frame["built_up"] = frame["built_up"].astype(bool)
        frame["black_smoke"] = frame["black_smoke"].astype(bool)
        return frame

    def __repr__(self) -> str:
        c = self._core.counts()
        return (f"Inventory({len(self)} sources: {c['enterprise']} enterprises, {c['fleet']} fleets, "
                f"{c['dust']} dust; {c['excluded']} excluded (E2), {c['protected']} protected (E7); "
                f"file={self.file!r})")


class IndustryMeasures:
    """The industry measure table (SPEC E3–E5): cut per industry × grade × response level, how
    it is counted, its source and whether it is verified.

    IndustryMeasures() is the built-in table (libaqi/rules/industry/technical-guide-2020.toml);
    IndustryMeasures(path) is the built-in table overridden by a bureau's TOML file of the same
    form: its rows replace the rows with the same key, the others stay.
    """

    def __init__(self, override=None):
        table = _core.IndustryMeasures.builtin()
        if override is not None:
            table = table.overridden_by(_core.IndustryMeasures.load(os.fspath(override)))
        self._core = table

    @property
    def document(self) -> str:
        return self._core.document

    @property
    def table(self):
        """Rows as a DataFrame: industry, grade, response, condition, cut (NaN = not sourced),
        counted_by, status (verified / unverified / not_sourced), evidence, transport, measure_en,
        measure_zh, source, note, document."""
        import pandas as pd
        return pd.DataFrame(self._core.rows())

    @property
    def notes(self) -> list[dict]:
        """The table's [[note]] entries: rules that are not per-row cuts, with sources."""
        return self._core.notes()

    def __len__(self) -> int:
        return len(self._core)

    def __repr__(self) -> str:
        rows = self._core.rows()
        status = rows["status"]
        return (f"IndustryMeasures({len(self)} rows: {status.count('verified')} verified, "
                f"{status.count('unverified')} unverified, {status.count('not_sourced')} not sourced; "
                f"document={self.document!r})")


def industry_measures(override=None) -> IndustryMeasures:
    """The measure table in use: built-in, or overridden by a bureau's file (see IndustryMeasures)."""
    return IndustryMeasures(override)


def _measures_arg(measures):
    if measures is None:
        return None
    if isinstance(measures, IndustryMeasures):
        return measures._core
    return IndustryMeasures(measures)._core


def _targets_arg(targets):
    if targets is None:
        return None
    return _core.EmissionTargets.load(os.fspath(targets))


def _response_arg(response) -> str:
    if response not in _RESPONSES:
        raise KeyError(f"unknown response level {response!r}; expected one of: III, II, I")
    return response


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


def _inventory_arg(inv) -> Inventory:
    if isinstance(inv, Inventory):
        return inv
    return Inventory(inv)


def _optional_int(values):
    """Int32 with <NA> where the C++ side says -1 (not counted by line)."""
    import pandas as pd
    values = np.asarray(values, dtype=np.int32)
    missing = values < 0
    return pd.arrays.IntegerArray(np.where(missing, 0, values).astype(np.int32), missing)


_SUMMARY_COLUMNS = ["baseline", "reduction", "ratio", "target", "met", "shortfall", "shortfall_pp", "met_alone",
                    "traded", "dust_reduction", "dust_counted", "unverified_reduction", "unsourced_sources",
                    "unsourced_baseline", "top_contributors"]


def _summary_frame(checks):
    import pandas as pd
    rows = []
    for c in checks:
        row = {k: c[k] for k in _SUMMARY_COLUMNS[:-1]}
        row["top_contributors"] = ", ".join(
            f"{t['id']} ({t['reduction']:.3g} t/d, {t['share'] * 100:.0f}%)" for t in c["top"])
        rows.append(row)
    frame = pd.DataFrame(rows, index=pd.Index(POLLUTANTS, name="pollutant"), columns=_SUMMARY_COLUMNS)
    return frame


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
             counted as nothing), top_contributors (R6).
    met      True when every target is met.
    """

    def __init__(self, raw, inventory: Inventory):
        self._raw = raw
        self._inventory = inventory
        self.response: str = raw.level
        self.dust_cap = raw.dust_cap
        self.met: bool = raw.met
        self.excluded: int = raw.excluded
        self.unsourced: int = raw.unsourced
        self.unverified: int = raw.unverified
        self.measures_document: str = raw.measures_document
        self.targets_document: str = raw.targets_document
        self._checks = raw.summary()
        self.summary = _summary_frame(self._checks)
        self._arrays = raw.arrays()
        self._sources = None

    @property
    def cut(self) -> np.ndarray:
        """The cut of every source, in inventory order (NaN = the rule has no value)."""
        return self._arrays["cut"]

    def reduction(self, pollutant: str) -> np.ndarray:
        """Every source's reduction of `pollutant` in t/day, in inventory order."""
        if pollutant not in POLLUTANTS:
            raise KeyError(f"unknown pollutant {pollutant!r}; expected one of: so2, nox, pm, vocs")
        return self._arrays[pollutant]

    @property
    def sources(self):
        if self._sources is None:
            import pandas as pd
            a = self._arrays
            texts = {k: pd.Categorical.from_codes(codes, categories)
                     for k, (codes, categories) in self._raw.texts().items()}
            codes = self._inventory._core.codes()
            lines = a["lines_stopped"]
            frame = pd.DataFrame({
                "cut": a["cut"],
                "so2": a["so2"], "nox": a["nox"], "pm": a["pm"], "vocs": a["vocs"],
                "kind": pd.Categorical.from_codes(codes["kind"], _KINDS),
                "industry": pd.Categorical.from_codes(codes["industry"], INDUSTRY_KEYS),
                "grade": pd.Categorical.from_codes(codes["grade"], _GRADES),
                "rule_status": texts["rule_status"], "counted_by": texts["counted_by"],
                "lines_stopped": _optional_int(lines),
                "capped": a["capped"],
                "measure": texts["measure"], "rule_source": texts["rule_source"],
            }, index=self._inventory.index)
            self._sources = frame
        return self._sources

    def top(self, pollutant: str):
        """R6: the sources contributing most to `pollutant`'s reduction, largest first."""
        import pandas as pd
        if pollutant not in POLLUTANTS:
            raise KeyError(f"unknown pollutant {pollutant!r}; expected one of: so2, nox, pm, vocs")
        top = self._checks[POLLUTANTS.index(pollutant)]["top"]
        return pd.DataFrame(top, columns=["id", "reduction", "share"]).set_index("id")

    def __repr__(self) -> str:
        parts = []
        for p, row in self.summary.iterrows():
            ratio = "n/a" if np.isnan(row.ratio) else f"{row.ratio * 100:.1f}%"
            mark = "met" if row.met else f"short {row.shortfall_pp:.1f} pp"
            parts.append(f"{p} {ratio}/{row.target * 100:.0f}% {mark}")
        cap = "" if self.dust_cap is None else f", dust_cap={self.dust_cap:g}"
        return (f"EmissionCuts(response={self.response!r}{cap}, {len(self._raw)} sources, met={self.met}: "
                f"{'; '.join(parts)}; {self.unsourced} without a sourced rule, {self.unverified} on unverified "
                f"rules, {self.excluded} excluded)")


def emission_cuts(inv, response: str = "II", dust_cap=None, *, measures=None, targets=None,
                  top: int = 5) -> EmissionCuts:
    """Every source's cut at a response level and the check against the plan's targets.

    inv: an aqi.Inventory (or a DataFrame in its form). response: "III", "II" or "I" (SPEC R1).
    dust_cap: the largest share of the PM baseline that dust reductions may count for (SPEC R5:
    the dust share of the local PM2.5 source apportionment), e.g. 0.15; None = dust counts in full.
    measures: a bureau's measure-table TOML (overriding the built-in one, SPEC E3) or an
    IndustryMeasures. targets: a TOML file of the form of libaqi/rules/targets/yiyuan-2019.toml.
    top: contributors listed per pollutant (R6).
    """
    inv = _inventory_arg(inv)
    raw = _core.emission_cuts(inv._core, _response_arg(response), _dust_cap_arg(dust_cap), _measures_arg(measures),
                              _targets_arg(targets), _top_arg(top))
    return EmissionCuts(raw, inv)


class TopUp:
    """SPEC E10: the cheapest extra cuts that close every shortfall, or why none can.

    needed       False when the level's measures already meet every target.
    feasible     True when the targets can be met (with `cuts`).
    cuts         DataFrame indexed by id: extra_cut (fraction of activity), extra_lines (E6),
                 new_cut, cost (output value per day), so2, nox, pm, vocs (t/day added).
    cost         total cost of the extra cuts.
    explanation  one paragraph saying what was found (or which targets no set can reach).
    summary      the check with the extra cuts (columns as EmissionCuts.summary); before: without.
    counts       candidates and the sources that could not be candidates, by reason.
    """

    def __init__(self, raw):
        import pandas as pd
        self.response: str = raw["level"]
        self.needed: bool = raw["needed"]
        self.feasible: bool = raw["feasible"]
        self.cost: float = raw["cost"]
        self.explanation: str = raw["explanation"]
        self.counts: dict = raw["counts"]
        cuts = raw["cuts"]
        frame = pd.DataFrame(cuts).set_index("id")
        frame["extra_lines"] = _optional_int(frame["extra_lines"].to_numpy(dtype=np.int32))
        self.cuts = frame
        self.before = _summary_frame(raw["before"])
        self.summary = _summary_frame(raw["after"])

    def __repr__(self) -> str:
        if not self.needed:
            state = "not needed"
        elif self.feasible:
            state = f"{len(self.cuts)} extra cuts, cost {self.cost:.6g}"
        else:
            state = "infeasible"
        return f"TopUp(response={self.response!r}, {state}: {self.explanation})"


def top_up(inv, response: str = "II", dust_cap=None, *, measures=None, targets=None, candidates=None) -> TopUp:
    """SPEC E10: the cheapest set of extra cuts (by lost output value, the inventory's `cost`)
    that meets every target at `response`, solved exactly as a mixed-integer program (GLPK), or
    an explanation of why no set can.

    candidates: ids allowed to take extra cuts (default: every eligible source — see
    docs/emissions.md). Other arguments as emission_cuts.
    """
    inv = _inventory_arg(inv)
    flags = None
    if candidates is not None:
        wanted = set(candidates)
        ids = inv.ids
        unknown = wanted.difference(ids)
        if unknown:
            raise KeyError(f"no source with id {sorted(unknown)[0]!r} in the inventory {inv.file}")
        flags = np.fromiter((i in wanted for i in ids), dtype=np.uint8, count=len(ids))
    raw = _core.top_up(inv._core, _response_arg(response), _dust_cap_arg(dust_cap), _measures_arg(measures),
                       _targets_arg(targets), flags)
    return TopUp(raw)
