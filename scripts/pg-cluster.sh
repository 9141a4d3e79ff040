#!/usr/bin/env bash
# scripts/pg-cluster.sh — a throwaway PostgreSQL cluster for the test suite's
# PostgreSQL leg and for trying the portal on PostgreSQL, without Docker.
#
# It uses Debian's PostgreSQL server (apt package `postgresql`, installed when
# initdb/pg_ctl are missing under /usr/lib/postgresql/*/bin), and runs its own
# cluster beside any the package made: initialised once, on 127.0.0.1:PG_PORT
# only, no Unix socket.
#
# THIS IS A TEST CLUSTER: fsync, synchronous_commit and full_page_writes are
# off (a crash may lose or corrupt it; the suite recreates its databases every
# run), and every connection from 127.0.0.1 is trusted without a password
# (nothing but this machine can reach it). Never point anything you keep at it.
#
# Usage: scripts/pg-cluster.sh start|stop|restart|status|url|logs|help
#
# Layout (BASE is /var/tmp/pioneer-exchange-pg unless PG_BASE says otherwise;
# PostgreSQL needs a data directory its own user owns with mode 0700, which a
# checkout under /root cannot offer):
#   BASE/cluster-PORT/data/        the data directory (initdb'd once)
#   BASE/cluster-PORT/data/pioneer-exchange.conf   our settings, rewritten on
#                                  every start (postgresql.conf includes it)
#   BASE/cluster-PORT/server.log   the server's log
# PostgreSQL refuses to run as root, so as root the cluster runs as the
# `postgres` system user the Debian package creates; run by anyone else, it
# runs as whoever runs the script (who must be able to write BASE).
#
# Environment:
#   PG_PORT          TCP port on 127.0.0.1             (default 5433)
#   PG_BASE          where the cluster lives (see above)
#   PG_USER          the role the portal connects as, with CREATEDB (default pioneer)
#   PG_DATABASE      a database that role owns          (default pioneer)
#   PG_START_TIMEOUT seconds to wait for the server     (default 60)
#   PG_STARTED_FILE  if set, `start` writes 1 there when it started the
#                    cluster and 0 when it was already running, so a caller
#                    (make test) stops only what it started.
#
# `start` prints progress on stderr, "started" or "already-running" on its own
# stderr line, and the DATABASE_URL as the last line on stdout; exit 0 in both
# cases.

set -euo pipefail

PG_PORT=${PG_PORT:-5433}
PG_USER=${PG_USER:-pioneer}
PG_DATABASE=${PG_DATABASE:-pioneer}
PG_START_TIMEOUT=${PG_START_TIMEOUT:-60}
RUN_AS=postgres   # the system user Debian's package creates
SUPERUSER=postgres
BASE=${PG_BASE:-/var/tmp/pioneer-exchange-pg}
CLUSTER_DIR="$BASE/cluster-$PG_PORT"
DATA="$CLUSTER_DIR/data"
LOG_FILE="$CLUSTER_DIR/server.log"
OUR_CONF=pioneer-exchange.conf
URL="postgres://${PG_USER}@127.0.0.1:${PG_PORT}/${PG_DATABASE}"

PG_BIN=""   # set by find_bin

say() { printf '%s\n' "$*" >&2; }
die() { say "pg-cluster: $*"; exit 1; }
is_root() { [[ $EUID -eq 0 ]]; }

usage() {
    cat <<EOF
Usage: scripts/pg-cluster.sh COMMAND

  start    install PostgreSQL if needed, initialise the cluster once, start it
           and make sure role $PG_USER and database $PG_DATABASE exist;
           prints the DATABASE_URL last on stdout
  stop     stop the cluster (no-op if it is not running); with --unless-busy,
           leave it running while other clients are connected
  restart  stop, then start
  status   print "running" (exit 0) or "not running" (exit 1)
  url      print the DATABASE_URL ($URL)
  logs     show the end of the server's log

Environment: PG_PORT ($PG_PORT), PG_BASE ($BASE), PG_USER, PG_DATABASE,
PG_START_TIMEOUT ($PG_START_TIMEOUT), PG_STARTED_FILE. See the header of this
script for details. A throwaway test cluster: no fsync, loopback trusted.
EOF
}

