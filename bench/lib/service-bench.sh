# shellcheck shell=bash
# What every service benchmark (bench/patient.sh, bench/therapist.sh) shares, sourced after
# `set -euo pipefail` and `cd` to the repository root:
#   bench_init NAME TOOL…        tools present (else exit 2), work directory, EXIT/INT/TERM traps
#   bench_build PRODUCT          release build (--static-swift-stdlib) → $BIN
#   bench_cluster_start          scripts/test-postgres.sh start, DB_*/PGBOUNCER_* exported,
#                                $CONN (through PgBouncer), $DIRECT, $PG_ROOT
#   bench_pgbench_init           pgbench tables (scale 10) + VACUUM ANALYZE
#   bench_free_port START        → $PORT, $URL
#   bench_wait_ready             polls $URL/health/ready of the service $PID
#   check STATUS METHOD PATH [curl --data-binary argument]
#   bench_anchor                 ../shared/bench/pgbench.sh → $anchor, $anchor_tps, $ANCHOR_CPU
#   run NAME PATH [lua] [arg]    wrk -t1 -c$CONNS -d${SECS}s → RPS P50 P99 BAD CPU RSS [NAME]
#   bench_table NAME=LABEL…      the summary table (anchor first)
#   target TEXT 0|1, ge, le, clean NAME, verdict: the PASS/FAIL lines
# The caller sets SHARED, SECS, CONNS and PG_CLIENTS, and PID once its service runs.
#
# The cluster of scripts/test-postgres.sh lives in this checkout's .run/test-postgres and may be
# shared: tests run against it concurrently. The cleanup stops it only when bench_cluster_start
# started it; a cluster that was already running stays up (the benchmark still seeds its tables
# and the pgbench_* tables into it).

BENCH_NAME="" WORK="" PID="" SAMPLER="" BENCH_STARTED_CLUSTER=0
PG_ROOT=.run/test-postgres

bench_init() { # name tool…
  BENCH_NAME=$1; shift
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "$tool missing (make bench-$BENCH_NAME installs it)" >&2; exit 2; }
  done
  WORK=$(mktemp -d "/tmp/$BENCH_NAME-bench.XXXXXX")
  trap bench_cleanup EXIT
  trap 'exit 130' INT TERM
}

bench_cleanup() {
  [ -z "$SAMPLER" ] || kill "$SAMPLER" 2>/dev/null || true
  if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  if [ "$BENCH_STARTED_CLUSTER" = 1 ]; then
    scripts/test-postgres.sh stop || true
  else
    echo "test cluster was running before this benchmark: left running" >&2
  fi
  if [ "${BENCH_KEEP_LOGS:-0}" = 1 ]; then echo "work directory kept: $WORK" >&2; else rm -rf "$WORK"; fi
}

bench_build() { # product
  swift build -c release --static-swift-stdlib --product "$1" >/dev/null
  BIN=$(swift build -c release --static-swift-stdlib --show-bin-path)
}

# Running = what scripts/test-postgres.sh start itself accepts as running (its ports file and a
# live postmaster); then `start` only prints the variables, and the cleanup must not stop it.
bench_cluster_running() {
  local pm
  [ -f "$PG_ROOT/ports" ] && [ -f "$PG_ROOT/data/postmaster.pid" ] || return 1
  pm=$(head -1 "$PG_ROOT/data/postmaster.pid")
  [ -n "$pm" ] && kill -0 "$pm" 2>/dev/null
}

bench_cluster_start() {
  if bench_cluster_running; then
    echo "using the running PostgreSQL + PgBouncer (scripts/test-postgres.sh; left running)..." >&2
  else
    echo "starting PostgreSQL + PgBouncer (scripts/test-postgres.sh)..." >&2
    BENCH_STARTED_CLUSTER=1 # set first: a half-started cluster is cleaned up too
  fi
  eval "$(scripts/test-postgres.sh start)"
  export DB_HOST=$TEST_DB_HOST DB_PORT=$TEST_DB_PORT DB_NAME=$TEST_DB_NAME DB_USER=$TEST_DB_USER \
    DB_PASSWORD=$TEST_DB_PASSWORD PGBOUNCER_HOST=$TEST_PGBOUNCER_HOST PGBOUNCER_PORT=$TEST_PGBOUNCER_PORT
  CONN="host=$PGBOUNCER_HOST port=$PGBOUNCER_PORT dbname=$DB_NAME user=$DB_USER password=$DB_PASSWORD"
  DIRECT="host=$DB_HOST port=$DB_PORT dbname=$DB_NAME user=$DB_USER password=$DB_PASSWORD"
}

