#!/bin/sh
# Regenerates the man pages in docs/man from the command-line parser, with swift-argument-parser's
# GenerateManual plugin: one page per command (polso.1, polso.import.1, …). Run from anywhere after
# changing a command, an option or a help text; the test "man pages (CLI)" fails until you do.
# The date is fixed so that regenerating unchanged commands changes no file.
set -eu
cd "$(dirname "$0")/../.."
swift package --allow-writing-to-package-directory generate-manual \
    --multi-page --configuration debug --date 2026-01-01
rm -f docs/man/*.1
cp .build/plugins/GenerateManual/outputs/polso/*.1 docs/man/
