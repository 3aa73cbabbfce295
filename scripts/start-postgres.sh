#!/usr/bin/env bash
# Start a local PostgreSQL server from Debian's packages for the test suite, and print the URL
# the tests read from COMMUNIQUE_TEST_PG. Installs the server when it is missing (needs root).
set -euo pipefail
# Only the URL goes to stdout, since callers capture it: pg_ctlcluster and apt print notes
# such as "Removed stale pid file." there, so their output is sent to stderr.
if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
pg_lsclusters -h | awk '{print $2}' | grep -qx main || pg_createcluster "$version" main >&2
pg_ctlcluster "$version" main status >/dev/null 2>&1 || pg_ctlcluster "$version" main start >&2
port=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')
for _ in $(seq 1 30); do
  su postgres -c "psql -p $port -qtAc 'SELECT 1'" >/dev/null 2>&1 && break
  sleep 1
done
su postgres -c "psql -p $port -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='communique'\"" | grep -q 1 \
  || su postgres -c "psql -p $port -qc \"CREATE ROLE communique LOGIN SUPERUSER PASSWORD 'communique'\"" >&2
echo "postgresql+psycopg://communique:communique@127.0.0.1:$port/postgres"
