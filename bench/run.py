#!/usr/bin/env python3
"""Benchmark: polso against DuckDB, pandas and a C + libcsv ceiling, on the same export, in one run.

Usage (from the repository root):
    python3 bench/run.py [--respondents N] [--rounds R] [--scaling] [--before BINARY] [--out FILE.md]

It builds polso in release mode and the C baseline (bench/c/scan.c, linked with the system libcsv),
generates bench/data/wellbeing-<n>.csv if absent (bench/generate.py, 1,000,000 x 40 by default),
installs the peers if missing (duckdb and pandas from PyPI, GNU time from Debian), then runs every
case once per round, round after round, so that a change in the machine's load hits every case
alike rather than one case's three runs:

  c-scan           C + libcsv: parse every record, count fields (the ceiling for a libcsv reader)
  c-aggregate      C + libcsv: the same parse plus per-group counts and sums of the 40 items
  polso-aggregate  polso import --dry-run: read, validate, aggregate; nothing stored
  polso-import     polso import into a fresh SQLite store (hash, validate, write every respondent)
  polso-table      polso wellbeing on that store (read back every respondent, print the table)
  duckdb           read_csv + GROUP BY gender with AVG of the 40 items (DuckDB uses both cores)
  pandas           read_csv + groupby(gender).mean() of the 40 items

For each case it reports wall and CPU time (user + system), minimum and median over the rounds,
and peak resident memory (GNU time). While each run lasts it also reads /proc/stat: the CPU time
the rest of the machine used in that interval (all busy time minus the run's own) is the
"others" column. A ratio between two cases is valid only when the others' share stayed under
OTHERS_LIMIT of the machine in both; otherwise it is printed with a warning. The load average is
printed at the start and the end.

--postgres runs only the bulk-import comparison of docs/postgres.md (issue 16, point 4): polso-import
into a fresh SQLite store and polso-import-postgres into a fresh schema of a private PostgreSQL cluster
(.ci/postgres.sh, started in a temporary folder and stopped at the end), interleaved, the same release
binary; it prints both, the ratio (target <= 2) and the peak memory of each.

--scaling times c-scan, polso-aggregate in one piece and in two parts (POLSO_CSV_PARTS) and
polso-import at 10k, 100k, 1M and 3M respondents (files generated on first use; the 3M file is
about 600 MB) and prints CPU seconds per million respondents and peak memory, to show cost linear
and memory flat.

--before BINARY adds two cases run with another polso build in the same rounds: before-import
(its own fresh store, not in the ratios) and before-table (its `wellbeing` on that store). Issue 15
sets the target of `wellbeing` at half of "today's time", the time before its work began: build
that commit (070527b, the parent of its first commit 3a4d93e) in release and pass its binary, and
the ratios end with polso-table against before-table, wall and CPU. Without it they end with
polso-table's CPU against 1.37 s, a figure taken on this machine after the first of that work.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "bench", "data")
POLSO = os.path.join(ROOT, ".build", "release", "polso")
SCAN = os.path.join(DATA, "scan")
CODEBOOK = os.path.join(ROOT, "bench", "codebook-40.yaml")
ITEMS = [f"S{s}{i:02d}" for s in range(1, 9) for i in range(1, 6)]
CORES = os.cpu_count() or 1
OTHERS_LIMIT = 0.10  # share of the whole machine's CPU used by other processes during a run
TICKS = os.sysconf("SC_CLK_TCK")


def ensure_tools():
    if not os.path.exists("/usr/bin/time"):
        subprocess.run(["apt-get", "install", "-y", "-qq", "time"], check=True)
    try:
        import duckdb  # noqa: F401
        import pandas  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "duckdb", "pandas"], check=True)
    subprocess.run(["swift", "build", "-c", "release", "--product", "polso"], cwd=ROOT, check=True)
    os.makedirs(DATA, exist_ok=True)
    subprocess.run(["cc", "-O2", "-o", SCAN, os.path.join(ROOT, "bench", "c", "scan.c"), "-lcsv"], check=True)


def busy_ticks():
    """Busy CPU ticks of the whole machine so far (every state but idle and iowait)."""
    with open("/proc/stat") as stat:
        fields = [int(x) for x in stat.readline().split()[1:]]
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    # guest time is already counted in user and nice
    return sum(fields[:8]) - idle


class Sample:
    def __init__(self, wall, cpu, peak_mib, others):
        self.wall, self.cpu, self.peak_mib, self.others = wall, cpu, peak_mib, others


def run_once(name, command, setup=None, env=None, server_ticks=None):
    """One timed run. `server_ticks`, when given, reads the CPU ticks of a server the run works
    with (the PostgreSQL cluster): its share is the run's own work, reported as `server_cpu`, not
    counted among the others."""
    if setup:
        setup()
    before_server = server_ticks() if server_ticks else 0
    before_busy, before = busy_ticks(), time.monotonic()
    result = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M"] + command, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env=dict(os.environ, **env) if env else None)
    elapsed, after_busy = time.monotonic() - before, busy_ticks()
    server_cpu = (server_ticks() - before_server) / TICKS if server_ticks else 0.0
    if result.returncode != 0:
        raise SystemExit(f"{name} failed:\n{result.stderr}")
    wall, user, system, kilobytes = result.stderr.strip().splitlines()[-1].split()
    cpu = float(user) + float(system)
    others = max(0.0, (after_busy - before_busy) / TICKS - cpu - server_cpu) / (elapsed * CORES)
    sample = Sample(float(wall), cpu, int(kilobytes) / 1024, others)
    sample.server_cpu = server_cpu
    return sample


def cluster_ticks(data):
    """CPU ticks (user + system, children reaped included) of the PostgreSQL postmaster whose data
    folder is `data` and of every process it started (the backend serving the import among them)."""
    with open(os.path.join(data, "postmaster.pid")) as pidfile:
        postmaster = int(pidfile.readline())
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # fields[1] is the parent's pid; utime, stime, cutime, cstime follow at 11–14
        if int(entry) == postmaster or int(fields[1]) == postmaster:
            total += sum(int(x) for x in fields[11:15])
    return total


def generate(respondents):
    path = os.path.join(DATA, f"wellbeing-{respondents}.csv")
    if not os.path.exists(path):
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "generate.py"), path, str(respondents)], check=True)
    return path


def remove_sqlite(path):
    """Removes a SQLite store and its -wal and -shm files, so the next import starts afresh."""
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)


def cases_for(source, store, before=None):
    stores = [store] + ([store + ".before"] if before else [])

    def fresh_store():
        for path in stores:
            remove_sqlite(path)

    averages = ", ".join(f"AVG({c})" for c in ITEMS)
    duck = (f"import duckdb; duckdb.sql(\"SELECT gender, COUNT(*), {averages} FROM read_csv('{source}') "
            f"GROUP BY gender\").fetchall()")
    panda = (f"import pandas as pd; d = pd.read_csv('{source}'); "
             f"d.groupby('gender', dropna=False)[{ITEMS!r}].mean()")
    polso_args = ["--survey", CODEBOOK, "--year", "2020"]
    baseline = [
        # the other build's own store, made afresh each round like polso-import's
        ("before-import", [before, "import", source] + polso_args + ["--store", stores[-1]], None),
        ("before-table", [before, "wellbeing", "--store", stores[-1], "--survey", "bench-40"], None),
    ] if before else []
    return [
        ("c-scan", [SCAN, "scan", source], None),
        ("c-aggregate", [SCAN, "aggregate", source], None),
        ("polso-aggregate", [POLSO, "import", source] + polso_args + ["--dry-run"], None),
        ("polso-import", [POLSO, "import", source] + polso_args + ["--store", store], fresh_store),
        # runs after polso-import in every round, so the store holds exactly one import
        ("polso-table", [POLSO, "wellbeing", "--store", store, "--survey", "bench-40"], None),
        ("duckdb", [sys.executable, "-c", duck], None),
        ("pandas", [sys.executable, "-c", panda], None),
    ] + baseline, fresh_store


# `polso wellbeing` over the 1,000,000 stored respondents before issue 15's last steps, CPU
# seconds on the same 2-core machine (docs/store-and-speed.md); the target is half of it.
WELLBEING_BEFORE_CPU = 1.37


def wellbeing_ratio(say, summary, ratio):
    """The wellbeing read-back's time against the figure issue 15 set its target by: the other
    build's in the same run when --before gave one, else the CPU figure noted on this machine."""
    if "before-table" in summary:
        ratio("polso-table time / before-table time (wellbeing before issue 15's work)", "polso-table", "before-table", "<= 0.5")
        ratio("polso-table CPU / before-table CPU", "polso-table", "before-table", "<= 0.5", cpu=True)
        return
    cpu, busy = summary["polso-table"][2], summary["polso-table"][4]
    note = " (target <= 0.5)"
    if busy > OTHERS_LIMIT:
        note += f" — NOT VALID: other processes used more than {OTHERS_LIMIT:.0%} of the machine during polso-table"
    say(f"- polso-table CPU / {WELLBEING_BEFORE_CPU:.2f} s (its CPU before issue 15's last steps): {cpu / WELLBEING_BEFORE_CPU:.2f}{note}")