[[ $PG_PORT =~ ^[0-9]+$ ]] || die "PG_PORT must be a number"
[[ $PG_USER =~ ^[a-z_][a-z0-9_]*$ && $PG_DATABASE =~ ^[a-z_][a-z0-9_]*$ ]] \
    || die "PG_USER and PG_DATABASE must be plain lower-case identifiers"
[[ $BASE != *"'"* ]] || die "PG_BASE must not contain a single quote: $BASE"

# ---------------------------------------------------------------- packages

# find_bin — PG_BIN is the newest /usr/lib/postgresql/V/bin with initdb and
# pg_ctl (Debian keeps them off PATH).
find_bin() {
    local dir
    PG_BIN=""
    while read -r dir; do
        if [[ -x $dir/initdb && -x $dir/pg_ctl && -x $dir/psql ]]; then PG_BIN=$dir; fi
    done < <(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V)
    [[ -n $PG_BIN ]]
}

ensure_server() {
    find_bin && return 0
    is_root || die "PostgreSQL's server is not installed. Install it with: sudo apt-get install -y postgresql"
    command -v apt-get >/dev/null || die "PostgreSQL's server is missing (and no apt-get to install it with)"
    say "pg-cluster: apt-get update (PostgreSQL's server is missing)"
    apt-get update -q >&2 || die "apt-get update failed"
    say "pg-cluster: apt-get install postgresql"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql >&2 \
        || die "apt-get install postgresql failed"
    find_bin || die "postgresql installed but no initdb/pg_ctl under /usr/lib/postgresql/*/bin"
}

# pg_major — the server's major version, from PG_BIN's path (/usr/lib/postgresql/15/bin).
pg_major() { local dir=${PG_BIN%/bin}; printf '%s\n' "${dir##*/}"; }

# as_owner CMD... — run a command as the user that owns the cluster.
# From /, which every user can reach (root's working directory may not be).
as_owner() {
    if is_root; then (cd / && runuser -u "$RUN_AS" -- "$@"); else "$@"; fi
}

# ------------------------------------------------------------------ layout

prepare_dirs() {
    if is_root; then
        command -v runuser >/dev/null || die "runuser (util-linux) is needed to run PostgreSQL as $RUN_AS"
        id -u "$RUN_AS" >/dev/null 2>&1 \
            || die "no $RUN_AS system user; reinstall Debian's postgresql package (apt-get install --reinstall postgresql-common)"
    fi
    mkdir -p "$CLUSTER_DIR" || die "cannot create $CLUSTER_DIR (set PG_BASE to a directory you can write)"
    if is_root; then chown "$RUN_AS:" "$CLUSTER_DIR"; fi
    as_owner test -w "$CLUSTER_DIR" || die "$CLUSTER_DIR is not writable by the user that runs PostgreSQL"
}

# init_cluster — initdb once. A half-initialised directory (no PG_VERSION) is
# removed and made again.
init_cluster() {
    if [[ -s $DATA/PG_VERSION ]]; then
        [[ $(cat "$DATA/PG_VERSION") == "$(pg_major)" ]] \
            || die "$DATA was made by PostgreSQL $(cat "$DATA/PG_VERSION"), not $PG_BIN's; remove $CLUSTER_DIR to start afresh"
        return 0
    fi
    rm -rf "$DATA"
    local locale=C.UTF-8
    locale -a 2>/dev/null | grep -qix 'c\.utf-\?8' || locale=C
    say "pg-cluster: initialising a PostgreSQL $(pg_major) cluster in $DATA (locale $locale)"
    as_owner "$PG_BIN/initdb" -D "$DATA" -U "$SUPERUSER" --encoding=UTF8 --locale="$locale" \
        --auth=trust --no-instructions >"$CLUSTER_DIR/initdb.log" 2>&1 \
        || { tail -n 20 "$CLUSTER_DIR/initdb.log" >&2; rm -rf "$DATA"; die "initdb failed"; }
    printf "\ninclude_if_exists = '%s'\n" "$OUR_CONF" | as_owner tee -a "$DATA/postgresql.conf" >/dev/null
}

