#!/usr/bin/env bash
# Runs the HTTP parser fuzzer for [seconds] (default 60) over the committed seed corpus.
# New inputs go to fuzz/build/corpus (the seed corpus stays untouched); crash, leak and timeout
# files go to fuzz/build/. Exits non-zero when libFuzzer finds a crash.
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
binary=fuzz/build/http-parser-fuzz
log=fuzz/build/http-parser-fuzz.log

newest_source=$(ls -t fuzz/HTTPParserFuzz.swift Shared/Sources/Shared/HTTP/*.swift \
    Shared/Sources/Shared/HTTP/Parser/*.swift Shared/Sources/Shared/Crypto/Hex.swift | head -1)
if [[ ! -x $binary || $newest_source -nt $binary ]]; then
    fuzz/build.sh || exit 2
fi
mkdir -p fuzz/build/corpus

# SWIFT_BACKTRACE=enable=no: otherwise a trap waits in the Swift backtracer and the run hangs.
SWIFT_BACKTRACE=enable=no "$binary" fuzz/build/corpus fuzz/corpus/http-parser \
    -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix=fuzz/build/ -print_final_stats=1 2>&1 | tee "$log" | grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)|^==|ERROR|SUMMARY|Fatal error|crash-|Test unit'
status=${PIPESTATUS[0]}

runs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
rate=$(grep -E '^stat::average_exec_per_sec' "$log" | awk '{print $2}')
crashes=$(ls fuzz/build/crash-* fuzz/build/leak-* fuzz/build/timeout-* fuzz/build/oom-* 2>/dev/null | wc -l)
echo "http-parser-fuzz: ${runs:-?} executions in ${seconds}s (${rate:-?}/s), exit status $status, ${crashes} artifact(s) in fuzz/build/"
exit "$status"
