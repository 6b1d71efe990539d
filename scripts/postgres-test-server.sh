#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests: started on a free loopback port (and a socket in its own
# folder) as an unprivileged user, with trust authentication for the superuser `dossier`. Prints the address
# to give the tests as DOSSIER_TEST_POSTGRES. Nothing outside the cluster's folder is touched.
#
#   scripts/postgres-test-server.sh start DIR    # prints postgresql://dossier@127.0.0.1:PORT/postgres
#   scripts/postgres-test-server.sh stop DIR
#   scripts/postgres-test-server.sh crash DIR    # stopped at once, as in a crash (pg_ctl stop -m immediate)
#   scripts/postgres-test-server.sh resume DIR   # started again on the same port
set -euo pipefail
command="${1:?start of stop}"
dir="${2:?map voor het cluster}"

bin=""
for candidate in "$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/x)")" /usr/lib/postgresql/*/bin; do
  if [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then bin="$candidate"; break; fi
done
[ -n "$bin" ] || { echo "postgres-test-server: initdb/pg_ctl niet gevonden (apt-get install postgresql)" >&2; exit 1; }

# initdb refuses to run as root: use the postgres account when there is one, else nobody.
as_owner() {
  if [ "$(id -u)" -ne 0 ]; then "$@"; return; fi
  local owner=postgres
  id "$owner" >/dev/null 2>&1 || owner=nobody
  runuser -u "$owner" -- "$@"
}

case "$command" in
  start)
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown "$(id -u postgres 2>/dev/null || id -u nobody)" "$dir"; fi
    chmod 700 "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U dossier -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || as_owner "$bin/initdb" -D "$dir/data" -U dossier -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-h 127.0.0.1 -p $port -k $dir -c max_connections=200 -c fsync=on" start >/dev/null
    echo "$port" >"$dir/port"
    echo "postgresql://dossier@127.0.0.1:$port/postgres"
    ;;
  stop)
    [ -d "$dir/data" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    ;;
  crash)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null
    ;;
  resume)
    port=$(cat "$dir/port")
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-h 127.0.0.1 -p $port -k $dir -c max_connections=200 -c fsync=on" start >/dev/null
    ;;
  *) echo "gebruik: $0 start|stop|crash|resume MAP" >&2; exit 64 ;;
esac
