"""aqi.moving_mean — SPEC A5 validity and W8 (20–23 valid hours give the mean of those)."""
import numpy as np
import pytest

import aqi


def test_a5_twenty_of_twenty_four():
    h = np.full(26, 100.0)
    h[:4] = np.nan
    h[10] = 220
    m = aqi.moving_mean(h)
    assert np.isnan(m[:23]).all()
    assert m[23] == 106  # 20 valid hours: (19·100 + 220)/20
    h[5] = np.nan  # 19 valid hours in the first window
    assert np.isnan(aqi.moving_mean(h)[23])


def test_a5_eight_hour_ozone():
    h = np.array([10, 20, np.nan, 40, np.nan, 60, 70, 80.0])
    assert aqi.moving_mean(h, window=8, min_valid=6)[7] == pytest.approx(280 / 6)
    h[0] = np.nan
    assert np.isnan(aqi.moving_mean(h, window=8, min_valid=6)[7])


def test_errors():
    with pytest.raises(ValueError, match=r"^values\[1\]: negative value -2$"):
        aqi.moving_mean([1.0, -2.0])
    with pytest.raises(ValueError, match="min_valid must be between 1 and the window"):
        aqi.moving_mean([1.0], window=8, min_valid=9)
    with pytest.raises(ValueError, match="one-dimensional"):
        aqi.moving_mean(np.ones((2, 24)))
