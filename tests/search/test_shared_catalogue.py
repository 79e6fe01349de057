"""Several worker processes behind one site share the search catalogue through Redis:
a guide published through one process is found by the next search in another, and the
catalogue is built once, not once per process."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.tools import need_tool

ROOT = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).with_name("worker_script.py")

pytestmark = pytest.mark.stack


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", int(os.environ.get("TEST_REDIS_PORT", "0"))))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    server = need_tool("redis-server", "redis-server")
    port = free_port()
    process = subprocess.Popen(  # noqa: S603
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        cwd=tmp_path_factory.mktemp("redis"),
        stdout=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait()


class Worker:
    def __init__(self, env):
        self.process = subprocess.Popen(  # noqa: S603
            [sys.executable, str(WORKER)],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def ask(self, *words):
        self.process.stdin.write(" ".join(words) + "\n")
        self.process.stdin.flush()
        return self.process.stdout.readline().strip()

    def stop(self):
        self.process.stdin.close()
        self.process.wait(timeout=30)


@pytest.fixture(scope="module")
def workers(redis_url, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("workers")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp}/db.sqlite3",
        "REDIS_URL": redis_url,
        "CACHE_KEY_PREFIX": f"test-{tmp.name}",
    }
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "migrate", "--no-input", "-v0"], cwd=ROOT, env=env, check=True
    )
    first, second = Worker(env), Worker(env)
    assert first.ask("setup") == "ok"
    yield first, second
    first.stop()
    second.stop()


def test_a_guide_published_through_one_worker_is_found_through_another(workers):
    first, second = workers
    assert first.ask("publish", "dystonia", "Dystonia") == "ok"
    assert first.ask("search", "dystonia") == "dystonia"
    assert second.ask("search", "dystonia") == "dystonia"

    assert second.ask("publish", "dyskinesia", "Dyskinesia") == "ok"

    assert first.ask("search", "dyskinesia") == "dyskinesia"
    assert second.ask("search", "dyskinesia") == "dyskinesia"


def test_the_catalogue_is_built_once_for_all_workers(workers):
    first, second = workers
    builds = int(first.ask("builds")) + int(second.ask("builds"))
    assert first.ask("publish", "epilepsy", "Epilepsy") == "ok"

    first.ask("search", "epilepsy")
    second.ask("search", "epilepsy")

    assert int(first.ask("builds")) + int(second.ask("builds")) == builds + 1
