#!/usr/bin/env python3
"""Keeps the non-ASCII characters of the help texts in the man pages (docs/man/generate.sh).

swift-argument-parser's generate-manual drops every non-ASCII character (MDoc/String+Escaping.swift),
so "A Δ is marked ▲ ▼" would read "A  is marked  ". This script stands between the generator and
polso in two steps:

    unicode.py --experimental-dump-help
                        run as the generator's tool (its only argument): prints `$POLSO_BINARY --experimental-dump-help`
                        with each non-ASCII character of every text spelt as an ASCII placeholder
                        (QQU0394QQ), which the generator copies through unchanged;
    unicode.py restore PAGE…
                        turns each placeholder in the pages into the groff escape \\[u0394].

A text that already holds something looking like a placeholder is refused rather than mangled.
"""
import json
import os
import re
import subprocess
import sys

PLACEHOLDER = re.compile(r"QQU([0-9A-F]{4,6})QQ")


def encode(value):
    if isinstance(value, str):
        if PLACEHOLDER.search(value):
            sys.exit(f"unicode.py: a help text already holds a placeholder: {value!r}")
        return "".join(c if c.isascii() else f"QQU{ord(c):04X}QQ" for c in value)
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {k: encode(v) for k, v in value.items()}
    return value


def main():
    if len(sys.argv) >= 2 and sys.argv[1] == "--experimental-dump-help":
        binary = os.environ.get("POLSO_BINARY")
        if not binary:
            sys.exit("unicode.py: set POLSO_BINARY to the polso executable")
        dump = subprocess.run([binary, "--experimental-dump-help"], capture_output=True, text=True, check=True)
        print(json.dumps(encode(json.loads(dump.stdout)), ensure_ascii=True))
    elif len(sys.argv) >= 2 and sys.argv[1] == "restore":
        for path in sys.argv[2:]:
            with open(path, encoding="utf-8") as f:
                page = f.read()
            with open(path, "w", encoding="utf-8") as f:
                f.write(PLACEHOLDER.sub(lambda m: f"\\[u{m.group(1)}]", page))
    else:
        sys.exit(__doc__)


main()
