#!/usr/bin/env bash
# A local PostgreSQL for the tests: installs Debian's `postgresql` if it is missing, makes the cluster listen on
# 127.0.0.1 only, starts it, and creates the role and database `soak`. Safe to run again at any time.
# Prints the connection string on standard output (and nothing else there); progress goes to standard error.
# Needs root or password-less sudo for apt-get and the cluster tools. Run it as it is, not under sudo: as root (a root
# shell or a container, where there may be no sudo) it acts as postgres through runuser; as another user through sudo -n.
set -euo pipefail

database="soak"
role="soak"
# A loopback-only server that exists for the tests: a fixed password keeps the script idempotent.
password="${SOAK_POSTGRES_PASSWORD:-soak}"

say() { echo "postgres.sh: $*" >&2; }
fail() { say "$*"; exit 1; }

if [[ $EUID -eq 0 ]]; then
  as_root() { "$@"; }
  as_postgres() { runuser -u postgres -- "$@"; }
elif sudo -n true 2>/dev/null; then
  as_root() { sudo -n "$@"; }
  as_postgres() { sudo -n -u postgres "$@"; }
else
  fail "needs root or password-less sudo to install and start PostgreSQL: run it as root, or give this user password-less sudo"
fi

if ! command -v pg_ctlcluster >/dev/null || ! compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null; then
  command -v apt-get >/dev/null || fail "PostgreSQL is not installed and apt-get is not available"
  say "installing postgresql"
  export DEBIAN_FRONTEND=noninteractive
  # A fresh machine may have no package lists yet; refresh them only when the first attempt fails.
  as_root apt-get install -y -q postgresql >&2 ||
    { as_root apt-get update -q >&2 && as_root apt-get install -y -q postgresql >&2; } ||
    fail "apt-get could not install postgresql"
fi

# The newest installed major version, and its cluster `main` (created if the package did not create one).
version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
[[ -n "$version" ]] || fail "no PostgreSQL server binaries under /usr/lib/postgresql"
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { found = 1 } END { exit !found }'; then
  say "creating cluster $version/main"
  as_root pg_createcluster "$version" main >&2
fi

config_dir="/etc/postgresql/$version/main"
port="$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { print $3 }')"
listen_file="$config_dir/conf.d/listen-loopback.conf"
if [[ ! -f "$listen_file" ]]; then
  echo "listen_addresses = '127.0.0.1'" | as_root tee "$listen_file" >/dev/null
  # A running cluster only reads listen_addresses at start.
  if pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 == "online" { found = 1 } END { exit !found }'; then
    as_root pg_ctlcluster "$version" main restart >&2
  fi
fi

if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 == "online" { found = 1 } END { exit !found }'; then
  say "starting cluster $version/main on port $port"
  as_root pg_ctlcluster "$version" main start >&2
fi

for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p "$port" && break
  sleep 1
done
pg_isready -q -h 127.0.0.1 -p "$port" || fail "PostgreSQL $version did not accept connections on 127.0.0.1:$port"

# CREATEDB: the tests give each run its own database, because a journal carries over into the next run that uses it.
as_postgres psql -q -v ON_ERROR_STOP=1 -p "$port" -d postgres -v role="$role" -v password="$password" >&2 <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'role') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
ALTER ROLE :"role" WITH LOGIN CREATEDB PASSWORD :'password';
SQL
if ! as_postgres psql -tA -p "$port" -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -q 1; then
  as_postgres createdb -p "$port" -O "$role" "$database" >&2
fi

echo "Host=127.0.0.1;Port=$port;Database=$database;Username=$role;Password=$password"
