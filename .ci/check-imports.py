#!/usr/bin/env python3
"""Fails when a target imports a module it does not declare in Package.swift.

SwiftPM builds every module into one search path, so an undeclared import of a module that some
other target declares compiles today and breaks as soon as the graph changes; the compiler's
`--explicit-target-dependency-import-check` misses these transitive cases on Linux. Run from the
package root: `python3 .ci/check-imports.py`.
"""
import json
import pathlib
import re
import subprocess
import sys

# Modules of the toolchain and the platform, never declared in Package.swift.
SYSTEM = {"Foundation", "FoundationXML", "FoundationNetworking", "FoundationEssentials", "Dispatch",
          "Glibc", "Darwin", "Musl", "Testing", "XCTest", "Swift", "_Concurrency", "Synchronization"}
IMPORT = re.compile(r"^\s*(?:@[\w()]+\s+)*import\s+(?:(?:struct|class|enum|protocol|func|var|let|typealias)\s+)?([A-Za-z_][A-Za-z0-9_]*)", re.M)

description = json.loads(subprocess.run(["swift", "package", "describe", "--type", "json"],
                                        check=True, capture_output=True, text=True).stdout)
problems = []
for target in description["targets"]:
    declared = set(target.get("target_dependencies") or []) | set(target.get("product_dependencies") or [])
    declared.add(target["name"])
    for source in sorted(pathlib.Path(target["path"]).rglob("*.swift")):
        for module in IMPORT.findall(source.read_text(encoding="utf-8")):
            if module not in declared and module not in SYSTEM:
                problems.append(f"{source}: imports {module}, which target {target['name']} does not declare")
for problem in sorted(set(problems)):
    print(problem)
if problems:
    print(f"{len(set(problems))} undeclared import(s): add them to the target's dependencies in Package.swift")
    sys.exit(1)
print("imports: every target declares what it imports")
