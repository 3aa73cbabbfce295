#!/usr/bin/env bash
# System packages the test suite needs, from Debian's packages: a PostgreSQL server (ledger tests
# run against it) and Chromium with its driver (browser tests; never a downloaded browser).
# Installs only what is missing; needs root for apt-get.
set -euo pipefail
need=()
[ -n "$(ls /usr/lib/postgresql 2>/dev/null)" ] || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium chromium-driver)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "system-deps: missing ${need[*]}; install them as root (apt-get install ${need[*]})" >&2
  exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
