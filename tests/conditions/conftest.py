import json

import pytest


@pytest.fixture
def guide_file(tmp_path):
    """Write import data (or text) to a file and give its path."""

    def write(data, name="guides.json"):
        path = tmp_path / name
        text = data if isinstance(data, str) else json.dumps(data, indent=2)
        path.write_text(text, encoding="utf-8")
        return str(path)

    return write
