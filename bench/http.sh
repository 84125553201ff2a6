#!/usr/bin/env bash
# GET /health of a release build of the patient service, side by side with the anchors of
# ../shared/bench/http-compare.sh (Hummingbird 2 and a minimal C epoll server), plus the idle
# RSS of all six services. Figures go to docs/benchmarks.md by hand.
# usage: bench/http.sh [--conns 64] [--duration 10]
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED_DIR:-../shared}
swift build -c release --static-swift-stdlib >/dev/null
# The anchor package lives in a folder named `hummingbird`, which gives it the same package
# identity as its Hummingbird dependency, and SwiftPM then refuses to build it in place.
# Build a copy under another folder name into the place http-compare.sh looks for it.
BUILD=${BENCH_BUILD:-/tmp/curavani-bench}
if [ ! -x "$BUILD/hb/release/HBAnchor" ]; then
  echo "building the Hummingbird anchor (first time only, a few minutes)..." >&2
  rm -rf "$BUILD/hb-anchor-src" && mkdir -p "$BUILD/hb-anchor-src"
  cp -r "$SHARED/bench/anchors/hummingbird/." "$BUILD/hb-anchor-src/" && chmod -R u+w "$BUILD/hb-anchor-src"
  swift build -c release --package-path "$BUILD/hb-anchor-src" --scratch-path "$BUILD/hb" >"$BUILD/hb-build.log" 2>&1 \
    || { echo "anchor build failed: $BUILD/hb-build.log" >&2; exit 1; }
fi
BIN=$(swift build -c release --static-swift-stdlib --show-bin-path)
PORT=${BENCH_PORT:-18001}
LOG_LEVEL=warning PATIENT_SERVICE_INTERNAL_PORT=$PORT SERVICE_HOST=127.0.0.1 "$BIN/patient" &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null' EXIT
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.1; done
bash "$SHARED/bench/http-compare.sh" --pid "$PID" --url "http://127.0.0.1:$PORT/health" "$@"

echo "# idle RSS after start and one /health request (MiB)"
p=18100
for name in patient therapist matching communication geocoding gateway; do
  key=$(echo "$name" | tr a-z A-Z)_SERVICE_INTERNAL_PORT; [ "$name" = gateway ] && key=GATEWAY_INTERNAL_PORT
  env LOG_LEVEL=warning "$key=$p" SERVICE_HOST=127.0.0.1 "$BIN/$name" & spid=$!
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$p/health" >/dev/null && break; sleep 0.1; done
  printf '%-14s %s\n' "$name" "$(awk '/^VmRSS/{printf "%.1f", $2/1024}' /proc/$spid/status)"
  kill $spid; wait $spid 2>/dev/null || true
  p=$((p + 1))
done
