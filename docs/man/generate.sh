#!/bin/sh
# Regenerates the man pages in docs/man from the command-line parser, with swift-argument-parser's
# GenerateManual plugin: one page per command (polso.1, polso.import.1, …). Run from anywhere after
# changing a command, an option or a help text; the test "man pages (CLI)" fails until you do.
# The date is fixed so that regenerating unchanged commands changes no file.
# The generator drops non-ASCII characters (Δ, ▲, à…): the plugin's run builds polso and the
# generator, which then runs again through docs/man/unicode.py so that each such character
# reaches the pages as a groff escape (\[u0394]).
set -eu
cd "$(dirname "$0")/../.."
swift package --allow-writing-to-package-directory generate-manual \
    --multi-page --configuration debug --date 2026-01-01 >/dev/null
tool=$(find .build -type f -perm -u+x \( -name generate-manual -o -name generate-manual-tool \) | head -n 1)
[ -n "$tool" ] || { echo "generate.sh: the plugin built no generate-manual tool under .build" >&2; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
POLSO_BINARY="$(swift build --configuration debug --show-bin-path)/polso" \
    "$tool" "$PWD/docs/man/unicode.py" --multi-page --date 2026-01-01 --output-directory "$out"
python3 docs/man/unicode.py restore "$out"/*.1
rm -f docs/man/*.1
cp "$out"/*.1 docs/man/
