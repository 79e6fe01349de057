"""The real production stack (Varnish in front of gunicorn, deploy/serve.py) on a
database of its own, for tests that need the edge cache itself."""

import json
import os
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SITE_SCRIPT = Path(__file__).with_name("site_script.py")
sys.path.insert(0, str(ROOT / "deploy"))

import serve  # noqa: E402

from tests.tools import missing_tool  # noqa: E402


def free_port():
    """Two consecutive free ports from TEST_STACK_PORT (default: any the system gives)."""
    return serve.free_port_pair(int(os.environ.get("TEST_STACK_PORT", "0")))


def need_varnish():
    if serve.find_varnishd() is None:
        missing_tool("The edge-cache tests need Varnish (apt-get install varnish).")


@dataclass
class Response:
    status: int
    headers: Message
    text: str
    cookies: dict = field(default_factory=dict)

    @property
    def cached(self):
        return self.headers.get("X-Cache") == "HIT"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirect)


class RunningStack:
    def __init__(self, stack, env):
        self.stack = stack
        self.env = env

    def request(self, path, cookies=None, data=None, method=None):
        headers = {}
        if cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(  # noqa: S310
            self.stack.url + path, data=body, headers=headers, method=method
        )
        try:
            response = _opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        with response:
            text = response.read().decode()
        set_cookies = {}
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            set_cookies[name] = rest.split(";", 1)[0]
        return Response(response.status, response.headers, text, set_cookies)

    def get(self, path, cookies=None):
        return self.request(path, cookies=cookies)

    def token(self):
        response = self.get("/en/newsletter/token/")
        return json.loads(response.text)["token"], response.cookies

    def site(self, *args):
        """Run site_script.py in another process against the stack's database."""
        result = subprocess.run(  # noqa: S603
            [sys.executable, str(SITE_SCRIPT), *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        )
        return result.stdout.strip()


def start_stack(tmp_path, extra_env=None):
    """Migrate a fresh SQLite database, build a small site, start Varnish and gunicorn."""
    need_varnish()
    port = free_port()
    base = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "STATIC_ROOT": str(tmp_path / "static"),
        "WEB_CONCURRENCY": "2",
        **(extra_env or {}),
    }
    env = serve.stack_environment(port, port + 1, base)
    serve.prepare(env, port, demo=False)
    stack = serve.Stack(port, port + 1, env, varnish_memory="32m", quiet=True)
    running = RunningStack(stack, env)
    running.site("build")
    stack.start()
    return running


USERBAR = "wagtail-userbar-template"