bench_pgbench_init() {
  # pgbench.sh would create its tables inside its timing run; do it here (scale 10, as bench/pg.sh).
  echo "initialising pgbench tables (scale 10)..." >&2
  pgbench -i -s 10 -q "$CONN" >/dev/null 2>&1
  psql "$DIRECT" -qc "VACUUM ANALYZE" >/dev/null 2>&1 || true
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
bench_free_port() { # first port to try
  PORT=${BENCH_PORT:-$1}; while ! port_free "$PORT"; do PORT=$((PORT + 1)); done
  URL="http://127.0.0.1:$PORT"
}

bench_wait_ready() {
  for _ in $(seq 200); do curl -fs "$URL/health/ready" >/dev/null 2>&1 && break; sleep 0.05; done
  curl -fs "$URL/health/ready" >/dev/null || { echo "service not ready:" >&2; tail -20 "$WORK/service.log" >&2; exit 1; }
}

# One request of each kind first: the load must be answered with the intended status.
check() { # expected-status method path [curl --data-binary argument]
  local got
  got=$(curl -s -o "$WORK/check.json" -w '%{http_code}' -X "$2" -H 'Content-Type: application/json' \
    ${4:+--data-binary "$4"} "$URL$3")
  [ "$got" = "$1" ] || { echo "$2 $3 answered $got, expected $1:" >&2; head -c 400 "$WORK/check.json" >&2; echo >&2; exit 1; }
}

# --- accounting -------------------------------------------------------------------------------
TICK=$(getconf CLK_TCK)
ticks_of() { for p in "$@"; do cat "/proc/$p/stat" 2>/dev/null; done | awk '{s += $14 + $15} END{print s + 0}'; }
pg_pids() { local pm; pm=$(head -1 "$PG_ROOT/data/postmaster.pid"); echo "$pm" $(ps -o pid= --ppid "$pm"); }
# service, PgBouncer, PostgreSQL (postmaster + backends) and the machine's busy time, in ticks
snapshot() {
  echo "$(ticks_of "$PID") $(ticks_of "$(cat "$PG_ROOT/pgbouncer.pid")") $(ticks_of $(pg_pids))" \
    "$(awk '/^cpu /{print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat)"
}
# CPU µs per request: service bouncer postgres client other (other = machine busy − the four)
per_request() { # before after client-seconds requests
  awk -v b="$1" -v a="$2" -v c="$3" -v r="$4" -v t="$TICK" 'BEGIN{
    split(b, x, " "); split(a, y, " "); k = 1e6 / t / r
    s = (y[1]-x[1])*k; p = (y[2]-x[2])*k; g = (y[3]-x[3])*k; w = c*1e6/r; m = (y[4]-x[4])*k
    o = m - s - p - g - w; if (o < 0) o = 0
    printf "%.0f %.0f %.0f %.0f %.0f", s, p, g, w, o }'
}
timed() { # runs "$@" with stdout to $WORK/out and its user+sys seconds to $WORK/client
  local TIMEFORMAT='%U %S'
  { time "$@" >"$WORK/out"; } 2>"$WORK/time.raw"
  tail -1 "$WORK/time.raw" | awk '{print $1 + $2}' >"$WORK/client"
}

# --- anchor -------------------------------------------------------------------------------------
bench_anchor() {
  local before after
  echo "anchor: pgbench -S -c $PG_CLIENTS for ${SECS}s through PgBouncer..." >&2
  before=$(snapshot)
  timed bash "$SHARED/bench/pgbench.sh" "$CONN" "$PG_CLIENTS" "$SECS"
  after=$(snapshot)
  anchor=$(cat "$WORK/out")
  anchor_tps=$(sed -E 's/.*TPS ([0-9]+).*/\1/' <<<"$anchor")
  ANCHOR_CPU=$(per_request "$before" "$after" "$(cat "$WORK/client")" "$((anchor_tps * SECS))")
}

