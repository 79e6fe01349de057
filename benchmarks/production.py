"""Production benchmark: the edge cache, gunicorn, the ceilings, in one run on loopback.

    make bench

Builds a fresh SQLite database with the demo, starts the production stack of
`make serve` (Varnish in front of gunicorn, two sync workers), a one-file Django app
under the same gunicorn settings, and nginx serving a saved copy of the guide. Then,
with wrk (one connection per request, asking for gzip as every browser does,
alternating targets, median of 3 rounds):

- the guide, the A–Z and the home page through the edge cache;
- the same rendered by gunicorn, bypassing the cache;
- the one-file Django app (the ceiling for any Django page here);
- nginx serving the guide's HTML as a file (the ceiling for any page here), compressed
  beforehand at Varnish's level, so both send the same bytes;
- the guide through the edge cache to a client that does not ask for gzip, for which
  Varnish uncompresses its copy.

Also: SQL queries per page, peak memory of a gunicorn worker, and the time from
publishing a change to an anonymous visitor seeing it through the cache. Writes the
"production" section of docs/benchmarks.md. Needs varnish, nginx and wrk (Debian
packages; installed when missing and run as root).
"""

import argparse
import gzip
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "deploy"))

import serve  # noqa: E402

from benchmarks.report import write_section  # noqa: E402

PAGES = [("guide", "/en/conditions/dystonia/"), ("A–Z", "/en/conditions/"), ("home", "/en/")]
WORKERS = 2
# What Chromium and Firefox send; Varnish keeps a page compressed and sends it so.
BROWSER_ENCODING = "gzip, deflate, br"
# Varnish's default gzip_level.
VARNISH_GZIP_LEVEL = 6


def say(message):
    print(message, file=sys.stderr, flush=True)  # noqa: T201


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310
        return response.read().decode()


