"""libaqi — air-quality emergency decisions (沂源县重污染天气应急预案 and peers).

AQI from concentrations (HJ 633-2012 / HJ 633-2026, SPEC A1–A7):
    aqi.iaqi(key, concentrations, edition=...)   individual index of one indicator
    aqi.aqi(data)                                AQI, primary pollutant(s), category
    aqi.moving_mean(values, window, min_valid)   24-hour / 8-hour means with validity (A5)
    aqi.KEYS, aqi.EDITIONS, aqi.editions(), aqi.edition_in_force(date)

Errors: ValueError for bad values (the message names the field and index), KeyError for
unknown names, FileNotFoundError, aqi.ScenarioError (a ValueError) naming file:line:column.
Rule IDs (A1, W3 …) refer to the project's SPEC.md.
"""
from ._core import ScenarioError, __version__
from .air_quality import (
    EDITIONS,
    KEYS,
    AqiResult,
    aqi,
    current_edition,
    edition_in_force,
    editions,
    iaqi,
    moving_mean,
)

__all__ = [
    "EDITIONS", "KEYS", "AqiResult", "ScenarioError", "__version__", "aqi", "current_edition",
    "edition_in_force", "editions", "iaqi", "moving_mean",
]
