#!/usr/bin/env bash
# Installs the Debian packages the build and the test suites need, only those missing.
# usage: scripts/install-deps.sh [build|runtime|bench|fuzz]...   (default: build)
set -euo pipefail
# libcurl4-openssl-dev: `--static-swift-stdlib` links FoundationNetworking (object storage https) with -lcurl,
# and the SMTP target (CCurl, communication service) links libcurl directly; libcurl4 is its runtime library.
# python3-aiosmtpd: scripts/smtp-sink.py, the local SMTP server of the SMTP tests (run with Debian's /usr/bin/python3).
want=(pkg-config curl libpq-dev librdkafka-dev libcurl4-openssl-dev)
for group in "$@"; do
  case $group in
    build) ;;
    runtime) want+=(postgresql postgresql-contrib pgbouncer libcurl4 python3-aiosmtpd openssl) ;;
    bench) want+=(wrk) ;;
    fuzz) ;;   # libFuzzer ships with the Swift toolchain's clang runtime
    *) echo "unknown group: $group" >&2; exit 2 ;;
  esac
done
missing=()
for pkg in "${want[@]}"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing: ${missing[*]}" >&2
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
