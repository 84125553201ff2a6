#!/usr/bin/env bash
# Starts, stops and inspects the six executables of one environment natively, with the
# settings of .env.<env>, pid files and logs under .run/<env>/. Idempotent: `start` leaves
# running services alone and says so.
# usage: scripts/services.sh start|stop|status|health|logs|migrate|check-migrations|import-therapists <env>
#        scripts/services.sh import-plz <env> FILE
set -euo pipefail
cd "$(dirname "$0")/.."
action=${1:-status}; env=${2:-dev}
case $env in dev|test|prod) ;; *) echo "unknown environment '$env' (dev|test|prod)" >&2; exit 2 ;; esac
scripts/env-file.sh "$env" >/dev/null
run=.run/$env; mkdir -p "$run"
services=(gateway:GATEWAY_INTERNAL_PORT patient:PATIENT_SERVICE_INTERNAL_PORT therapist:THERAPIST_SERVICE_INTERNAL_PORT
          matching:MATCHING_SERVICE_INTERNAL_PORT communication:COMMUNICATION_SERVICE_INTERNAL_PORT
          geocoding:GEOCODING_SERVICE_INTERNAL_PORT)
port_of() { grep -E "^$1=" ".env.$env" | tail -1 | cut -d= -f2; }
running() { [ -f "$run/$1.pid" ] && kill -0 "$(cat "$run/$1.pid")" 2>/dev/null; }
ready() { curl -fs "http://127.0.0.1:$1/health/ready" >/dev/null 2>&1; }

start() {
  scripts/env-file.sh require-secrets "$env"
  local bin started=0
  bin=${BIN_DIR:-$(swift build -c release --static-swift-stdlib --show-bin-path)}
  for entry in "${services[@]}"; do
    IFS=: read -r name key <<<"$entry"
    if running "$name"; then continue; fi
    ( set -a; . "./.env.$env"; set +a; exec "$bin/$name" ) >>"$run/$name.log" 2>&1 &
    echo $! >"$run/$name.pid"
    started=$((started + 1))
  done
  for entry in "${services[@]}"; do
    IFS=: read -r name key <<<"$entry"
    port=$(port_of "$key")
    for _ in $(seq 100); do ready "$port" && break; running "$name" || break; sleep 0.1; done
    if ready "$port"; then echo "$name ready: http://127.0.0.1:$port"
    else echo "$name NOT ready on :$port (see $run/$name.log)" >&2; exit 1; fi
  done
  [ $started -gt 0 ] || echo "all six services ($env) were already running: nothing to do"
}

stop() {
  for entry in "${services[@]}"; do
    IFS=: read -r name _ <<<"$entry"
    [ -f "$run/$name.pid" ] || continue
    pid=$(cat "$run/$name.pid")
    if kill -TERM "$pid" 2>/dev/null; then
      for _ in $(seq 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      echo "$name ($env) stopped"
    fi
    rm -f "$run/$name.pid"
  done
}

status() {
  for entry in "${services[@]}"; do
    IFS=: read -r name key <<<"$entry"
    port=$(port_of "$key")
    if ready "$port"; then echo "$name ($env) ready on :$port"; elif running "$name"; then echo "$name ($env) running, NOT ready on :$port"
    else echo "$name ($env) stopped"; fi
  done
}

health() {  # exit 1 unless every service answers /health with status healthy
  local failed=0
  for entry in "${services[@]}"; do
    IFS=: read -r name key <<<"$entry"
    port=$(port_of "$key")
    if body=$(curl -fs "http://127.0.0.1:$port/health") && grep -q '"status":"healthy"' <<<"$body"; then echo "ok   $name :$port"
    else echo "FAIL $name :$port"; failed=1; fi
  done
  return $failed
}

logs() { tail -n "${LINES:-40}" "$run"/*.log; }

# `<service> migrate <command>` for the five services that own a schema (the gateway has none).
migrations() {
  local bin failed=0
  bin=${BIN_DIR:-$(swift build -c release --static-swift-stdlib --show-bin-path)}
  for entry in "${services[@]}"; do
    IFS=: read -r name _ <<<"$entry"
    [ "$name" = gateway ] && continue
    ( set -a; . "./.env.$env"; set +a; exec "$bin/$name" migrate "$@" ) || failed=1
  done
  return $failed
}

# One therapist import cycle now (`therapist import-now`), beside the daily one of the service.
import_therapists() {
  local bin
  bin=${BIN_DIR:-$(swift build -c release --static-swift-stdlib --show-bin-path)}
  ( set -a; . "./.env.$env"; set +a; exec "$bin/therapist" import-now )
}

# PLZ centroids from FILE (GeoNames DE.txt or the JSON list) into the geocoding schema.
import_plz() {
  local bin file=${1:?usage: scripts/services.sh import-plz <env> FILE}
  bin=${BIN_DIR:-$(swift build -c release --static-swift-stdlib --show-bin-path)}
  ( set -a; . "./.env.$env"; set +a; exec "$bin/geocoding" import-plz "$file" )
}

case $action in
  start) start ;; stop) stop ;; status) status ;; health) health ;; logs) logs ;;
  migrate) migrations up ;; check-migrations) migrations validate ;; import-therapists) import_therapists ;;
  import-plz) import_plz "${3:-}" ;;
  *) echo "unknown action '$action'" >&2; exit 2 ;;
esac