# configure — our settings and access rules, rewritten on every start so that
# changes to this script take effect.
configure() {
    as_owner tee "$DATA/$OUR_CONF" >/dev/null <<EOF
# Written by scripts/pg-cluster.sh on every start: edit the script, not this file.
# Loopback only, no Unix socket: nothing but this machine reaches the cluster.
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = ''
# A throwaway test cluster: speed over durability (a crash may lose it).
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 50
log_min_messages = warning
log_min_error_statement = panic
EOF
    as_owner tee "$DATA/pg_hba.conf" >/dev/null <<EOF
# Written by scripts/pg-cluster.sh: a test cluster trusts every connection from 127.0.0.1.
# TYPE  DATABASE  USER  ADDRESS       METHOD
host    all       all   127.0.0.1/32  trust
EOF
}

# ------------------------------------------------------------------ probing

# port_open PORT — does anything accept connections on 127.0.0.1:PORT?
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# server_pid — the postmaster's pid from our data directory, if it is alive
# and is postgres (guards against a stale file and a recycled pid).
server_pid() {
    local pid
    [[ -r $DATA/postmaster.pid ]] || return 1
    pid=$(head -n 1 "$DATA/postmaster.pid" | tr -dc '0-9')
    [[ -n $pid && -r /proc/$pid/cmdline ]] || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q 'postgres' || return 1
    printf '%s\n' "$pid"
}

# psql_as ROLE DB SQL — one statement over TCP; output unaligned, tuples only.
psql_as() {
    "$PG_BIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U "$1" -d "$2" -c "$3"
}

# is_usable — does the portal's role answer on PG_PORT?
is_usable() { psql_as "$PG_USER" "$PG_DATABASE" 'SELECT 1' >/dev/null 2>&1; }

log_tail() {
    if [[ -s $LOG_FILE ]]; then
        say "----- last lines of $LOG_FILE -----"
        tail -n 30 "$LOG_FILE" >&2
    fi
}

# ensure_role — the portal's role (it creates the test databases) and its database.
ensure_role() {
    local sql
    sql="DO \$\$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_USER') THEN
            CREATE ROLE $PG_USER LOGIN CREATEDB;
        END IF;
    END \$\$;"
    psql_as "$SUPERUSER" postgres "$sql" >/dev/null || die "could not create role $PG_USER"
    if [[ -z $(psql_as "$SUPERUSER" postgres "SELECT 1 FROM pg_database WHERE datname = '$PG_DATABASE'") ]]; then
        say "pg-cluster: creating database $PG_DATABASE owned by $PG_USER"
        psql_as "$SUPERUSER" postgres "CREATE DATABASE $PG_DATABASE OWNER $PG_USER" >/dev/null \
            || die "could not create database $PG_DATABASE"
    fi
}

# ------------------------------------------------------------------ commands

announce() {   # announce started|already-running — tell callers what happened
    say "$1"
    if [[ -n ${PG_STARTED_FILE:-} ]]; then
        if [[ $1 == started ]]; then echo 1 >"$PG_STARTED_FILE"; else echo 0 >"$PG_STARTED_FILE"; fi
    fi
    printf '%s\n' "$URL"
}

lock() {   # serialise start/stop (e.g. two test runs starting at once)
    exec 9>"$BASE/.lock-$PG_PORT"
    flock -w 120 9 || die "timed out waiting for another pg-cluster.sh on port $PG_PORT"
}

