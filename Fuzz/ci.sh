#!/bin/sh
# The time-boxed fuzzing run (60 s) of Fuzz/README.md; exits non-zero on any finding.
set -eu
cd "$(dirname "$0")"
# Leaks found in dependencies, documented one by one in lsan.supp.
export LSAN_OPTIONS="suppressions=$(pwd)/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
mkdir -p corpus
.build/release/PolsoFuzz corpus seeds ../Tests/MalformedCorpus/files \
    -dict=polso.dict -max_len=65536 -timeout=10 -rss_limit_mb=2048 -max_total_time="${POLSO_FUZZ_SECONDS:-60}"
