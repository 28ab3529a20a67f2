#!/usr/bin/env python3
"""End to end in a real browser: headless Chromium driven by Selenium through the whole workflow.

Starts `polso serve` on a fresh store with one body and a bootstrapped analyst, then: log in →
upload the 2015 and 2016 wellbeing samples (preview, confirm) → the wellbeing table → the
satisfaction page (its samples imported with the CLI) → push the Pistoia plan (preview, confirm) →
download the report. The figures on the pages are checked against `polso wellbeing --format json`,
`polso satisfaction --format json` and `polso plan score --format json` on the same store,
rounded half-up here. Screenshots of the main pages go into docs/screenshots/.

Run from the package root after `swift build`:  python3 Tests/EndToEnd/browser.py [--store postgres]
With `--store postgres` the same run goes through a PostgreSQL store: a fresh schema on the server
that `.ci/postgres.sh` started, whose env file (`--postgres-env FILE`, else the
POLSO_TEST_POSTGRES_URL and POLSO_TEST_POSTGRES_APP_URL variables it exports) names the owner, who
creates the schema's tables (`polso store migrate`), and the application role, which `polso serve`
and every other command use. No server, no run: it fails, saying so.
Needs Debian's chromium and chromium-driver and Selenium from PyPI (.ci/run installs them).
"""
import argparse
import decimal
import json
import os
import pathlib
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / ".ci"))
from postgres_env import drop_schema, new_schema, postgres_urls, with_schema  # noqa: E402
POLSO = pathlib.Path(os.environ.get("POLSO", ROOT / ".build" / "debug" / "polso"))
SAMPLES = ROOT / "surveys" / "anac-2013" / "samples"
SATISFACTION = ROOT / "surveys" / "customer-satisfaction" / "samples"
PLAN = ROOT / "reports" / "pistoia-2016" / "plan.yaml"
SCREENSHOTS = ROOT / "docs" / "screenshots"
BODY, EMAIL, PASSWORD = "local", "analyst@example.org", "correct horse battery staple"


def polso(*arguments, store, input_text=None, check=True):
    """Runs the CLI on `store`; returns its standard output."""
    result = subprocess.run([str(POLSO), *arguments], input=input_text, capture_output=True, text=True,
                            env={**os.environ, "POLSO_STORE": str(store)})
    if check and result.returncode != 0:
        sys.exit(f"polso {' '.join(arguments)} failed ({result.returncode}):\n{result.stderr}")
    return result.stdout


def half_up(value, places=2, separator=","):
    """The display rule, done here on the decimal text (not with Python's round, which is half-even)."""
    quantum = decimal.Decimal(1).scaleb(-places)
    text = str(decimal.Decimal(repr(value)).quantize(quantum, rounding=decimal.ROUND_HALF_UP))
    return text.replace(".", separator)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url, seconds=30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"the server did not answer {url} within {seconds} s")


def table_rows(driver, caption):
    """The rows (cells' text) of the table captioned `caption`."""
    table = driver.find_element(By.XPATH, f"//table[caption[normalize-space()={json.dumps(caption)}]]")
    return [[cell.text.strip() for cell in row.find_elements(By.XPATH, "./th|./td")]
            for row in table.find_elements(By.XPATH, ".//tr")]


def download(driver, url, path, seconds=15):
    """Follows a download link; returns the saved file's text once the browser has written it."""
    driver.get(url)
    deadline = time.time() + seconds
    while not path.exists() and time.time() < deadline:
        time.sleep(0.2)
    assert path.exists(), f"{url} saved no {path.name}"
    return path.read_text(encoding="utf-8")


def submit(driver, form_xpath):
    """Submits a form and waits until the browser has left the page, so what is read next is the answer."""
    page = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.XPATH, form_xpath + "//button[@type='submit']").click()
    WebDriverWait(driver, 30).until(expected_conditions.staleness_of(page))