cmd_start() {
    local pid
    ensure_server
    if [[ ! -d $BASE ]]; then mkdir -p "$BASE" && chmod 0755 "$BASE"; fi
    [[ -d $BASE && -w $BASE ]] || die "cannot write $BASE (set PG_BASE to a directory you can write)"
    lock
    if pid=$(server_pid); then
        is_usable || ensure_role
        say "pg-cluster: already running (pid $pid) at 127.0.0.1:$PG_PORT"
        announce already-running; return 0
    fi
    if port_open "$PG_PORT"; then
        if is_usable; then
            # A cluster from another PG_BASE with our role: usable; `stop` here will not touch it.
            say "pg-cluster: a cluster with role $PG_USER already answers on 127.0.0.1:$PG_PORT (not started from $DATA)"
            announce already-running; return 0
        fi
        die "port $PG_PORT is in use by something else; stop it or set PG_PORT"
    fi

    prepare_dirs
    init_cluster
    configure
    say "pg-cluster: starting PostgreSQL $(pg_major) on 127.0.0.1:$PG_PORT (throwaway test cluster: fsync off)"
    # -w waits until the server accepts connections; setsid keeps a Ctrl-C in
    # the calling terminal from reaching it; 9>&- keeps our lock out of the
    # server, or the lock would live as long as the server.
    if ! as_owner setsid -w "$PG_BIN/pg_ctl" start -D "$DATA" -l "$LOG_FILE" -w -t "$PG_START_TIMEOUT" \
        >"$CLUSTER_DIR/pg_ctl.log" 2>&1 </dev/null 9>&-; then
        cat "$CLUSTER_DIR/pg_ctl.log" >&2
        log_tail
        if pid=$(server_pid); then kill -TERM "$pid" 2>/dev/null || true; fi
        die "the server did not start within ${PG_START_TIMEOUT}s"
    fi
    ensure_role
    announce started
}

# other_sessions — how many client sessions are connected (a test run still using the cluster).
other_sessions() {
    psql_as "$SUPERUSER" postgres \
        "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()"
}

cmd_stop() {   # cmd_stop [--unless-busy]
    local pid busy
    if ! pid=$(server_pid); then
        say "pg-cluster: not running"
        return 0
    fi
    find_bin || die "no pg_ctl under /usr/lib/postgresql/*/bin to stop pid $pid with"
    lock
    if [[ ${1:-} == --unless-busy ]]; then
        busy=$(other_sessions 2>/dev/null || echo 0)
        if [[ $busy =~ ^[0-9]+$ ]] && ((busy > 0)); then
            say "pg-cluster: $busy other sessions are connected (another test run?): leaving the cluster running"
            return 0
        fi
    fi
    say "pg-cluster: stopping pid $pid"
    # fast: end sessions at once (a test run's leftovers must not hold it up).
    as_owner "$PG_BIN/pg_ctl" stop -D "$DATA" -m fast -w -t 60 -s \
        || { kill -KILL "$pid" 2>/dev/null || true; say "pg-cluster: forced"; }
    say "pg-cluster: stopped"
}

cmd_status() {
    local pid
    find_bin || { echo "not running (PostgreSQL's server is not installed)"; return 1; }
    if is_usable; then
        if pid=$(server_pid); then pid=", pid $pid"; else pid=" (not started from $DATA)"; fi
        echo "running: $URL$pid"
        return 0
    fi
    if pid=$(server_pid); then
        echo "not running: process $pid exists but $URL does not answer (starting, or role $PG_USER missing)"
    else
        echo "not running"
    fi
    return 1
}

case ${1:-} in
    start) cmd_start ;;
    stop) cmd_stop "${2:-}" ;;
    restart) cmd_stop; cmd_start ;;
    status) cmd_status ;;
    url) printf '%s\n' "$URL" ;;
    logs)
        [[ -r $LOG_FILE ]] || die "no log at $LOG_FILE"
        tail -n "${LINES_TO_SHOW:-60}" "$LOG_FILE"
        ;;
    help | -h | --help) usage ;;
    *) usage >&2; exit 2 ;;
esac
