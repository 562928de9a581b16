#!/bin/sh
# pg.sh - a private PostgreSQL for the county tests and benchmarks: initdb
# in a folder of its own, listening only on a Unix socket in that folder (no
# TCP port), password (scram-sha-256) for every connection.  Run as root,
# the server runs as the user "nobody" (PostgreSQL refuses to run as root).
#   sh tests/pg.sh start DIR [PASSWORD]   prints the libpq URI of database "county"
#   sh tests/pg.sh stop DIR
#   sh tests/pg.sh restart DIR
# Fails loudly (exit 1, the log on stderr) when the server cannot start.
# PG_FSYNC=on keeps fsync (the benchmark); the tests run with fsync=off.
set -u
cmd=${1:-}; dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: pg.sh start|stop|restart DIR [PASSWORD]" >&2; exit 2; }
pw=${3:-county-secret}
bin=
for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && bin=$d; done
[ -n "$bin" ] || bin=$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/initdb)")
if [ ! -x "$bin/initdb" ]; then
	echo "pg.sh: PostgreSQL's server programs (initdb, pg_ctl) are not installed; run tools/deps.sh check (Debian package postgresql)" >&2
	exit 1
fi
as=
if [ "$(id -u)" = 0 ]; then as="runuser -u nobody --"; fi
# The county server keeps the real clock: a test (or make check-dates) that
# fakes its own clock does not pass libfaketime on to the server, whose
# processes would also find root's libfaketime semaphores unreadable.
run() { env -u LD_PRELOAD -u FAKETIME -u FAKETIME_SHARED -u FAKETIME_FLSHM $as "$@"; }
data=$dir/data; sock=$dir/sock
fsync=${PG_FSYNC:-off}
case $cmd in
start)
	mkdir -p "$dir" "$sock" || exit 1
	chmod 755 "$dir"
	printf '%s\n' "$pw" > "$dir/pwfile"
	[ -n "$as" ] && chown -R nobody "$dir"
	if [ ! -f "$data/PG_VERSION" ]; then
		run "$bin/initdb" -D "$data" -U bianmin -E UTF8 --locale=C --auth=scram-sha-256 \
			--pwfile="$dir/pwfile" >"$dir/initdb.log" 2>&1 \
			|| { echo "pg.sh: initdb failed:" >&2; cat "$dir/initdb.log" >&2; exit 1; }
	fi
	rm -f "$dir/pwfile"
	run "$bin/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 \
		-o "-c listen_addresses='' -c unix_socket_directories='$sock' -c fsync=$fsync -c lc_messages=C" \
		start >"$dir/pg_ctl.log" 2>&1 \
		|| { echo "pg.sh: the PostgreSQL server did not start:" >&2; cat "$dir/pg_ctl.log" "$dir/server.log" >&2; exit 1; }
	PGPASSWORD=$pw "$bin/psql" -X -q "postgresql:///postgres?host=$sock&user=bianmin" \
		-c 'CREATE DATABASE county' >/dev/null 2>"$dir/createdb.log" \
		|| grep -q 'already exists' "$dir/createdb.log" \
		|| { echo "pg.sh: cannot create the county database:" >&2; cat "$dir/createdb.log" >&2; exit 1; }
	echo "postgresql:///county?host=$sock&user=bianmin&password=$pw"
	;;
stop)
	[ -f "$data/postmaster.pid" ] && run "$bin/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1
	exit 0
	;;
restart)
	run "$bin/pg_ctl" -D "$data" -l "$dir/server.log" -m fast -w -t 60 restart \
		-o "-c listen_addresses='' -c unix_socket_directories='$sock' -c fsync=$fsync -c lc_messages=C" \
		>"$dir/pg_ctl.log" 2>&1 || { cat "$dir/pg_ctl.log" "$dir/server.log" >&2; exit 1; }
	;;
*) echo "pg.sh: unknown command $cmd" >&2; exit 2 ;;
esac
