#!/usr/bin/env python3
"""Before/after CPU time of two polso binaries on the bench file, interleaved, with output checks.

Usage (from the repository root, after bench/generate.py has written the file):
    python3 bench/compare.py BEFORE_BINARY AFTER_BINARY [--rounds 3] [--respondents 1000000]

For each round it runs, with each binary in turn: `import --dry-run`, `import` into a fresh
store, and `wellbeing` on that store; it keeps the best CPU time (user + system, GNU time) per
case and binary, and checks that both binaries print the same dry-run summary and the same
`wellbeing --format json`, byte for byte. CPU time is what a shared machine cannot inflate much;
wall times are printed beside it for what they are worth.
"""
import argparse
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CODEBOOK = os.path.join(ROOT, "bench", "codebook-40.yaml")


def timed(command):
    result = subprocess.run(["/usr/bin/time", "-f", "%U %S %e %M"] + command, capture_output=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{result.stderr.decode()}")
    user, system, wall, peak = result.stderr.decode().strip().splitlines()[-1].split()
    return float(user) + float(system), float(wall), int(peak) / 1024, result.stdout


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--respondents", type=int, default=1_000_000)
    args = parser.parse_args()
    source = os.path.join(ROOT, "bench", "data", f"wellbeing-{args.respondents}.csv")
    if not os.path.exists(source):
        sys.exit(f"{source} is missing: python3 bench/generate.py {source} {args.respondents}")
    binaries = {"before": args.before, "after": args.after}
    best = {}
    outputs = {}
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(args.rounds):
            for label, binary in binaries.items():
                store = os.path.join(folder, f"{label}.sqlite")
                for suffix in ("", "-wal", "-shm"):
                    if os.path.exists(store + suffix):
                        os.remove(store + suffix)
                cases = [
                    ("import --dry-run", [binary, "import", source, "--survey", CODEBOOK, "--year", "2020", "--dry-run"]),
                    ("import into a fresh store", [binary, "import", source, "--survey", CODEBOOK, "--year", "2020", "--store", store]),
                    ("wellbeing on the stored wave", [binary, "wellbeing", "--store", store, "--survey", "bench-40", "--format", "json"]),
                ]
                for case, command in cases:
                    cpu, wall, peak, stdout = timed(command)
                    key = (case, label)
                    if key not in best or cpu < best[key][0]:
                        best[key] = (cpu, wall, peak)
                    if case != "import into a fresh store":
                        outputs.setdefault(case, {})[label] = stdout
    load = os.getloadavg()
    print(f"{args.respondents:,} respondents x 40 items, best of {args.rounds} interleaved rounds; load average at the end {load[0]:.2f}")
    print()
    print("| run | CPU before | CPU after | after / before | wall before | wall after | peak MiB before → after |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for case in ("import --dry-run", "import into a fresh store", "wellbeing on the stored wave"):
        b, a = best[(case, "before")], best[(case, "after")]
        print(f"| {case} | {b[0]:.2f} s | {a[0]:.2f} s | {a[0] / b[0]:.2f} | {b[1]:.2f} s | {a[1]:.2f} s | {b[2]:.0f} → {a[2]:.0f} |")
    print()
    for case, pair in outputs.items():
        same = pair["before"] == pair["after"]
        print(f"{case}: output {'identical' if same else 'DIFFERENT'} ({len(pair['after'])} bytes)")
        if not same:
            sys.exit(1)


if __name__ == "__main__":
    main()
