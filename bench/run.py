#!/usr/bin/env python3
"""Benchmark: polso against DuckDB and pandas on the same 1,000,000-respondent x 40-item export.

Usage (from the repository root):  python3 bench/run.py [respondents=1000000]

It builds polso in release mode, generates bench/data/wellbeing-<n>.csv if absent (bench/generate.py),
installs the peers (duckdb, pandas from PyPI; GNU time from Debian) if missing, then times in one run:
  polso-aggregate  polso import --dry-run: read + validate + aggregate, table printed, nothing stored
  polso-import     polso import into a fresh SQLite store (hash, validate, write every respondent)
  polso-table      polso wellbeing on that store (read back 1M respondents, print the table)
  duckdb           read_csv + GROUP BY gender with AVG of the 40 items
  pandas           read_csv + groupby(gender).mean() of the 40 items
Each is run 3 times; the best wall time and the peak resident memory (GNU time) are reported,
with throughput in MB/s of the input file and ratios to DuckDB.
"""
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "bench", "data")
POLSO = os.path.join(ROOT, ".build", "release", "polso")
CODEBOOK = os.path.join(ROOT, "bench", "codebook-40.yaml")
ITEMS = [f"S{s}{i:02d}" for s in range(1, 9) for i in range(1, 6)]
REPEATS = 3


def ensure_tools():
    if not os.path.exists("/usr/bin/time"):
        subprocess.run(["apt-get", "install", "-y", "-qq", "time"], check=True)
    try:
        import duckdb  # noqa: F401
        import pandas  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "duckdb", "pandas"], check=True)
    subprocess.run(["swift", "build", "-c", "release", "--product", "polso"], cwd=ROOT, check=True)


def measure(name, command, setup=None):
    best = None
    for _ in range(REPEATS):
        if setup:
            setup()
        result = subprocess.run(["/usr/bin/time", "-f", "%e %M"] + command, cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if result.returncode != 0:
            raise SystemExit(f"{name} failed:\n{result.stderr}")
        seconds, kilobytes = result.stderr.strip().splitlines()[-1].split()
        sample = (float(seconds), int(kilobytes) / 1024)
        best = sample if best is None or sample[0] < best[0] else best
    return best


def main():
    respondents = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    os.makedirs(DATA, exist_ok=True)
    source = os.path.join(DATA, f"wellbeing-{respondents}.csv")
    ensure_tools()
    if not os.path.exists(source):
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "generate.py"), source, str(respondents)], check=True)
    size_mb = os.path.getsize(source) / 1e6
    store = os.path.join(DATA, "bench.sqlite")

    def fresh_store():
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(store + suffix):
                os.remove(store + suffix)

    averages = ", ".join(f"AVG({c})" for c in ITEMS)
    duck = (f"import duckdb; duckdb.sql(\"SELECT gender, COUNT(*), {averages} FROM read_csv('{source}') "
            f"GROUP BY gender\").fetchall()")
    panda = (f"import pandas as pd; d = pd.read_csv('{source}'); "
             f"d.groupby('gender', dropna=False)[{ITEMS!r}].mean()")
    polso_import = [POLSO, "import", source, "--survey", CODEBOOK, "--year", "2020", "--store", store]
    results = [
        ("polso-aggregate", measure("polso-aggregate", [POLSO, "import", source, "--survey", CODEBOOK, "--year", "2020", "--dry-run"])),
        ("polso-import", measure("polso-import", polso_import, setup=fresh_store)),
        ("polso-table", measure("polso-table", [POLSO, "wellbeing", "--store", store, "--survey", "bench-40"])),
        ("duckdb", measure("duckdb", [sys.executable, "-c", duck])),
        ("pandas", measure("pandas", [sys.executable, "-c", panda])),
    ]
    timings = dict(results)
    print(f"input: {source}: {respondents:,} respondents x {len(ITEMS)} items, {size_mb:.1f} MB; best of {REPEATS}")
    print(f"{'run':<16} {'seconds':>8} {'MB/s':>8} {'peak MiB':>9} {'time vs duckdb':>15}")
    for name, (seconds, peak) in results:
        print(f"{name:<16} {seconds:>8.2f} {size_mb / seconds:>8.1f} {peak:>9.1f} {seconds / timings['duckdb'][0]:>15.2f}")
    aggregate = timings["polso-aggregate"][0]
    print(f"polso-aggregate throughput / duckdb throughput: {timings['duckdb'][0] / aggregate:.2f}")
    print(f"polso-aggregate throughput / pandas throughput: {timings['pandas'][0] / aggregate:.2f}")
    print(f"polso-import time / polso-aggregate time: {timings['polso-import'][0] / aggregate:.2f} (target <= 3)")
    fresh_store()


if __name__ == "__main__":
    main()
