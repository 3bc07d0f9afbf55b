import os
import pathlib

import pytest

SOURCE_DIR = pathlib.Path(os.environ.get("AQI_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
SHARED_DIR = SOURCE_DIR.parent / "shared"


@pytest.fixture
def shared_data():
    """../shared/data beside the project (CI provides it; see README)."""
    path = SHARED_DIR / "data"
    if not path.is_dir():
        pytest.fail(f"{path} is missing: the real-data tests need ../shared beside the project")
    return path
