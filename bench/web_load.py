#!/usr/bin/env python3
"""Load test of the web pages with Debian's wrk: 50 concurrent sessions on the dashboards of a
10-body store.

Builds a store of 10 bodies (each with the 2015 and 2016 wellbeing samples and the Pistoia plan),
one analyst per body, starts `polso serve`, signs 50 sessions in (5 per body), then runs wrk with
50 connections, each request going to the next session's dashboard (home, wellbeing, plan) in
turn. Prints throughput, p50/p95/p99 latency, errors and the load average; the dashboards are served from the pages'
cache after the first request of each (docs/web-pages.md says what is cached and when it is
recomputed).

    swift build -c release && python3 bench/web_load.py [--seconds 30] [--polso .build/release/polso]
"""
import argparse
import html
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
LABELS = ["Per nulla d'accordo", "Poco d'accordo", "Parzialmente d'accordo", "Abbastanza d'accordo",
          "Molto d'accordo", "Del tutto d'accordo"]


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


def add_body(store, code):
    """A body, for a polso whose CLI has no `polso bodies add` yet: the row the store's own code writes."""
    import sqlite3
    with sqlite3.connect(store) as database:
        database.execute("INSERT INTO body (code, name, kind, opted_in, public, created_at) VALUES (?, ?, '', 0, 0, ?)",
                         (code, f"Ente di prova {code}", time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())))


def body_export(work, index, year):
    """The sample of `year` made another body's: the store refuses a file, or respondents, it already
    holds, so each body after the first gets every answer moved one point (deterministically, on
    about a third of the cells, within 1-6) and ids of its own."""
    sample = SAMPLES / f"limesurvey-{year}.csv"
    if index == 0:
        return sample
    import csv
    import io
    import random
    generator = random.Random(f"{index}-{year}")
    text = sample.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    for row in rows[1:]:
        row[0] = f"{index}{row[0]}"
        for column in range(7, len(row)):
            value = row[column]
            # The samples write points as codes (2016) or as the scale's labels (2015).
            point = LABELS.index(value) + 1 if value in LABELS else int(value) if value in {"1", "2", "3", "4", "5", "6"} else None
            if point is not None and generator.random() < 0.33:
                point = min(6, max(1, point + generator.choice((-1, 1))))
                row[column] = LABELS[point - 1] if value in LABELS else str(point)
    target = work / "exports" / f"body{index:02d}" / sample.name
    target.parent.mkdir(parents=True, exist_ok=True)
    output = io.StringIO(newline="")
    csv.writer(output, quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows(rows)
    target.write_bytes(b"\xef\xbb\xbf" + output.getvalue().encode("utf-8"))
    return target


def import_through_page(port, cookie, body, sample, year):
    """Uploads an export on the import page and confirms the preview."""
    connection = http.client.HTTPConnection("localhost", port, timeout=120)
    origin = {"Origin": f"http://localhost:{port}", "Cookie": cookie}
    connection.request("GET", f"/b/{body}/import", headers=origin)
    form = FormFields()
    form.feed(connection.getresponse().read().decode())
    boundary = "polso-bench-boundary"
    parts = [(name, value) for name, value in [("kind", "survey"), ("survey", "anac-2013"), ("year", str(year))]]
    payload = b"".join(f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n".encode()
                       for name, value in parts)
    payload += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{sample.name}\"\r\n"
                "Content-Type: text/csv\r\n\r\n").encode() + sample.read_bytes() + f"\r\n--{boundary}--\r\n".encode()
    connection.request("POST", f"/b/{body}/import?csrf={urllib.parse.quote(form.fields['csrf'])}", body=payload,
                       headers={**origin, "Content-Type": f"multipart/form-data; boundary={boundary}"})
    preview = connection.getresponse()
    fields = FormFields()
    fields.feed(preview.read().decode())
    if preview.status != 200 or "upload" not in fields.fields:
        sys.exit(f"the import preview of {sample.name} for {body} failed: {preview.status}")
    connection.request("POST", f"/b/{body}/import/confirm", body=urllib.parse.urlencode(fields.fields),
                       headers={**origin, "Content-Type": "application/x-www-form-urlencoded"})
    stored = connection.getresponse()
    page = stored.read().decode()
    if stored.status != 200:
        message = re.search(r'<pre class="output error">(.*?)</pre>', page, re.S)
        sys.exit(f"confirming {sample.name} for {body} failed: {stored.status} {html.unescape(message.group(1)) if message else page[-600:]}")


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
    run(polso, "store", "init", store=store)
    has_bodies_command = subprocess.run([str(polso), "bodies", "list"], capture_output=True,
                                        env={**os.environ, "POLSO_STORE": str(store)}).returncode == 0
    for body in bodies:
        if body != "local":
            if has_bodies_command:
                run(polso, "bodies", "add", body, "--name", f"Ente di prova {body}", store=store)
            else:
                add_body(store, body)
        (plans / body / "pistoia-2016").mkdir(parents=True)
        shutil.copy(PLAN, plans / body / "pistoia-2016" / "plan.yaml")
        run(polso, "users", "add", f"analyst@{body}.example", "--body", body, "--role", "analyst",
            store=store, input_text=PASSWORD + "\n")
    print(f"store: {len(bodies)} bodies, 2 waves each, built in {time.time() - started:.1f} s")

    port = free_port()
    base = f"http://localhost:{port}"
    log = open(work / "serve.log", "w")
    server = subprocess.Popen([str(polso), "serve", "--store", str(store), "--port", str(port)], stdout=log, stderr=log)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/health", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        # Each body's two waves go in through the import page (preview, then confirm), as a user would.
        for index, body in enumerate(bodies):
            cookie = sign_in(port, f"analyst@{body}.example")
            for year in (2015, 2016):
                import_through_page(port, cookie, body, body_export(work, index, year), year)
        print(f"imports: {len(bodies) * 2} waves through the import page in {time.time() - started:.1f} s")
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
  for _, p in ipairs({{50, 95, 99}}) do
    io.write(string.format("Percentile %d: %.2f ms\\n", p, latency:percentile(p) / 1000))
  end
end
""")
        load_before = os.getloadavg()[0]
        result = subprocess.run(["wrk", "-t2", f"-c{SESSIONS}", f"-d{options.seconds}s", "--latency", "-s", str(script), base],
                                capture_output=True, text=True)
        print(result.stdout)
        if result.stderr.strip():
            print(result.stderr)
        load_after = os.getloadavg()[0]
        latency = {p: f"{float(ms):.1f} ms" for p, ms in re.findall(r"^Percentile (\d+): (\S+) ms$", result.stdout, re.M)}
        throughput = re.search(r"Requests/sec:\s+(\S+)", result.stdout)
        errors = re.search(r"Status other than 200: (\d+)", result.stdout)
        socket_errors = re.search(r"Socket errors: (.*)", result.stdout)
        print(f"summary: {SESSIONS} sessions on {len(bodies)} bodies, {options.seconds} s: "
              f"{throughput.group(1) if throughput else '?'} requests/s, p50 {latency.get('50', '?')}, p95 {latency.get('95', '?')}, "
              f"p99 {latency.get('99', '?')}, errors {errors.group(1) if errors else 0}"
              + (f", socket errors {socket_errors.group(1)}" if socket_errors else "")
              + f"; load average (1 min) {load_before:.2f} before, {load_after:.2f} after; {os.cpu_count()} cores")
    finally:
        server.terminate()
        server.wait(timeout=10)
        if sys.exc_info()[0] is not None:
            print("server log (last lines):\n" + "".join((work / "serve.log").read_text().splitlines(True)[-10:]) + f"(kept: {work})")
            return
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
