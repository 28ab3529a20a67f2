#!/usr/bin/env python3
"""Lists the source files that declare a top-level type other than the one they are named after
(issue 13: one type per file, named after it). Run from the package root:
`python3 .ci/type-files.py [FOLDER…]` prints them (under Sources, or under the folders named);
`--strict` also exits 1 when there are any.
Nested types and extensions are not counted; a file may extend any type. A top-level `private` or
`fileprivate` type is a helper of its file (nothing outside the file can use it) and may stay there.
"""
import pathlib
import re
import sys

TYPE = re.compile(r"^(?:public |package |internal )?(?:final )?(?:struct|enum|class|protocol|actor) ([A-Za-z_][A-Za-z0-9_]*)", re.M)

found = []
folders = [pathlib.Path(a) for a in sys.argv[1:] if not a.startswith("--")] or [pathlib.Path("Sources")]
for source in sorted(s for folder in folders for s in folder.rglob("*.swift")):
    others = [name for name in TYPE.findall(source.read_text(encoding="utf-8")) if name != source.stem]
    if others:
        found.append(f"{source}: {', '.join(others)}")
print("\n".join(found))
print(f"type files: {len(found)} file(s) declare a type other than their name", file=sys.stderr)
sys.exit(1 if found and "--strict" in sys.argv else 0)
