#!/usr/bin/env bash
# Runs each fuzz harness (HTTP request parser, JSON parser/writer, multipart/form-data parser) for [seconds] (default 60)
# over its committed seed corpus. New inputs go to fuzz/build/corpus-<name> (the seed corpora
# stay untouched); crash, leak and timeout files go to fuzz/build/. Exits non-zero when
# libFuzzer finds a crash in any harness. Usage: fuzz/run.sh [seconds] [harness name, e.g. multipart].
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
only=${2:-}

newest_source=$(ls -t fuzz/*.swift Shared/Sources/Shared/HTTP/*.swift Shared/Sources/Shared/HTTP/Parser/*.swift \
    Shared/Sources/Shared/HTTP/Multipart/*.swift \
    Shared/Sources/Shared/JSON/*.swift Shared/Sources/Shared/Logging/JSONString.swift \
    Shared/Sources/Shared/Crypto/Hex.swift | head -1)
if [[ ! -x fuzz/build/http-parser-fuzz || ! -x fuzz/build/json-fuzz || ! -x fuzz/build/multipart-fuzz \
      || $newest_source -nt fuzz/build/json-fuzz || $newest_source -nt fuzz/build/http-parser-fuzz \
      || $newest_source -nt fuzz/build/multipart-fuzz ]]; then
    fuzz/build.sh || exit 2
fi

overall=0
run() {
    local name=$1 max_len=$2 binary=fuzz/build/$1-fuzz log=fuzz/build/$1-fuzz.log
    [[ -z $only || $only == "$name" ]] || return 0
    mkdir -p "fuzz/build/corpus-$name"
    # SWIFT_BACKTRACE=enable=no: otherwise a trap waits in the Swift backtracer and the run hangs.
    SWIFT_BACKTRACE=enable=no "$binary" "fuzz/build/corpus-$name" "fuzz/corpus/$name" \
        -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix=fuzz/build/ -print_final_stats=1 2>&1 | tee "$log" \
        | grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)|^==|ERROR|SUMMARY|Fatal error|crash-|Test unit'
    local status=${PIPESTATUS[0]}
    local runs rate
    runs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
    rate=$(grep -E '^stat::average_exec_per_sec' "$log" | awk '{print $2}')
    echo "$name-fuzz: ${runs:-?} executions in ${seconds}s (${rate:-?}/s), exit status $status"
    [ "$status" -eq 0 ] || overall=$status
}
run http-parser 16384
run json 65536
run multipart 65536
crashes=$(ls fuzz/build/crash-* fuzz/build/leak-* fuzz/build/timeout-* fuzz/build/oom-* 2>/dev/null | wc -l)
echo "${crashes} artifact(s) in fuzz/build/"
exit "$overall"
