"""A result's `_core.Table` as a pandas DataFrame: the one conversion every result uses."""
from __future__ import annotations

import numpy as np

_EPOCH_S = np.datetime64("1970-01-01T00:00:00", "s")
_EPOCH_D = np.datetime64("1970-01-01", "D")


def column(table, name):
    """One column as numpy / pandas values: times and dates as datetime64 (NaT where absent)."""
    kind = table.kinds[table.names.index(name)]
    values = table.column(name)
    if kind == "time":
        return np.asarray(values, dtype="int64").astype("timedelta64[s]") + _EPOCH_S
    if kind == "date":
        return np.asarray(values, dtype="int64").astype("timedelta64[D]") + _EPOCH_D
    if kind == "category":
        import pandas as pd
        codes, categories = values
        return pd.Categorical.from_codes(codes, categories)
    if kind == "optional_integer":
        import pandas as pd
        values, missing = values
        return pd.arrays.IntegerArray(np.asarray(values, dtype="int64"), np.asarray(missing, dtype=bool))
    return values


def frame(table, index=None):
    """The table as a DataFrame; `index` names the column to index it by."""
    import pandas as pd
    data = {name: column(table, name) for name in table.names}
    out = pd.DataFrame(data, columns=list(table.names))
    for name, kind in zip(table.names, table.kinds):
        # The DataFrame already holds datetime64[ns] (and refused a date it cannot hold): converting
        # again cost 3 ms a column of 10,000 rows.
        if kind in ("time", "date") and out[name].dtype.kind != "M":
            out[name] = pd.to_datetime(out[name])
    return out.set_index(index) if index is not None else out