def satisfaction_cells(figures, dont_know):
    """Valid, positive, % positive, % negative, mean, not applicable, (don't know), interval, as the page shows them."""
    def percent(value):
        return "–" if value is None else half_up(value) + " %"
    cells = [str(figures["valid"]), str(figures["positive"]), percent(figures.get("percentPositive")),
             percent(figures.get("percentNegative")), "–" if figures.get("mean") is None else half_up(figures["mean"]),
             str(figures["notApplicable"])]
    if dont_know:
        cells.append(str(figures["dontKnow"]))
    interval = figures.get("percentPositiveInterval")
    cells.append(f"{half_up(interval['lower'])}–{half_up(interval['upper'])}" if interval else "")
    return cells


def compare_satisfaction(driver, table):
    """Compares every figure of the by-service tables and the trend with the JSON; returns how many."""
    overall, minimum = table["overallItem"], table.get("minimumGroupSize") or 5
    series = table["services"] + ([table["pooled"]] if table.get("pooled") else [])
    dont_know = any(item["figures"].get("dontKnow", 0) > 0 for one in series for year in one["values"] for item in year.get("items", []))
    nps = any(item.get("netPromoter") for item in table["items"])

    def signed(value):
        text = half_up(value)
        return "+" + text if value > 0 and text != "0,00" else text

    def nps_cell(year):
        scores = [item["figures"]["netPromoter"]["score"] for item in year.get("items", [])
                  if (item["figures"].get("netPromoter") or {}).get("score") is not None]
        return signed(scores[0]) if scores else ""

    def overall_item(year):
        return next((item for item in year.get("items", []) if item["code"] == overall), None)

    def expected_row(year):
        if year.get("suppressed"):
            return [f"<{minimum}", f"<{minimum}"]
        item = overall_item(year)
        if not year.get("questionnaires") or item is None:
            return ["0", "non rilevato"]
        return [str(year["questionnaires"])] + satisfaction_cells(item["figures"], dont_know) + ([nps_cell(year)] if nps else [])

    compared = 0
    # The tables in page order with their captions (the captions hold quotes: no XPath literal).
    tables = []
    for element in driver.find_elements(By.TAG_NAME, "table"):
        captions = element.find_elements(By.TAG_NAME, "caption")
        rows = [[cell.text.strip() for cell in row.find_elements(By.XPATH, "./th|./td")] for row in element.find_elements(By.XPATH, ".//tr")]
        tables.append((captions[0].text.strip() if captions else "", [row for row in rows if row]))
    for position, year in enumerate(table["years"]):
        rows = next(rows for caption, rows in tables if caption.startswith(f"{year} — "))[1:]
        caption = f"{year}"
        assert len(rows) >= len(series), (caption, len(rows))
        for row, one in zip(rows, series):
            want = expected_row(one["values"][position])
            assert row[1:1 + len(want)] == want, (year, row, want)
            compared += sum(any(character.isdigit() for character in cell) for cell in want)
    trend = tables[len(table["years"])][1][1:]
    base_year = table.get("baseYear")
    for row, one in zip(trend, series):
        column = 1
        for position, year in enumerate(one["values"]):
            item = overall_item(year)
            shown = row[column]
            # After each year's %: its Δ (not the first year's), then its index (not the base year's).
            column += 1 + (position > 0) + (base_year is not None and table["years"][position] != base_year)
            want = f"<{minimum}" if item is None else ("–" if item["figures"].get("percentPositive") is None
                                                        else half_up(item["figures"]["percentPositive"]) + " %")
            assert shown == want, (row, want)
            compared += 1
    assert compared > 150, compared
    return compared


