"""The DataFrame aqi.aqi returns: a pandas DataFrame whose repr ends with what was read — the
columns as indicators (attrs["columns"]), the edition(s) and the report (issue 16: the result
says which mapping it used). Imported only with pandas; a module-level class, so it pickles."""
from __future__ import annotations

import pandas as pd


class AqiFrame(pd.DataFrame):
    """aqi.aqi's result: a DataFrame (every pandas operation as usual) with a readable footer."""

    @property
    def _constructor(self):
        return AqiFrame

    def __repr__(self) -> str:
        return super().__repr__() + _footer(self.attrs)


def _footer(attrs) -> str:
    lines = []
    if attrs.get("columns"):
        lines.append("columns read: " + ", ".join(f"{name} → {key}" for name, key in attrs["columns"].items()))
    if attrs.get("used"):
        lines.append(f"{attrs.get('period', '')} AQI by " + "; ".join(
            f"{edition} ({', '.join(keys)})" for edition, keys in attrs["used"].items() if keys))
    ignored = {e: keys for e, keys in attrs.get("ignored", {}).items() if keys}
    if ignored:
        lines.append("not rated: " + "; ".join(f"{e} ({', '.join(k)})" for e, k in ignored.items()))
    return "".join("\n" + line for line in lines)
