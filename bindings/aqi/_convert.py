"""Input conversion shared by the package: exact conversions are done, lossy ones refused."""
from __future__ import annotations

import numpy as np


def as_float64(values, name: str) -> np.ndarray:
    """`values` as a C-contiguous float64 array, without copying when it already is one.

    Integers and booleans widen exactly and are accepted; float32/float16 are refused because
    widening changes decimal values (65.4 as float32 is 65.40000152587891, one AQI point off
    under SPEC A6); pandas nullable columns become NaN where they hold <NA>.
    """
    if not isinstance(values, np.ndarray) and hasattr(values, "to_numpy"):  # pandas
        dtype = values.dtype
        if isinstance(dtype, np.dtype):
            values = values.to_numpy()
        else:  # a pandas extension dtype: Int64, Float64, boolean (<NA> = missing)
            inner = np.dtype(getattr(dtype, "numpy_dtype", object))
            if inner.kind == "f" and inner.itemsize < 8:
                raise TypeError(f"{name}: {dtype} values would change when widened to float64 (SPEC A6)")
            if inner.kind in "iufb":
                values = values.to_numpy(dtype=np.float64, na_value=np.nan)
            else:
                values = values.to_numpy()
    arr = np.asarray(values)
    kind = arr.dtype.kind
    if arr.dtype == np.float64:
        return np.ascontiguousarray(arr)
    if kind == "f":
        raise TypeError(
            f"{name}: {arr.dtype} values would change when widened to float64 "
            f"(SPEC A6: decimal inputs must give exact results); pass float64, e.g. "
            f"values.astype('float64') on the original decimal data")
    if kind in "iub":
        return np.ascontiguousarray(arr, dtype=np.float64)
    if kind == "O":
        try:
            return np.ascontiguousarray(arr.astype(np.float64))
        except (TypeError, ValueError) as exc:
            raise TypeError(f"{name}: values must be numbers (NaN or None for missing): {exc}") from None
    raise TypeError(f"{name}: values must be numbers, got dtype {arr.dtype}")


def as_bool(values, name: str, length: int) -> np.ndarray:
    arr = np.asarray(values)
    if arr.dtype != np.bool_:
        if arr.dtype.kind in "iu" and np.isin(arr, (0, 1)).all():
            arr = arr.astype(np.bool_)
        else:
            raise TypeError(f"{name}: expected booleans, got dtype {arr.dtype}")
    if arr.shape != (length,):
        raise ValueError(f"{name}: expected {length} flags, got shape {arr.shape}")
    return np.ascontiguousarray(arr)
