"""The production stack on one machine: Varnish in front of gunicorn.

    PORT=8080 make serve      # http://127.0.0.1:8080/ through the cache

gunicorn runs config.settings.production on PORT+1 (BACKEND_PORT); Varnish listens on
PORT with deploy/default.vcl and is purged by the site on publish (edgecache/). No
variables are needed for a local trial: a development secret key is made once in
.secret-key (git-ignored), 127.0.0.1 and localhost are allowed, and plain HTTP is
served. Every variable is documented in docs/deploy.md. Ctrl-C stops both servers.

The benchmarks and the edge-cache tests start the same stack through ``Stack``.
"""

import argparse
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
PYTHON = sys.executable
SECRET_KEY_FILE = ROOT / ".secret-key"


def say(message):
    print(message, flush=True)  # noqa: T201


def find_command(command):
    # Daemons live in /usr/sbin, which an unprivileged PATH may lack.
    return shutil.which(command) or shutil.which(command, path="/usr/sbin:/usr/bin")


def debian_command(command, package):
    """A command from Debian's packages: installed here when running as root, as CI does."""
    found = find_command(command)
    if found:
        return found
    if os.geteuid() != 0:
        raise SystemExit(
            f"{package} is not installed. Install it with\n"
            f"    sudo apt-get install {package}\n"
            "(or run this as root, which installs it), then try again."
        )
    say(f"Installing {package} (apt-get install {package})")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)  # noqa: S607
    subprocess.run(  # noqa: S603
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", package],  # noqa: S607
        check=True,
        env=env,
    )
    # Debian may start the package's own service; this stack runs its own servers.
    subprocess.run(["systemctl", "disable", "--now", package], check=False)  # noqa: S603, S607
    return find_command(command)


def find_varnishd():
    return find_command("varnishd")


def ensure_varnish():
    return debian_command("varnishd", "varnish")


def free_port_pair(start=0):
    """A free port whose next port is free too (Varnish's and gunicorn's), from ``start``
    (0: any the system gives)."""
    for port in range(start, start + 100, 2) if start else [0] * 20:
        with socket.socket() as one, socket.socket() as two:
            try:
                one.bind(("127.0.0.1", port))
                chosen = one.getsockname()[1]
                two.bind(("127.0.0.1", chosen + 1))
            except OSError:
                continue
            return chosen
    raise RuntimeError("No two free ports in a row.")


def development_secret_key():
    """A key made once for local trials, kept out of git; real deployments set SECRET_KEY."""
    if not SECRET_KEY_FILE.exists():
        SECRET_KEY_FILE.write_text(secrets.token_urlsafe(50) + "\n")
        SECRET_KEY_FILE.chmod(0o600)
    return SECRET_KEY_FILE.read_text().strip()


def stack_environment(port, backend_port, base=None):
    """The production settings' environment, with local-trial defaults for what is unset."""
    env = dict(os.environ if base is None else base)
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.production"
    if not env.get("SECRET_KEY"):
        env["SECRET_KEY"] = development_secret_key()
    env.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
    # A local trial is plain HTTP; a deployment terminates TLS in front of the cache.
    env.setdefault("SECURE_SSL_REDIRECT", "0")
    env.setdefault("SERVE_MEDIA", "1")
    env.setdefault("EDGE_CACHE_URL", f"http://127.0.0.1:{port}")
    env.setdefault("WAGTAILADMIN_BASE_URL", f"http://127.0.0.1:{port}")
    # Emails (newsletter confirmations, review notices) are printed, not sent, in a trial.
    env.setdefault("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
    env["PYTHONUNBUFFERED"] = "1"
    return env


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)  # noqa: S603


def prepare(env, port, demo):
    """Migrate, load the demo (the `make run` database only), collect static files."""
    # No edge cache is running yet: nothing to purge while preparing.
    quiet = {k: v for k, v in env.items() if k != "EDGE_CACHE_URL"}
    manage(quiet, "migrate", "--no-input", "-v0")
    if demo:
        # The same demo and development logins as `make run`, made with its settings.
        manage(
            {**quiet, "DJANGO_SETTINGS_MODULE": "config.settings.dev"},
            "load_demo",
            "--port",
            str(port),
        )
    manage(quiet, "collectstatic", "--no-input", "-v0")


