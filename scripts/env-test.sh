#!/usr/bin/env bash
# Scripted check that bringing up an environment natively works and is idempotent:
# `make deploy-<env>` twice (the second run must change nothing and say so), every service
# healthy, the matching journey passes against the real services (scripts/matching-e2e.py),
# `make status` sees it, then `make stop-<env>` stops everything.
# usage: scripts/env-test.sh [env]   (default: test)
set -euo pipefail
cd "$(dirname "$0")/.."
env=${1:-test}
target=deploy-$env; [ "$env" = dev ] && target=dev; [ "$env" = prod ] && target=deploy
failures=0
trap 'make --no-print-directory "stop-$env" >/dev/null 2>&1 || true' EXIT
check() { if eval "$2"; then echo "ok   $1"; else echo "FAIL $1"; failures=$((failures + 1)); fi; }
first=$(make --no-print-directory "$target" 2>&1) || { echo "$first"; echo "FAIL first $target"; exit 1; }
check "first $target starts all six services" '[ "$(grep -c " ready: http" <<<"$first")" -eq 6 ]'
start=$(date +%s%N)
second=$(make --no-print-directory "$target" 2>&1) || { echo "$second"; exit 1; }
ms=$(( ($(date +%s%N) - start) / 1000000 ))
check "second $target changes nothing (${ms} ms)" \
  'grep -q "already running: nothing to do" <<<"$second" && grep -q "were already running: nothing to do" <<<"$second" && ! grep -q "^started" <<<"$second"'
check "health-check-$env" 'make --no-print-directory "health-check-$env" >/dev/null'
base=8010; [ "$env" = dev ] && base=8000; [ "$env" = prod ] && base=8020
check "matching journey against the real services (scripts/matching-e2e.py)" \
  '/usr/bin/python3 scripts/matching-e2e.py "$base" >"${TMPDIR:-/tmp}/matching-e2e.$$.log" 2>&1 || { cat "${TMPDIR:-/tmp}/matching-e2e.$$.log"; false; }'
check "status lists $env" 'make --no-print-directory status | grep -q "PostgreSQL ($env) running"'
make --no-print-directory "stop-$env" >/dev/null
check "stop-$env stops services and database" '! make --no-print-directory status | grep -qE "\($env\) (ready|running)"'
echo "$((6 - failures)) passed, $failures failed"
[ $failures -eq 0 ]