def scaling_cases(path, store):
    """The cases timed at every size: the C ceiling, the dry run in one piece and in two parts,
    and the import into a fresh store."""
    def fresh_store():
        remove_sqlite(store)

    polso = [POLSO, "import", path, "--survey", CODEBOOK, "--year", "2020"]
    return [
        ("c-scan", [SCAN, "scan", path], None, None),
        ("polso-aggregate, 1 part", polso + ["--dry-run"], None, {"POLSO_CSV_PARTS": "1"}),
        ("polso-aggregate, 2 parts", polso + ["--dry-run"], None, {"POLSO_CSV_PARTS": "2"}),
        ("polso-import", polso + ["--store", store], fresh_store, None),
    ], fresh_store


def scaling(say, store):
    """Cost per respondent and peak memory at 10k, 100k, 1M and 3M respondents (files generated
    on first use): the cost should stay linear and the memory flat (issue 15: <= 40 MiB at 3M)."""
    say()
    say("Scaling (one run each, after the rounds above):")
    say()
    say("| respondents | case | wall s | CPU s | CPU s per 1M respondents | peak MiB | others' CPU |")
    say("|---:|---|---:|---:|---:|---:|---:|")
    for respondents in (10_000, 100_000, 1_000_000, 3_000_000):
        path = generate(respondents)
        cases, cleanup = scaling_cases(path, store)
        for name, command, setup, env in cases:
            sample = run_once(name, command, setup, env)
            say(f"| {respondents:,} | {name} | {sample.wall:.3f} | {sample.cpu:.3f} | {sample.cpu / respondents * 1e6:.3f} | "
                f"{sample.peak_mib:.1f} | {sample.others:.0%} |")
        cleanup()


