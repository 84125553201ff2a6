#!/usr/bin/env bash
# Starts or stops the six services natively for one environment, each on its port
# (dev 8000–8005, test 8010–8015, prod 8020–8025), logs in .run/<env>/<service>.log.
# usage: scripts/dev-services.sh start|stop|status [dev|test|prod]
set -euo pipefail
cd "$(dirname "$0")/.."
action=${1:-status}; env=${2:-dev}
case $env in dev) base=8000 profile=development;; test) base=8010 profile=test;; prod) base=8020 profile=production;;
  *) echo "unknown environment $env" >&2; exit 2;; esac
run=.run/$env; mkdir -p "$run"
bin=${BIN_DIR:-$(swift build -c release --static-swift-stdlib --show-bin-path)}
services=(gateway:GATEWAY_INTERNAL_PORT:0 patient:PATIENT_SERVICE_INTERNAL_PORT:1 therapist:THERAPIST_SERVICE_INTERNAL_PORT:2
          matching:MATCHING_SERVICE_INTERNAL_PORT:3 communication:COMMUNICATION_SERVICE_INTERNAL_PORT:4
          geocoding:GEOCODING_SERVICE_INTERNAL_PORT:5)
start() {
  for entry in "${services[@]}"; do
    IFS=: read -r name key offset <<<"$entry"
    pidfile=$run/$name.pid
    if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then echo "$name already running"; continue; fi
    env FLASK_ENV=$profile "$key=$((base + offset))" SERVICE_HOST=${SERVICE_HOST:-127.0.0.1} \
      "$bin/$name" >>"$run/$name.log" 2>&1 &
    echo $! >"$pidfile"
  done
  for entry in "${services[@]}"; do
    IFS=: read -r name key offset <<<"$entry"
    port=$((base + offset))
    for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break; sleep 0.1; done
    if curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then echo "$name ready on :$port"
    else echo "$name NOT ready on :$port (see $run/$name.log)" >&2; exit 1; fi
  done
}
stop() {
  for entry in "${services[@]}"; do
    IFS=: read -r name _ _ <<<"$entry"
    pidfile=$run/$name.pid
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    if kill -TERM "$pid" 2>/dev/null; then
      for _ in $(seq 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      echo "$name stopped"
    fi
    rm -f "$pidfile"
  done
}
status() {
  for entry in "${services[@]}"; do
    IFS=: read -r name _ offset <<<"$entry"
    port=$((base + offset))
    if curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1; then echo "$name :$port ready"; else echo "$name :$port down"; fi
  done
}
$action
