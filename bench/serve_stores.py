#!/usr/bin/env python3
"""`polso serve` on SQLite and on PostgreSQL, side by side: sign-ins and page views timed.

For each engine: a store with one body, the 2015 and 2016 wellbeing samples imported by the CLI
and one analyst; `polso serve` on it; then SIGN_INS sign-ins (each a fresh session, bcrypt cost 12
included) and PAGE_VIEWS page views by one signed-in session, cycling through the body's home,
wellbeing and import pages, one request at a time, then the same page views from CONCURRENT
sessions at once. Prints per engine the mean and p50/p95 of each, and the load average before and
after (the machine is shared: the figures are only comparable within one run).

The PostgreSQL store is a fresh schema on the server of .ci/postgres.sh (its env file with
--postgres-env, or its variables in the environment), created by the owner role and served by
the application role, as docs/postgres.md sets a network up; the schema is dropped afterwards.

    swift build && python3 bench/serve_stores.py --postgres-env /tmp/…/env [--polso .build/debug/polso]
"""
import argparse
import concurrent.futures
import http.client
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

from web_load import PASSWORD, free_port, run, sign_in

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / ".ci"))
from postgres_env import drop_schema, new_schema, postgres_urls, with_schema  # noqa: E402

SAMPLES = ROOT / "surveys" / "anac-2013" / "samples"
EMAIL = "analyst@example.org"
PAGES = ["/b/local/", "/b/local/wellbeing", "/b/local/import"]


def views(port, cookie, count, offset=0):
    """`count` page views over one connection; the seconds each took."""
    connection = http.client.HTTPConnection("localhost", port, timeout=60)
    times = []
    for index in range(count):
        started = time.perf_counter()
        connection.request("GET", PAGES[(index + offset) % len(PAGES)], headers={"Cookie": cookie})
        response = connection.getresponse()
        response.read()
        times.append(time.perf_counter() - started)
        if response.status != 200:
            sys.exit(f"{PAGES[(index + offset) % len(PAGES)]} answered {response.status}")
    return times


def summary(times):
    ordered = sorted(times)
    return (f"mean {statistics.mean(times) * 1000:7.1f} ms, p50 {ordered[len(ordered) // 2] * 1000:7.1f} ms, "
            f"p95 {ordered[int(len(ordered) * 0.95) - 1] * 1000:7.1f} ms")


def measure(polso, store, work, options):
    run(polso, "users", "add", EMAIL, "--body", "local", "--role", "analyst", store=store, input_text=PASSWORD + "\n")
    for year in (2015, 2016):
        run(polso, "import", str(SAMPLES / f"limesurvey-{year}.csv"), "--survey", "anac-2013", "--year", str(year), store=store)
    port = free_port()
    log = open(work / "serve.log", "w")
    server = subprocess.Popen([str(polso), "serve", "--store", str(store), "--port", str(port)], cwd=work, stdout=log, stderr=log)
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"http://localhost:{port}/health", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        else:
            sys.exit("the server did not start: " + (work / "serve.log").read_text())
        cookie = sign_in(port, EMAIL)
        views(port, cookie, len(PAGES))  # each page once, so that both engines are timed on warm pages
        sign_ins = []
        for _ in range(options.sign_ins):
            started = time.perf_counter()
            sign_in(port, EMAIL)
            sign_ins.append(time.perf_counter() - started)
        one = views(port, cookie, options.page_views)
        cookies = [sign_in(port, EMAIL) for _ in range(options.concurrent)]
        with concurrent.futures.ThreadPoolExecutor(options.concurrent) as pool:
            started = time.perf_counter()
            parts = list(pool.map(lambda item: views(port, item[1], options.page_views // options.concurrent, item[0]), enumerate(cookies)))
            elapsed = time.perf_counter() - started
        together = [value for part in parts for value in part]
        return sign_ins, one, together, len(together) / elapsed
    finally:
        server.terminate()
        server.wait(timeout=10)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--polso", default=str(ROOT / ".build" / "debug" / "polso"))
    parser.add_argument("--postgres-env", help="the env file .ci/postgres.sh wrote")
    parser.add_argument("--sign-ins", type=int, default=10)
    parser.add_argument("--page-views", type=int, default=200)
    parser.add_argument("--concurrent", type=int, default=4)
    options = parser.parse_args()
    polso = pathlib.Path(options.polso)
    if not polso.exists():
        sys.exit(f"{polso} not found: swift build first")
    owner, application = postgres_urls(options.postgres_env)
    print(f"load average before: {' '.join(f'{value:.2f}' for value in os.getloadavg())}")
    for engine in ("sqlite", "postgres"):
        work = pathlib.Path(tempfile.mkdtemp(prefix=f"polso-serve-{engine}-"))
        schema = None
        try:
            if engine == "postgres":
                schema = new_schema("bench_")
                run(polso, "store", "migrate", store=with_schema(owner, schema))
                store = with_schema(application, schema)
            else:
                store = work / "polso.sqlite"
            sign_ins, one, together, rate = measure(polso, store, work, options)
            print(f"{engine:8}  {len(sign_ins)} sign-ins: {summary(sign_ins)}")
            print(f"{engine:8}  {len(one)} page views, one session: {summary(one)}")
            print(f"{engine:8}  {len(together)} page views, {options.concurrent} sessions at once: {summary(together)}, {rate:.0f} pages/s")
        finally:
            shutil.rmtree(work, ignore_errors=True)
            if schema:
                drop_schema(owner, schema)
    print(f"load average after: {' '.join(f'{value:.2f}' for value in os.getloadavg())}")


if __name__ == "__main__":
    main()