def wait_until_up(url, process, name, timeout=180):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{name} stopped (exit code {process.returncode}).")
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310
                return
        except urllib.error.HTTPError:
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    raise SystemExit(f"{name} did not answer at {url} within {timeout} s.")


class Stack:
    """gunicorn and Varnish as child processes; ``with Stack(...)`` stops them after."""

    def __init__(
        self, port, backend_port=None, env=None, varnish_memory="256m", quiet=False, log=None
    ):
        self.port = port
        self.backend_port = backend_port or port + 1
        self.env = env if env is not None else stack_environment(port, self.backend_port)
        self.varnish_memory = varnish_memory
        self.quiet = quiet
        # An open file for both servers' output (a benchmark counts lines in it).
        self.log = log
        self.processes = []
        self.rundir = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    @property
    def backend_url(self):
        return f"http://127.0.0.1:{self.backend_port}"

    def start(self):
        try:
            return self._start()
        except BaseException:
            self.stop()
            raise

    def _start(self):
        varnishd = ensure_varnish()
        self.rundir = Path(tempfile.mkdtemp(prefix="condition-guides-varnish-"))
        backend = (DEPLOY / "backend.vcl.in").read_text()
        (self.rundir / "backend.vcl").write_text(
            backend.replace("@BACKEND_PORT@", str(self.backend_port))
        )
        if self.log is not None:
            output = self.log
        else:
            output = subprocess.DEVNULL if self.quiet else None
        gunicorn = subprocess.Popen(  # noqa: S603
            [
                PYTHON,
                "-m",
                "gunicorn",
                "config.wsgi:application",
                "--config",
                str(DEPLOY / "gunicorn.conf.py"),
                "--bind",
                f"127.0.0.1:{self.backend_port}",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=output,
            stderr=output,
            # Ctrl-C reaches this script only; it stops the servers in order.
            start_new_session=True,
        )
        self.processes.append(gunicorn)
        varnish = subprocess.Popen(  # noqa: S603
            [
                varnishd,
                "-F",
                "-j",
                "none",
                "-n",
                str(self.rundir / "work"),
                "-a",
                f"127.0.0.1:{self.port}",
                "-T",
                "none",
                "-p",
                f"vcl_path={self.rundir}:{DEPLOY}",
                "-f",
                str(DEPLOY / "default.vcl"),
                "-s",
                f"malloc,{self.varnish_memory}",
            ],
            cwd=self.rundir,
            stdout=output,
            stderr=output,
            start_new_session=True,
        )
        self.processes.append(varnish)
        wait_until_up(self.backend_url + "/static/css/site.css", gunicorn, "gunicorn")
        wait_until_up(self.url + "/static/css/site.css", varnish, "Varnish")
        return self

    def stop(self):
        for process in reversed(self.processes):
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self.processes = []
        if self.rundir:
            shutil.rmtree(self.rundir, ignore_errors=True)
            self.rundir = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8080")))
    parser.add_argument("--backend-port", type=int, default=None)
    args = parser.parse_args()
    backend_port = args.backend_port or int(os.environ.get("BACKEND_PORT", args.port + 1))
    env = stack_environment(args.port, backend_port)
    # The `make run` database gets the demo; a database named by DATABASE_URL is left as
    # it is (no demo content, no development logins).
    prepare(env, args.port, demo="DATABASE_URL" not in os.environ)
    stack = Stack(args.port, backend_port, env)
    stopping = []

    def stop(signum, frame):
        stopping.append(signum)

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    stack.start()
    cache = "Redis at " + env["REDIS_URL"] if env.get("REDIS_URL") else "local memory"
    say("")
    say(f"  Site, through the edge cache (Varnish):  {stack.url}/")
    say(f"  gunicorn behind it (no cache):           {stack.backend_url}/")
    say(f"  Admin:                                   {stack.url}/admin/")
    say(f"  Settings: config.settings.production; Django cache: {cache}")
    say("  Ctrl-C stops both.")
    say("")
    try:
        while not stopping:
            for process in stack.processes:
                if process.poll() is not None:
                    say(f"{process.args[0]} stopped (exit code {process.returncode}).")
                    stopping.append(None)
            time.sleep(0.5)
    finally:
        say("Stopping Varnish and gunicorn…")
        stack.stop()


if __name__ == "__main__":
    main()
