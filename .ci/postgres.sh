#!/bin/sh
# A private PostgreSQL cluster for the store tests: Debian's postgresql, a data folder of its own,
# a port of its own, three roles (docs/postgres.md) and a test database. Nothing outside the folder
# is touched, so it works on a fresh machine, as root (the server then runs as the `postgres` user)
# or as any user.
#
#   sh .ci/postgres.sh start DIR [PORT]   creates (once) and starts the cluster; writes DIR/env
#   sh .ci/postgres.sh stop DIR           stops it (safe to call twice, or on a cluster not started)
#
# DIR/env exports POLSO_TEST_POSTGRES_URL (the owner, who may create schemas: each test makes one),
# POLSO_TEST_POSTGRES_APP_URL (the application role) and POLSO_TEST_POSTGRES_READER_URL (read only).
set -eu

command=${1:?usage: postgres.sh start|stop DIR [PORT]}
dir=${2:?usage: postgres.sh start|stop DIR [PORT]}
port=${3:-55432}

bin=""
for candidate in /usr/lib/postgresql/*/bin; do
    if [ -x "$candidate/initdb" ]; then bin=$candidate; fi
done
if [ -z "$bin" ]; then
    echo "postgres.sh: no PostgreSQL server found (Debian's postgresql package: apt-get install postgresql)" >&2
    exit 1
fi

# The server refuses to run as root: run it as `postgres` (created by Debian's package) when root.
as_server() {
    if [ "$(id -u)" -eq 0 ]; then
        su postgres -s /bin/sh -c "$*"
    else
        sh -c "$*"
    fi
}

case "$command" in
start)
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir"; fi
    if [ ! -f "$dir/data/PG_VERSION" ]; then
        as_server "'$bin/initdb' -D '$dir/data' -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >'$dir/initdb.log' 2>&1"
    fi
    as_server "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -t 60 \
        -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200\" start >/dev/null"
    psql="psql -X -q -v ON_ERROR_STOP=1 -h $dir -p $port -U postgres"
    if ! $psql -d postgres -tAc "SELECT 1 FROM pg_roles WHERE rolname = 'polso_owner'" | grep -q 1; then
        # The roles of docs/postgres.md: the owner creates the schema (polso store migrate), the
        # application role reads and writes rows only, the reader only reads.
        $psql -d postgres <<'SQL'
CREATE ROLE polso_owner LOGIN PASSWORD 'owner-secret';
CREATE ROLE polso_app LOGIN PASSWORD 'app-secret';
CREATE ROLE polso_reader LOGIN PASSWORD 'reader-secret';
CREATE DATABASE polso_test OWNER polso_owner;
SQL
        $psql -d polso_test <<'SQL'
REVOKE ALL ON DATABASE polso_test FROM PUBLIC;
GRANT CONNECT ON DATABASE polso_test TO polso_app, polso_reader;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE polso_owner GRANT USAGE ON SCHEMAS TO polso_app, polso_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE polso_owner GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO polso_app;
ALTER DEFAULT PRIVILEGES FOR ROLE polso_owner GRANT USAGE ON SEQUENCES TO polso_app;
ALTER DEFAULT PRIVILEGES FOR ROLE polso_owner GRANT SELECT ON TABLES TO polso_reader;
SQL
    fi
    cat >"$dir/env" <<EOF
export POLSO_TEST_POSTGRES_URL='postgres://polso_owner:owner-secret@127.0.0.1:$port/polso_test'
export POLSO_TEST_POSTGRES_APP_URL='postgres://polso_app:app-secret@127.0.0.1:$port/polso_test'
export POLSO_TEST_POSTGRES_READER_URL='postgres://polso_reader:reader-secret@127.0.0.1:$port/polso_test'
export POLSO_TEST_POSTGRES_ADMIN="$psql -d polso_test"
EOF
    echo "PostgreSQL $(basename "$(dirname "$bin")") running on 127.0.0.1:$port (data in $dir/data); source $dir/env"
    ;;
stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_server "'$bin/pg_ctl' -D '$dir/data' -m fast -w stop >/dev/null" || true
    fi
    ;;
*)
    echo "usage: postgres.sh start|stop DIR [PORT]" >&2
    exit 2
    ;;
esac
