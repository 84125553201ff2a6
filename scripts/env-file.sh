#!/usr/bin/env bash
# Creates .env.<env> from .env.example on first use (git-ignored, mode 0600) with the
# environment's ports, database name and profile. dev and test get generated secrets; prod gets
# CHANGE_ME placeholders, and `require-secrets` refuses to start anything until they are set.
# usage: scripts/env-file.sh <env> | scripts/env-file.sh require-secrets <env>
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = require-secrets ]; then
  file=.env.${2:?environment}
  if grep -qE '^[A-Z_]+=CHANGE_ME$' "$file"; then
    echo "$file still has placeholder secrets ($(grep -E '^[A-Z_]+=CHANGE_ME$' "$file" | cut -d= -f1 | tr '\n' ' ')): set them first" >&2
    exit 1
  fi
  exit 0
fi
env=${1:?usage: env-file.sh <dev|test|prod>}
file=.env.$env
existing=
if [ -f "$file" ]; then existing=$file; file=$(mktemp); fi
case $env in
  dev) profile=development pg=5432 bouncer=6432 http=8000 db=therapy_platform ;;
  test) profile=test pg=5433 bouncer=6433 http=8010 db=curavani_test ;;
  prod) profile=production pg=5434 bouncer=6434 http=8020 db=curavani_prod ;;
  *) echo "unknown environment '$env'" >&2; exit 2 ;;
esac
secret() { if [ "$env" = prod ]; then echo CHANGE_ME; else od -An -N24 -tx1 /dev/urandom | tr -d ' \n'; fi; }
umask 077
sed -e "s/^FLASK_ENV=.*/FLASK_ENV=$profile/" \
    -e "s/^DB_PORT=.*/DB_PORT=$pg/" -e "s/^PGBOUNCER_PORT=.*/PGBOUNCER_PORT=$bouncer/" \
    -e "s/^DB_NAME=.*/DB_NAME=$db/" -e "s/^DB_USER=.*/DB_USER=curavani_$env/" \
    -e "s/^DB_PASSWORD=.*/DB_PASSWORD=$(secret)/" \
    -e "s/^GATEWAY_INTERNAL_PORT=.*/GATEWAY_INTERNAL_PORT=$http/" \
    -e "s/^PATIENT_SERVICE_INTERNAL_PORT=.*/PATIENT_SERVICE_INTERNAL_PORT=$((http + 1))/" \
    -e "s/^THERAPIST_SERVICE_INTERNAL_PORT=.*/THERAPIST_SERVICE_INTERNAL_PORT=$((http + 2))/" \
    -e "s/^MATCHING_SERVICE_INTERNAL_PORT=.*/MATCHING_SERVICE_INTERNAL_PORT=$((http + 3))/" \
    -e "s/^COMMUNICATION_SERVICE_INTERNAL_PORT=.*/COMMUNICATION_SERVICE_INTERNAL_PORT=$((http + 4))/" \
    -e "s/^GEOCODING_SERVICE_INTERNAL_PORT=.*/GEOCODING_SERVICE_INTERNAL_PORT=$((http + 5))/" \
    -e "s/^HMAC_SECRET_KEY=.*/HMAC_SECRET_KEY=$(secret)/" \
    -e "s#^OBJECT_STORAGE_LOCAL_PATH=.*#OBJECT_STORAGE_LOCAL_PATH=.data/$env/object-storage#" \
    -e "s#^PATIENT_IMPORT_LOCAL_PATH=.*#PATIENT_IMPORT_LOCAL_PATH=.data/$env/patient_imports#" \
    -e "s#^THERAPIST_IMPORT_FOLDER_PATH=.*#THERAPIST_IMPORT_FOLDER_PATH=.data/$env/therapist_import#" \
    -e "s#^THERAPIST_PDF_STORAGE_PATH=.*#THERAPIST_PDF_STORAGE_PATH=.data/$env/therapist_pdfs#" \
    -e "s#^EMAIL_ATTACHMENT_ROOTS=.*#EMAIL_ATTACHMENT_ROOTS=.data/$env/therapist_pdfs#" \
    -e "s#^\(PATIENT\)_SERVICE_URL=.*#\1_SERVICE_URL=http://127.0.0.1:$((http + 1))#" \
    -e "s#^\(THERAPIST\)_SERVICE_URL=.*#\1_SERVICE_URL=http://127.0.0.1:$((http + 2))#" \
    -e "s#^\(MATCHING\)_SERVICE_URL=.*#\1_SERVICE_URL=http://127.0.0.1:$((http + 3))#" \
    -e "s#^\(COMMUNICATION\)_SERVICE_URL=.*#\1_SERVICE_URL=http://127.0.0.1:$((http + 4))#" \
    -e "s#^\(GEOCODING\)_SERVICE_URL=.*#\1_SERVICE_URL=http://127.0.0.1:$((http + 5))#" \
    .env.example >"$file"
if [ "$env" = prod ]; then
  # Production reads registrations from OpenStack Swift: nothing starts until it is configured.
  sed -i -e "s/^OBJECT_STORAGE_BACKEND=.*/OBJECT_STORAGE_BACKEND=swift/" \
    -e "s/^\(SWIFT_STORAGE_URL\|SWIFT_APPLICATION_ID\|SWIFT_APPLICATION_SECRET\)=.*/\1=CHANGE_ME/" "$file"
fi
if [ "$env" = test ]; then sed -i "s/^PATIENT_IMPORT_CHECK_INTERVAL_SECONDS=.*/PATIENT_IMPORT_CHECK_INTERVAL_SECONDS=10/" "$file"; fi
if [ -n "$existing" ]; then
  # Keep every existing value (secrets included); append only variables added since.
  added=
  while IFS= read -r line; do
    key=${line%%=*}
    grep -qE "^$key=" "$existing" || { echo "$line" >>"$existing"; added="$added $key"; }
  done < <(grep -E '^[A-Z_]+=' "$file")
  rm -f "$file"
  if [ -n "$added" ]; then echo "$existing: added$added"; else echo "$existing exists"; fi
  exit 0
fi
echo "created $file"
