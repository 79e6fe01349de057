"""`make serve` (deploy/serve.py) needs no variables for a local trial."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "deploy"))

import serve  # noqa: E402


@pytest.fixture
def key_file(tmp_path, monkeypatch):
    path = tmp_path / ".secret-key"
    monkeypatch.setattr(serve, "SECRET_KEY_FILE", path)
    return path


def test_a_development_secret_key_is_made_once_and_kept(key_file):
    first = serve.stack_environment(8080, 8081, base={})
    second = serve.stack_environment(8080, 8081, base={})

    assert len(first["SECRET_KEY"]) >= 50
    assert first["SECRET_KEY"] == second["SECRET_KEY"] == key_file.read_text().strip()
    assert key_file.stat().st_mode & 0o077 == 0, "the key file should be private"


def test_the_production_settings_start_with_no_variables_set(key_file):
    env = serve.stack_environment(8080, 8081, base={"PATH": "/usr/bin:/bin"})
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check", "-v0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert env["DJANGO_SETTINGS_MODULE"] == "config.settings.production"
    assert env["ALLOWED_HOSTS"] == "127.0.0.1,localhost"
    assert env["EDGE_CACHE_URL"] == "http://127.0.0.1:8080"


def test_a_deployments_own_settings_win(key_file):
    env = serve.stack_environment(
        8080, 8081, base={"SECRET_KEY": "from-the-vault", "ALLOWED_HOSTS": "guides.example.org"}
    )
    assert env["SECRET_KEY"] == "from-the-vault"
    assert env["ALLOWED_HOSTS"] == "guides.example.org"
    assert not key_file.exists()


def test_gitignore_keeps_the_development_key_out_of_git():
    assert "/.secret-key" in (ROOT / ".gitignore").read_text().splitlines()