def fmt_load():
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f} (1, 5, 15 min; {CORES} cores)"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--respondents", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--scaling", action="store_true")
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--before", help="another polso binary whose wellbeing read-back is timed beside this one's")
    parser.add_argument("--out", default=os.path.join(ROOT, "bench", "results", "latest.md"))
    args = parser.parse_args()

    ensure_tools()
    source = generate(args.respondents)
    if args.postgres:
        return postgres_import(source, args.rounds, args.out)
    size_mb = os.path.getsize(source) / 1e6
    store = os.path.join(DATA, "bench.sqlite")
    cases, cleanup = cases_for(source, store, os.path.abspath(args.before) if args.before else None)
    lines = []

    def say(text=""):
        print(text, flush=True)
        lines.append(text)

    load_start = fmt_load()
    samples = {name: [] for name, _, _ in cases}
    for round_index in range(args.rounds):
        for name, command, setup in cases:
            samples[name].append(run_once(name, command, setup))
        print(f"round {round_index + 1}/{args.rounds} done", file=sys.stderr, flush=True)
    cleanup()
    load_end = fmt_load()

    say(f"# Benchmark, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    say()
    say(f"Input: `{os.path.relpath(source, ROOT)}`, {args.respondents:,} respondents x {len(ITEMS)} items, "
        f"{size_mb:.1f} MB. {args.rounds} interleaved rounds. Load average at start {load_start}, at end {load_end}.")
    say()
    say("| case | wall min s | wall median s | CPU min s | CPU median s | MB/s (min wall) | peak MiB | others' CPU, max |")
    say("|---|---:|---:|---:|---:|---:|---:|---:|")
    summary = {}
    for name, runs in samples.items():
        walls = [s.wall for s in runs]
        cpus = [s.cpu for s in runs]
        busiest = max(s.others for s in runs)
        summary[name] = (min(walls), statistics.median(walls), min(cpus), max(s.peak_mib for s in runs), busiest)
        say(f"| {name} | {min(walls):.3f} | {statistics.median(walls):.3f} | {min(cpus):.3f} | "
            f"{statistics.median(cpus):.3f} | {size_mb / min(walls):.1f} | {summary[name][3]:.1f} | {busiest:.0%} |")
    say()

    def ratio(label, numerator, denominator, target=None, cpu=False):
        column = 2 if cpu else 0
        if summary[denominator][column] == 0:
            say(f"- {label}: not measurable ({denominator} took under GNU time's 10 ms)")
            return
        value = summary[numerator][column] / summary[denominator][column]
        busy = [n for n in (numerator, denominator) if summary[n][4] > OTHERS_LIMIT]
        note = f" (target {target})" if target else ""
        if busy:
            note += (f" — NOT VALID: other processes used more than {OTHERS_LIMIT:.0%} of the machine "
                     f"during {', '.join(busy)}")
        say(f"- {label}: {value:.2f}{note}")

    say("Ratios (on the minimum wall time unless marked CPU):")
    ratio("polso-aggregate throughput / DuckDB's", "duckdb", "polso-aggregate", ">= 2")
    ratio("polso-aggregate throughput / pandas'", "pandas", "polso-aggregate", ">= 3")
    ratio("polso-aggregate time / C + libcsv scan time", "polso-aggregate", "c-scan", "<= 1.1")
    ratio("polso-aggregate time / C + libcsv scan + aggregation time", "polso-aggregate", "c-aggregate")
    ratio("polso-aggregate CPU / C + libcsv scan CPU", "polso-aggregate", "c-scan", cpu=True)
    ratio("polso-import time / polso-aggregate time", "polso-import", "polso-aggregate", "<= 2")
    ratio("polso-table time / polso-aggregate time", "polso-table", "polso-aggregate")
    if args.respondents == 1_000_000 or args.before:
        wellbeing_ratio(say, summary, ratio)

    if args.scaling:
        scaling(say, store)

    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w") as handle:
        handle.write("\n".join(lines) + "\n")
    print(f"\nwritten to {os.path.relpath(args.out, ROOT)}", file=sys.stderr)


def postgres_import(source, rounds, out):
    """polso import into SQLite and into PostgreSQL, interleaved; the ratio and the peak memory."""
    import tempfile
    folder = tempfile.mkdtemp(prefix="polso-bench-postgres-")
    script = os.path.join(ROOT, ".ci", "postgres.sh")
    port = str(40_000 + os.getpid() % 20_000)
    subprocess.run(["sh", script, "start", folder, port], check=True, stdout=subprocess.DEVNULL)
    try:
        urls = {}
        with open(os.path.join(folder, "env")) as env:
            for line in env:
                if line.startswith("export POLSO_TEST_POSTGRES_") and "='" in line:
                    key, value = line[len("export "):].strip().split("=", 1)
                    urls[key] = value.strip("'")
        owner, application = urls["POLSO_TEST_POSTGRES_URL"], urls["POLSO_TEST_POSTGRES_APP_URL"]
        store = os.path.join(DATA, "bench-pg.sqlite")
        schemas = iter(range(1, 10_000))
        current = {}

        def fresh_sqlite():
            remove_sqlite(store)

        def fresh_schema():
            # Tables created by the owner (untimed), rows written by the application role, as in production.
            schema = f"bench_{os.getpid()}_{next(schemas)}"
            subprocess.run([POLSO, "store", "migrate", "--store", f"{owner}?schema={schema}"], check=True,
                           stdout=subprocess.DEVNULL)
            current["url"] = f"{application}?schema={schema}"

        polso_args = ["--survey", CODEBOOK, "--year", "2020"]
        samples = {"polso-import": [], "polso-import-postgres": []}
        load_start = fmt_load()
        for round_index in range(rounds):
            samples["polso-import"].append(
                run_once("polso-import", [POLSO, "import", source] + polso_args + ["--store", store], fresh_sqlite))
            fresh_schema()
            samples["polso-import-postgres"].append(
                run_once("polso-import-postgres", [POLSO, "import", source] + polso_args + ["--store", current["url"]],
                         server_ticks=lambda: cluster_ticks(os.path.join(folder, "data"))))
            print(f"round {round_index + 1}/{rounds} done", file=sys.stderr, flush=True)
        fresh_sqlite()
        load_end = fmt_load()
    finally:
        subprocess.run(["sh", script, "stop", folder], check=False)
        subprocess.run(["rm", "-rf", folder], check=False)

    lines = [f"# PostgreSQL bulk import, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}", "",
             f"Input: `{os.path.relpath(source, ROOT)}`, {os.path.getsize(source) / 1e6:.1f} MB. {rounds} interleaved rounds. "
             f"Load average at start {load_start}, at end {load_end}. PostgreSQL: a private cluster of .ci/postgres.sh "
             "(local TCP, fsync off); each import into a fresh schema, as the application role. The server's CPU (the "
             "postmaster and its backends) is the run's own work, shown apart and not counted among the others.", "",
             "| case | wall min s | wall median s | CPU min s | server CPU min s | peak MiB | others' CPU, max |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for name, runs in samples.items():
        walls = [s.wall for s in runs]
        server = f"{min(s.server_cpu for s in runs):.3f}" if name.endswith("postgres") else "—"
        lines.append(f"| {name} | {min(walls):.3f} | {statistics.median(walls):.3f} | {min(s.cpu for s in runs):.3f} | {server} | "
                     f"{max(s.peak_mib for s in runs):.1f} | {max(s.others for s in runs):.0%} |")
    ratio = min(s.wall for s in samples["polso-import-postgres"]) / min(s.wall for s in samples["polso-import"])
    busy = [n for n, runs in samples.items() if max(s.others for s in runs) > OTHERS_LIMIT]
    note = f" — NOT VALID: other processes used more than {OTHERS_LIMIT:.0%} of the machine during {', '.join(busy)}" if busy else ""
    lines += ["", f"- polso-import-postgres time / polso-import time (minimum wall): {ratio:.2f} (target <= 2){note}"]
    print("\n".join(lines))
    out = out.replace("latest.md", "postgres-import.md") if out.endswith("latest.md") else out
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w") as handle:
        handle.write("\n".join(lines) + "\n")
    print(f"\nwritten to {os.path.relpath(out, ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
