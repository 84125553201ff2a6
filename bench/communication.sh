#!/usr/bin/env bash
# The communication service benchmark of issue 7, on the test cluster of scripts/test-postgres.sh
# (started if not running and then stopped; a running cluster is used and left running):
# migrations applied with the release `communication` binary, 10,000 sent emails of 1,000
# patients seeded (10 each, with footer-sized bodies), the service started against a real SMTP
# server (scripts/smtp-sink.py: aiosmtpd writing a Maildir), then
#   1. wrk -t1 -c32 --latency: GET /api/emails?patient_id=<random seeded patient>
#      (bench/communication/by-patient.lua),
#   2. queue throughput: QUEUE_N emails queued in one statement; the time from the commit to the
#      last one `Gesendet` (worker limits lifted: batch QUEUE_N, concurrency 8, 1 s interval),
#      and the Maildir count, which must equal QUEUE_N.
# Prints PASS/FAIL per target; the exit status only says whether the benchmark could run.
# The pgbench -S anchor of the other benchmarks runs too, for context.
# usage: bench/communication.sh [seconds=15]
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED_DIR:-../shared}
SECS=${1:-15} CONNS=32 PG_CLIENTS=8
PATIENTS=1000 BASE=900000000 QUEUE_N=${QUEUE_N:-3000}
# the targets of issue 7
MIN_LIST=3000 MIN_MAILS=200

