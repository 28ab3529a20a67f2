#!/bin/sh
# Installs polso under a prefix: the binary (with its codebooks and demo samples built in), the man
# pages of docs/man, and the shell completions that swift-argument-parser generates.
#
#   sh docs/install.sh [--binary FILE] [PREFIX]      (PREFIX: /usr/local by default)
#
# Without --binary it builds the release binary first (swift build -c release). DESTDIR, when set,
# is put before PREFIX, for staging a package. It installs:
#   PREFIX/bin/polso
#   PREFIX/share/man/man1/polso*.1                          (man polso, man polso.import, …)
#   PREFIX/share/bash-completion/completions/polso
#   PREFIX/share/zsh/site-functions/_polso
#   PREFIX/share/fish/vendor_completions.d/polso.fish
# and prints each file written. Uninstalling is removing those files.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
binary=""
prefix=""
while [ $# -gt 0 ]; do
    case $1 in
        --binary) [ $# -ge 2 ] || { echo "install.sh: --binary needs a file" >&2; exit 2; }; binary=$2; shift 2 ;;
        --binary=*) binary=${1#--binary=}; shift ;;
        -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
        -*) echo "install.sh: unknown option $1 (see sh docs/install.sh --help)" >&2; exit 2 ;;
        *) [ -z "$prefix" ] || { echo "install.sh: one PREFIX only, got $prefix and $1" >&2; exit 2; }; prefix=$1; shift ;;
    esac
done
prefix=${prefix:-/usr/local}
case $prefix in
    /*) ;;
    *) echo "install.sh: PREFIX must be an absolute path, got $prefix" >&2; exit 2 ;;
esac
if [ -z "$binary" ]; then
    (cd "$root" && swift build -c release)
    binary="$root/.build/release/polso"
fi
[ -x "$binary" ] || { echo "install.sh: $binary is not an executable; build it with swift build -c release" >&2; exit 1; }
destination="${DESTDIR:-}$prefix"

put() {  # mode, source file, target file
    install -D -m "$1" "$2" "$3"
    echo "$3"
}

put 755 "$binary" "$destination/bin/polso"
for page in "$root"/docs/man/*.1; do
    put 644 "$page" "$destination/share/man/man1/$(basename "$page")"
done
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
"$destination/bin/polso" --generate-completion-script bash > "$scratch/polso"
"$destination/bin/polso" --generate-completion-script zsh > "$scratch/_polso"
"$destination/bin/polso" --generate-completion-script fish > "$scratch/polso.fish"
put 644 "$scratch/polso" "$destination/share/bash-completion/completions/polso"
put 644 "$scratch/_polso" "$destination/share/zsh/site-functions/_polso"
put 644 "$scratch/polso.fish" "$destination/share/fish/vendor_completions.d/polso.fish"