def main():
    parser = argparse.ArgumentParser(description="End to end in headless Chromium.")
    parser.add_argument("--store", choices=["sqlite", "postgres"], default="sqlite", help="the store's engine (default sqlite)")
    parser.add_argument("--postgres-env", help="the env file .ci/postgres.sh wrote (default: the environment's variables)")
    arguments = parser.parse_args()
    if not POLSO.exists():
        sys.exit(f"{POLSO} not found: run swift build first")
    work = pathlib.Path(tempfile.mkdtemp(prefix="polso-e2e-"))
    owner = schema = None
    if arguments.store == "postgres":
        owner, application = postgres_urls(arguments.postgres_env)
        schema = new_schema("e2e_")
        polso("store", "migrate", store=with_schema(owner, schema))
        store = with_schema(application, schema)
    else:
        store = work / "polso.sqlite"
    downloads = work / "downloads"
    downloads.mkdir()
    plans = work / "plans" / BODY / "pistoia-2016"
    plans.mkdir(parents=True)
    shutil.copy(PLAN, plans / "plan.yaml")
    # The screenshots in docs/ are the SQLite run's; the PostgreSQL run's stay in its work folder.
    shots = SCREENSHOTS if arguments.store == "sqlite" else work / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)

    polso("users", "add", EMAIL, "--body", BODY, "--role", "analyst", store=store, input_text=PASSWORD + "\n")
    # The satisfaction samples as the README imports them (the pages' import is tried with the wellbeing ones).
    for export in (["google-forms-2018.csv", "--year", "2018", "--planned-services", "16", "--allow-missing-items"],
                      ["limesurvey-2019.csv", "--year", "2019", "--planned-services", "16"],
                      ["google-forms-2019-registro-imprese.csv", "--year", "2019", "--service", "Registro Imprese",
                       "--users", "61", "--append"]):
        polso("import", str(SATISFACTION / export[0]), "--survey", "customer-satisfaction", *export[1:], store=store)
    port = free_port()
    base = f"http://localhost:{port}"
    # A body's plans are the folders plans/<body>/<id> beside a SQLite store, and in the folder the
    # server starts in for a PostgreSQL one: here both are the work folder.
    server = subprocess.Popen([str(POLSO), "serve", "--store", str(store), "--port", str(port)], cwd=work,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1400", "--lang=it"]:
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads), "download.prompt_for_download": False})
    driver = None
    try:
        wait_for(base + "/health")
        driver = webdriver.Chrome(service=webdriver.ChromeService(executable_path=shutil.which("chromedriver")), options=options)
        wait = WebDriverWait(driver, 30)

        # Log in.
        driver.get(base + "/login")
        driver.save_screenshot(str(shots / "login.png"))
        driver.find_element(By.NAME, "email").send_keys(EMAIL)
        driver.find_element(By.NAME, "password").send_keys(PASSWORD)
        submit(driver, "//form")
        wait.until(expected_conditions.presence_of_element_located((By.ID, "main")))
        driver.get(f"{base}/b/{BODY}/")
        assert driver.find_element(By.TAG_NAME, "h1").text == "Sintesi", driver.page_source[:500]

        # Upload the two samples: each previewed (nothing stored), then confirmed.
        for year in (2015, 2016):
            driver.get(f"{base}/b/{BODY}/import")
            driver.find_element(By.ID, "file").send_keys(str(SAMPLES / f"limesurvey-{year}.csv"))
            driver.find_element(By.ID, "year").clear()
            driver.find_element(By.ID, "year").send_keys(str(year))
            submit(driver, "//form[@enctype='multipart/form-data']")
            summary = wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "pre.output"))).text
            assert "dry run: nothing stored" in summary, summary
            assert "respondents:" in summary, summary
            if year == 2016:
                driver.save_screenshot(str(shots / "import-preview.png"))
                before = polso("wellbeing", "--format", "json", store=store)
                assert json.loads(before)["table"]["years"] == [2015], "the preview must store nothing"
            submit(driver, f"//form[contains(@action, '/b/{BODY}/import/confirm')]")
            stored = wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "pre.output"))).text
            assert stored.startswith("Imported"), stored

        # The wellbeing table against the CLI's JSON on the same store.
        document = json.loads(polso("wellbeing", "--format", "json", store=store))
        driver.get(f"{base}/b/{BODY}/wellbeing")
        driver.save_screenshot(str(shots / "wellbeing.png"))
        compared = 0
        for block in document["table"]["blocks"]:
            if not block["inSynthesis"]:
                continue
            rows = table_rows(driver, block["title"])
            by_label = {row[0]: row for row in rows if row}
            for section in block["sections"]:
                row = by_label[f"{section['code']} {section['title']}"]
                for position, value in enumerate(section["values"]):
                    assert row[1 + position] == half_up(value["mean"]), (section["code"], row, value["mean"])
                    compared += 1
            media = by_label["MEDIA"]
            for position, value in enumerate(block["values"]):
                assert media[1 + position] == half_up(value["mean"]), (block["title"], media, value["mean"])
                compared += 1
        assert compared >= 20, compared
        print(f"wellbeing: {compared} figures on the page equal polso wellbeing --format json, half-up")

        # The satisfaction page, by service: every figure of each year's table and of the trend
        # against the CLI's JSON on the same store.
        satisfaction = json.loads(polso("satisfaction", "--format", "json", store=store))["table"]
        driver.get(f"{base}/b/{BODY}/satisfaction?survey=customer-satisfaction&rows=service")
        driver.save_screenshot(str(shots / "satisfaction.png"))
        compared = compare_satisfaction(driver, satisfaction)
        print(f"satisfaction: {compared} figures on the page equal polso satisfaction --format json, half-up")

        # Downloads of the table: CSV as the CLI writes it.
        csv_text = download(driver, f"{base}/b/{BODY}/wellbeing?survey=anac-2013&format=csv", downloads / "anac-2013-wellbeing.csv")
        assert csv_text == polso("wellbeing", "--format", "csv", store=store), "the CSV download is the CLI's --format csv"

        # The plan: push previewed (old → new), confirmed, then the tree and the report.
        driver.get(f"{base}/b/{BODY}/plans/pistoia-2016")
        submit(driver, "//form[contains(@action, '/push')]")
        wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "table.changes")))
        driver.save_screenshot(str(shots / "push-preview.png"))
        assert not (plans / "values.yaml").exists(), "the push preview must write nothing"
        after = driver.find_element(By.CSS_SELECTOR, "td[data-figure=after]").text
        benessere = next(block for block in document["table"]["blocks"] if block["id"] == "benessere_organizzativo")
        ratio = benessere["values"][1]["mean"] / benessere["values"][0]["mean"]
        assert after == half_up(ratio, 6), (after, ratio)
        submit(driver, "//form[contains(@action, '/push/confirm')]")
        wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "table.changes")))
        assert (plans / "values.yaml").exists(), "the confirmed push writes values.yaml"

        scored = json.loads(polso("plan", "score", str(plans), "--format", "json", store=store))
        driver.get(f"{base}/b/{BODY}/plans/pistoia-2016")
        driver.save_screenshot(str(shots / "plan.png"))

        def achievements(node):
            yield node
            for child in node.get("children", []):
                yield from achievements(child)
        checked = 0
        for node in achievements(scored["root"]):
            if node.get("achievement") is None or not node.get("path"):
                continue
            row = driver.find_element(By.CSS_SELECTOR, f"tr[data-path={json.dumps(node['path'])}]")
            # A monitoring node's achievement is shown in brackets, an overridden one with a star.
            cell = row.find_element(By.CSS_SELECTOR, "[data-figure=achievement]").text.strip("()").rstrip("*")
            decimals = scored["profile"]["decimals"]
            assert cell == half_up(node["achievement"], decimals) + " %", (node["path"], cell, node["achievement"])
            checked += 1
        print(f"plan: {checked} achievements on the page equal polso plan score --format json")

        report = download(driver, f"{base}/b/{BODY}/plans/pistoia-2016/report.md", downloads / "pistoia-2016.md")
        assert "D1.3" in report, "the report downloads with the pushed indicator"
        driver.get(f"{base}/b/{BODY}/")
        driver.save_screenshot(str(shots / "home.png"))
        print(f"end to end on {arguments.store}: log-in, import preview and confirm, wellbeing table, push, report download: all checked")
    finally:
        if driver is not None:
            driver.quit()
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(work, ignore_errors=True)
        if schema:
            drop_schema(owner, schema)


if __name__ == "__main__":
    main()
