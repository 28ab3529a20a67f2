#!/usr/bin/env python3
"""Load test of the web pages with Debian's wrk: 50 concurrent sessions on the dashboards of a
10-body store.

Builds a store of 10 bodies (each with the 2015 and 2016 wellbeing samples and the Pistoia plan),
one analyst per body, starts `polso serve`, signs 50 sessions in (5 per body), then runs wrk with
50 connections, each request going to the next session's dashboard (home, wellbeing, plan) in
turn. Prints throughput, p50/p99 latency and errors; the dashboards are served from the pages'
cache after the first request of each (docs/web-pages.md says what is cached and when it is
recomputed).

    swift build -c release && python3 bench/web_load.py [--seconds 30] [--polso .build/release/polso]
"""
import argparse
import html.parser
import http.client
import os
import pathlib
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "surveys" / "anac-2013" / "samples"
PLAN = ROOT / "reports" / "pistoia-2016" / "plan.yaml"
BODIES = [f"body{number:02d}" for number in range(1, 11)]
PASSWORD = "load test password 1234"
SESSIONS = 50


class FormFields(html.parser.HTMLParser):
    """The hidden fields of a page's forms (the CSRF token of the log-in form)."""

    def __init__(self):
        super().__init__()
        self.fields = {}

    def handle_starttag(self, tag, attributes):
        attributes = dict(attributes)
        if tag == "input" and attributes.get("type") == "hidden" and attributes.get("name"):
            self.fields[attributes["name"]] = attributes.get("value", "")


def run(polso, *arguments, store, input_text=None):
    result = subprocess.run([str(polso), *arguments], input=input_text, capture_output=True, text=True,
                            env={**os.environ, "POLSO_STORE": str(store)})
    if result.returncode != 0:
        sys.exit(f"polso {' '.join(arguments)} failed:\n{result.stderr}")
    return result.stdout


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def sign_in(port, email):
    """A new session for `email`: its cookie header. The cookies are Secure, which Python's cookie
    jar keeps from plain HTTP even on localhost (browsers allow it there), so they are handled here."""
    def cookies_of(response):
        return {line.split(";")[0].split("=", 1)[0]: line.split(";")[0].split("=", 1)[1]
                for line in response.headers.get_all("Set-Cookie") or [] if "=" in line.split(";")[0]}
    connection = http.client.HTTPConnection("localhost", port, timeout=30)
    connection.request("GET", "/login")
    page = connection.getresponse()
    cookies = cookies_of(page)
    fields = FormFields()
    fields.feed(page.read().decode())
    data = urllib.parse.urlencode({**fields.fields, "email": email, "password": PASSWORD})
    connection.request("POST", "/login", body=data, headers={
        "Origin": f"http://localhost:{port}", "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": "; ".join(f"{name}={value}" for name, value in cookies.items())})
    response = connection.getresponse()
    response.read()
    session = {name: value for name, value in cookies_of(response).items() if value}
    if response.status != 303 or "polso_session" not in session:
        sys.exit(f"signing in {email} failed: {response.status}")
    return "polso_session=" + session["polso_session"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--polso", default=str(ROOT / ".build" / "release" / "polso"))
    parser.add_argument("--one-body", dest="bodies", action="store_false",
                        help="one body (the store's own, 'local') instead of ten: for a polso without polso bodies")
    options = parser.parse_args()
    polso = pathlib.Path(options.polso)
    if not polso.exists():
        sys.exit(f"{polso} not found: swift build -c release first")
    work = pathlib.Path(tempfile.mkdtemp(prefix="polso-load-"))
    store = work / "polso.sqlite"
    plans = work / "plans"  # beside the store: where polso serve looks for each body's plans
    started = time.time()
    bodies = BODIES if options.bodies else ["local"]
    for body in bodies:
        if options.bodies:
            run(polso, "bodies", "add", body, "--name", f"Ente di prova {body}", store=store)
        for year in (2015, 2016):
            run(polso, "import", str(SAMPLES / f"limesurvey-{year}.csv"), "--survey", "anac-2013", "--year", str(year),
                *(["--body", body] if options.bodies else []), store=store)
        (plans / body / "pistoia-2016").mkdir(parents=True)
        shutil.copy(PLAN, plans / body / "pistoia-2016" / "plan.yaml")
        run(polso, "users", "add", f"analyst@{body}.example", "--body", body, "--role", "analyst",
            store=store, input_text=PASSWORD + "\n")
    print(f"store: {len(bodies)} bodies, 2 waves each, built in {time.time() - started:.1f} s")

    port = free_port()
    base = f"http://localhost:{port}"
    server = subprocess.Popen([str(polso), "serve", "--store", str(store), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/health", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        sessions = []
        for index in range(SESSIONS):
            body = bodies[index % len(bodies)]
            sessions.append((body, sign_in(port, f"analyst@{body}.example")))
        # The requests wrk cycles through: each session's three dashboards.
        requests = [(f"/b/{body}/{page}", cookie) for body, cookie in sessions
                    for page in ("", "wellbeing", "plans/pistoia-2016")]
        # Warm the cache once per body and page, as a first visitor would.
        for path, cookie in requests[:len(bodies) * 3]:
            urllib.request.urlopen(urllib.request.Request(base + path, headers={"Cookie": cookie})).read()
        script = work / "sessions.lua"
        entries = ",\n".join(f'  {{"{path}", "{cookie}"}}' for path, cookie in requests)
        script.write_text(f"""
local requests = {{
{entries}
}}
local threads = {{}}
function setup(thread)
  thread:set("offset", #threads)
  table.insert(threads, thread)
end
function init(args)
  counter = 0
  failures = 0
end
request = function()
  counter = counter + 1
  local entry = requests[((counter * 7 + offset) % #requests) + 1]
  return wrk.format("GET", entry[1], {{["Cookie"] = entry[2]}})
end
response = function(status, headers, body)
  if status ~= 200 then failures = failures + 1 end
end
function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("failures") end
  io.write(string.format("Status other than 200: %d\\n", total))
end
""")
        result = subprocess.run(["wrk", "-t2", f"-c{SESSIONS}", f"-d{options.seconds}s", "--latency", "-s", str(script), base],
                                capture_output=True, text=True)
        print(result.stdout)
        latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)$", result.stdout, re.M))
        throughput = re.search(r"Requests/sec:\s+(\S+)", result.stdout)
        errors = re.search(r"Status other than 200: (\d+)", result.stdout)
        socket_errors = re.search(r"Socket errors: (.*)", result.stdout)
        print(f"summary: {SESSIONS} sessions on {len(bodies)} bodies, {options.seconds} s: "
              f"{throughput.group(1) if throughput else '?'} requests/s, p50 {latency.get('50', '?')}, p99 {latency.get('99', '?')}, "
              f"errors {errors.group(1) if errors else 0}" + (f", socket errors {socket_errors.group(1)}" if socket_errors else ""))
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