# --- endpoints ----------------------------------------------------------------------------------
to_ms() { # wrk prints 812.00us / 1.23ms / 1.02s / 1.10m
  awk -v v="$1" 'BEGIN{ if (v ~ /us$/) printf "%.2f", v/1000; else if (v ~ /ms$/) printf "%.2f", v+0;
    else if (v ~ /m$/) printf "%.2f", v*60000; else printf "%.2f", v*1000 }'
}
declare -A RPS P50 P99 BAD CPU RSS
run() { # name path [lua script] [script argument]
  local name=$1 script=${3:-} out peak before after
  echo "wrk -t1 -c$CONNS -d${SECS}s --latency: $name..." >&2
  ( while :; do awk '/^VmRSS/{print $2}' "/proc/$PID/status"; sleep 0.1; done ) >"$WORK/rss.$name" 2>/dev/null &
  SAMPLER=$!
  before=$(snapshot)
  timed wrk -t1 -c"$CONNS" -d"${SECS}s" --timeout 5s --latency ${script:+-s "$script"} "$URL$2" ${4:+-- "$4"}
  after=$(snapshot)
  kill "$SAMPLER" 2>/dev/null; wait "$SAMPLER" 2>/dev/null || true; SAMPLER=""
  out=$(cat "$WORK/out"); echo "$out" >"$WORK/wrk.$name"
  RPS[$name]=$(awk '/^Requests\/sec/{printf "%d", $2}' <<<"$out")
  P50[$name]=$(to_ms "$(awk '$1=="50%"{print $2}' <<<"$out")")
  P99[$name]=$(to_ms "$(awk '$1=="99%"{print $2}' <<<"$out")")
  # non-2xx answers and socket errors (connect/read/write/timeout) count as failed requests
  BAD[$name]=$(awk '/Non-2xx/{n+=$NF} /Socket errors/{gsub(/,/,""); n+=$4+$6+$8+$10} END{print n+0}' <<<"$out")
  CPU[$name]=$(per_request "$before" "$after" "$(cat "$WORK/client")" "$(awk '/requests in/{print $1}' <<<"$out")")
  peak=$(sort -n "$WORK/rss.$name" | tail -1)
  RSS[$name]=$(awk -v k="${peak:-0}" 'BEGIN{printf "%.1f", k/1024}')
}

# --- summary ------------------------------------------------------------------------------------
BENCH_LABEL_WIDTH=24
row() { printf "%-${BENCH_LABEL_WIDTH}s %8s %7s %7s %6s %6s %6s %6s %6s %6s %5s\n" "$@"; }
bench_table() { # name=label… (after the anchor row, in this order)
  local pair name
  printf "%-${BENCH_LABEL_WIDTH}s %8s %7s %7s %6s  %-34s %5s\n" "" "" "" "" "" "---- CPU µs per request ----" "peak"
  row "" "req/s" "p50 ms" "p99 ms" errors service bouncr postgr client other "RSS"
  # shellcheck disable=SC2086
  row "pgbench -S (anchor)" "$anchor_tps" "" "" "" "-" $(cut -d' ' -f2- <<<"$ANCHOR_CPU") ""
  for pair in "$@"; do
    name=${pair%%=*}
    # shellcheck disable=SC2086
    row "${pair#*=}" "${RPS[$name]}" "${P50[$name]}" "${P99[$name]}" "${BAD[$name]}" ${CPU[$name]} "${RSS[$name]}"
  done
}

verdict() { [ "$1" = 1 ] && echo PASS || echo FAIL; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN{print (a >= b) ? 1 : 0}'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN{print (a <= b) ? 1 : 0}'; }
clean() { [ "${BAD[$1]}" = 0 ] && echo 1 || echo 0; }
ratio_of() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; }
target() { printf '%-64s %s\n' "$1" "$(verdict "$2")"; }