. bench/lib/service-bench.sh
bench_init communication wrk pgbench psql curl
[ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null \
  || { echo "python3-aiosmtpd missing (make bench-communication installs it)" >&2; exit 2; }
bench_build communication
bench_cluster_start

echo "applying the communication migrations and seeding $((PATIENTS * 10)) emails..." >&2
"$BIN/communication" migrate up >"$WORK/migrate.log" 2>&1 || { cat "$WORK/migrate.log" >&2; exit 1; }
psql "$DIRECT" -v ON_ERROR_STOP=1 -q >/dev/null <<SQL
DELETE FROM communication_service.emails WHERE patient_id > $BASE AND patient_id <= $BASE + $PATIENTS;
INSERT INTO communication_service.emails
  (patient_id, betreff, inhalt_html, inhalt_text, empfaenger_email, empfaenger_name, absender_email, absender_name,
   status, gesendet_am, created_at, updated_at, attachments)
SELECT $BASE + 1 + (g % $PATIENTS), 'Benchmark ' || g, repeat('<p>Inhalt</p>', 40), repeat('Inhalt ', 80),
       'patient' || g || '@example.org', 'Patient ' || g, 'info@curavani.com', 'Curavani GmbH', 'Gesendet',
       now() AT TIME ZONE 'utc', (now() AT TIME ZONE 'utc') - g * interval '1 second', now() AT TIME ZONE 'utc',
       CASE WHEN g % 3 = 0 THEN '["/data/therapist_pdfs/1/form.pdf"]'::jsonb END
  FROM generate_series(1, $PATIENTS * 10) g;
VACUUM ANALYZE communication_service.emails;
SQL
bench_pgbench_init

mkdir -p "$WORK/maildir"
/usr/bin/python3 scripts/smtp-sink.py --port 0 --no-fsync --maildir "$WORK/maildir" >"$WORK/sink.out" 2>"$WORK/sink.log" &
SINK=$!
for _ in $(seq 200); do grep -q '^READY' "$WORK/sink.out" && break; sleep 0.05; done
SMTP_PORT=$(awk '/^READY/{print $2}' "$WORK/sink.out")
[ -n "$SMTP_PORT" ] || { echo "SMTP sink did not start: $(cat "$WORK/sink.log")" >&2; exit 1; }
trap 'kill $SINK 2>/dev/null || true; bench_cleanup' EXIT

bench_free_port 18214
# shellcheck disable=SC2086
env LOG_LEVEL="${BENCH_LOG_LEVEL:-warning}" SERVICE_HOST=127.0.0.1 COMMUNICATION_SERVICE_INTERNAL_PORT="$PORT" \
  SMTP_HOST=127.0.0.1 SMTP_PORT="$SMTP_PORT" EMAIL_QUEUE_CHECK_INTERVAL_SECONDS=1 EMAIL_QUEUE_BATCH_SIZE="$QUEUE_N" \
  EMAIL_QUEUE_CONCURRENCY=8 STORAGE_PROCESSOR_ENABLED=false OBJECT_STORAGE_BACKEND=local \
  OBJECT_STORAGE_LOCAL_PATH="$WORK/storage" HMAC_SECRET_KEY=bench PATIENT_SERVICE_URL=http://127.0.0.1:9 \
  ${BENCH_ENV:-} "$BIN/communication" >"$WORK/service.log" 2>&1 &
PID=$!
bench_wait_ready

check 200 GET "/api/emails?patient_id=$((BASE + 1))"
grep -q '"total":10' "$WORK/check.json" || { echo "seeded patient has not 10 emails:" >&2; head -c 300 "$WORK/check.json" >&2; exit 1; }

bench_anchor
run list /api/emails bench/communication/by-patient.lua "$PATIENTS $BASE"

echo "queue throughput: $QUEUE_N emails..." >&2
queue_patient=$((BASE + PATIENTS + 1))
sent() {
  psql "$DIRECT" -tAc "SELECT count(*) FROM communication_service.emails WHERE patient_id = $queue_patient AND status = 'Gesendet'"
}
psql "$DIRECT" -qc "DELETE FROM communication_service.emails WHERE patient_id = $queue_patient" >/dev/null
start=$(date +%s%N)
psql "$DIRECT" -v ON_ERROR_STOP=1 -q >/dev/null <<SQL
INSERT INTO communication_service.emails
  (patient_id, betreff, inhalt_html, inhalt_text, empfaenger_email, empfaenger_name, absender_email, absender_name,
   status, in_warteschlange_am, created_at, updated_at)
SELECT $queue_patient, 'Queue ' || g, '<p>Hallo</p>' || repeat('<p>Inhalt</p>', 40), 'Hallo ' || repeat('Inhalt ', 80),
       'patient' || g || '@example.org', 'Patient ' || g, 'info@curavani.com', 'Curavani GmbH', 'In_Warteschlange',
       now() AT TIME ZONE 'utc', now() AT TIME ZONE 'utc', now() AT TIME ZONE 'utc'
  FROM generate_series(1, $QUEUE_N) g;
SQL
done_sent=0
for _ in $(seq 6000); do done_sent=$(sent); [ "$done_sent" -ge "$QUEUE_N" ] && break; sleep 0.02; done
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
maildir=$(grep -l '^Subject: Queue ' "$WORK"/maildir/new/* 2>/dev/null | wc -l)
mails_per_s=$(awk -v n="$done_sent" -v ms="$elapsed_ms" 'BEGIN{printf "%d", n * 1000 / ms}')
HWM=$(awk '/^VmHWM/{printf "%.1f", $2/1024}' "/proc/$PID/status")

echo
echo "# communication service: $((PATIENTS * 10)) emails of $PATIENTS patients, wrk -t1 -c$CONNS -d${SECS}s; $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$anchor"
BENCH_LABEL_WIDTH=36
bench_table "list=GET /api/emails?patient_id="
echo "(client = wrk; other = everything else busy on the machine meanwhile, per request; service VmHWM $HWM MiB)"
echo "queue: $done_sent of $QUEUE_N Gesendet in $elapsed_ms ms (from the queueing commit, incl. up to 1 s poll interval) = $mails_per_s mails/s; Maildir holds $maildir messages"
echo
echo "# targets (issue 7)"
target "GET /api/emails?patient_id=: ${RPS[list]} req/s, >= $MIN_LIST" "$(( $(ge "${RPS[list]}" $MIN_LIST) & $(clean list) ))"
target "queue to the local SMTP sink: $mails_per_s mails/s, >= $MIN_MAILS" \
  "$(( $(ge "$mails_per_s" $MIN_MAILS) & $([ "$maildir" = "$QUEUE_N" ] && echo 1 || echo 0) ))"
exit 0