def wrk(url, seconds, connections, encoding=BROWSER_ENCODING):
    """req/s, p50 ms, p99 ms; every request on a new connection."""
    output = subprocess.run(  # noqa: S603
        [  # noqa: S607
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            "--latency",
            "-H",
            "Connection: close",
            *(["-H", f"Accept-Encoding: {encoding}"] if encoding else []),
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        raise SystemExit(f"{url}: {errors.group(1)} error responses\n{output}")

    def percentile(name):
        value, unit = re.search(rf"\s{name}%\s+([\d.]+)(us|ms|s)", output).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    return rate, percentile("50"), percentile("99")


def start_gunicorn(app, port, env):
    process = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "gunicorn",
            app,
            "--config",
            str(ROOT / "deploy" / "gunicorn.conf.py"),
            "--bind",
            f"127.0.0.1:{port}",
        ],
        cwd=ROOT / "benchmarks",
        env={**env, "WEB_CONCURRENCY": str(WORKERS)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    serve.wait_until_up(f"http://127.0.0.1:{port}/", process, app)
    return process


def start_nginx(port, directory):
    nginx = serve.debian_command("nginx", "nginx")
    (directory / "logs").mkdir()
    conf = directory / "nginx.conf"
    conf.write_text(
        f"""
worker_processes {WORKERS};
pid {directory}/nginx.pid;
error_log {directory}/logs/error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    types {{ text/html html; }}
    gzip_static on;
    server {{
        listen 127.0.0.1:{port};
        root {directory}/site;
    }}
}}
"""
    )
    process = subprocess.Popen(  # noqa: S603
        [nginx, "-p", str(directory), "-c", str(conf), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    serve.wait_until_up(f"http://127.0.0.1:{port}/guide.html", process, "nginx")
    return process


def worker_memory(master_pid):
    """Peak and current resident memory (MB) of the largest gunicorn worker."""
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    peak = current = 0
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        peak = max(peak, int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) / 1024)
        current = max(current, int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024)
    return peak, current


def count_queries(env):
    """SQL queries per page, counted in a process of its own after one warm-up request."""
    code = """
import sys
import django
django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client(HTTP_HOST="127.0.0.1")
for path in sys.argv[1:]:
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200, path
    print(len(queries))
"""
    output = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code, *(path for _name, path in PAGES)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return dict(zip((path for _name, path in PAGES), map(int, output), strict=True))


def publish_to_visible(stack, env, times=5):
    """Seconds from asking for a publish to an anonymous visitor seeing it via the cache."""
    publisher = subprocess.Popen(  # noqa: S603
        [sys.executable, str(ROOT / "benchmarks" / "publisher.py")],
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    path = PAGES[0][1]
    results = []
    try:
        publisher.stdout.readline()  # "ready": Django is set up.
        for _ in range(times):
            fetch(stack.url + path)
            summary = f"Reviewed again {uuid.uuid4().hex}."
            start = time.perf_counter()
            publisher.stdin.write(f"dystonia {summary}\n")
            publisher.stdin.flush()
            while summary not in fetch(stack.url + path):
                time.sleep(0.005)
            results.append(time.perf_counter() - start)
            publisher.stdout.readline()
    finally:
        publisher.stdin.close()
        publisher.wait()
    return statistics.median(results), max(results)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", "18600")))
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--write", default=str(ROOT / "docs" / "benchmarks.md"))
    args = parser.parse_args()
    serve.debian_command("wrk", "wrk")
    port = args.port
    tmp = Path(tempfile.mkdtemp(prefix="condition-guides-bench-"))
    base = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp}/db.sqlite3",
        "MEDIA_ROOT": str(tmp / "media"),
        "STATIC_ROOT": str(tmp / "static"),
        "WEB_CONCURRENCY": str(WORKERS),
    }
    base.pop("REDIS_URL", None)
    env = serve.stack_environment(port, port + 1, base)
    say("Building the demo database…")
    serve.prepare(env, port, demo=True)
    processes = []
    stack = serve.Stack(port, port + 1, env, quiet=True)
    try:
        stack.start()
        processes.append(start_gunicorn("one_file_app:application", port + 2, env))
        # nginx's workers run as an unprivileged user: they must be able to read the file.
        tmp.chmod(0o755)
        (tmp / "site").mkdir(mode=0o755)
        html = fetch(stack.backend_url + PAGES[0][1]).encode()
        (tmp / "site" / "guide.html").write_bytes(html)
        (tmp / "site" / "guide.html.gz").write_bytes(gzip.compress(html, VARNISH_GZIP_LEVEL))
        for path in (tmp / "site").iterdir():
            path.chmod(0o644)
        processes.append(start_nginx(port + 3, tmp))
        targets = [
            *(
                (f"{name} through the edge cache", stack.url + path, BROWSER_ENCODING)
                for name, path in PAGES
            ),
            *(
                (f"{name} rendered by gunicorn", stack.backend_url + path, BROWSER_ENCODING)
                for name, path in PAGES
            ),
            ("one-file Django app", f"http://127.0.0.1:{port + 2}/", BROWSER_ENCODING),
            (
                "nginx serving the guide's HTML file",
                f"http://127.0.0.1:{port + 3}/guide.html",
                BROWSER_ENCODING,
            ),
            ("guide through the edge cache, client without gzip", stack.url + PAGES[0][1], None),
        ]
        load_before = os.getloadavg()
        for _name, url, encoding in targets:  # warm up: fill the cache, build per-process state
            wrk(url, 1, 2, encoding)
        runs = {name: [] for name, _url, _encoding in targets}
        for round_ in range(args.rounds):
            for name, url, encoding in targets:
                runs[name].append(wrk(url, args.seconds, args.connections, encoding))
            say(f"round {round_ + 1} of {args.rounds} done")
        peak, current = worker_memory(stack.processes[0].pid)
        visible, slowest = publish_to_visible(stack, env)
        queries = count_queries(env)
    finally:
        for process in processes:
            process.terminate()
            process.wait()
        stack.stop()
        shutil.rmtree(tmp, ignore_errors=True)

    medians = {
        name: tuple(statistics.median(run[i] for run in values) for i in range(3))
        for name, values in runs.items()
    }
    nginx = medians["nginx serving the guide's HTML file"][0]
    one_file = medians["one-file Django app"][0]
    rows = [
        f"| {name} | {rate:,.0f} | {p50:.1f} | {p99:.1f} | {rate / nginx:.1%} "
        f"| {rate / one_file:.1%} |"
        for name, (rate, p50, p99) in medians.items()
    ]
    cached_guide = medians["guide through the edge cache"][0] / nginx
    rendered_guide = medians["guide rendered by gunicorn"][0] / one_file
    goals = [
        ("guide from the edge cache ≥ 80% of nginx", f"{cached_guide:.0%}", cached_guide >= 0.8),
        (
            "guide rendered by Django ≥ 8% of the one-file app",
            f"{rendered_guide:.1%}",
            rendered_guide >= 0.08,
        ),
        ("worker memory < 150 MB", f"{peak:.0f} MB peak", peak < 150),
        ("publish-to-visible through the cache < 1 s", f"{visible * 1000:.0f} ms", visible < 1),
    ]
    text = "\n".join(
        [
            "## Production stack",
            "",
            f"`make bench` (`benchmarks/production.py`), {time.strftime('%Y-%m-%d')}, on this "
            f"{os.cpu_count()}-CPU machine, shared with other work: the demo database (SQLite), "
            f"the stack of `make serve` (Varnish, gunicorn with {WORKERS} sync workers, "
            "production settings), a one-file Django app under the same gunicorn settings, "
            f"and nginx serving the guide saved as a file (and compressed: `gzip_static`). wrk, "
            f"{args.connections} connections, a new connection per request "
            f"(`Connection: close`), `Accept-Encoding: {BROWSER_ENCODING}` as browsers send "
            "unless the row says otherwise, "
            f"{args.seconds} s per target, targets alternating, median of {args.rounds} rounds. "
            "Load average (1 min) before the rounds: "
            f"{load_before[0]:.2f}.",
            "",
            "| target | req/s | p50 ms | p99 ms | of nginx | of the one-file app |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
            *rows,
            "",
            "| goal | measured | met |",
            "| --- | --- | --- |",
            *(f"| {goal} | {value} | {'yes' if met else '**no**'} |" for goal, value, met in goals),
            "",
            "SQL queries per page (rendered, after a warm-up request): "
            + ", ".join(f"`{path}` {count}" for path, count in queries.items())
            + ".",
            f"Largest gunicorn worker: {peak:.0f} MB peak resident memory, {current:.0f} MB at "
            "the end.",
            f"Publish to visible through the cache: median {visible * 1000:.0f} ms, slowest "
            f"{slowest * 1000:.0f} ms of 5 (saving the revision, publishing, purging, the next "
            "anonymous request).",
            "",
        ]
    )
    sys.stdout.write(text + "\n")
    write_section(Path(args.write), "production", text)


if __name__ == "__main__":
    main()
