#!/usr/bin/env bash
# scripts/es-node.sh — a single-node Elasticsearch for tests and local development,
# without Docker.
#
# The node is built from Maven Central's
#   org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip
# (the only Elasticsearch distribution this network can reach). That zip has no
# bundled JDK and only core analysis, so the script supplies Debian's OpenJDK
# and the hunspell en_GB dictionary. See docs/operations.md.
#
# Usage: scripts/es-node.sh start|stop|restart|status|url|fetch|logs|help
#        scripts/es-node.sh cluster-start|cluster-stop   (a three-node cluster)
#
# Layout (BASE is <repo>/.es unless said otherwise below):
#   <repo>/.es/dist/elasticsearch-V.zip   downloaded zip (always in the repo)
#   BASE/elasticsearch-V/                 unpacked installation, never modified
#   BASE/node-PORT/config/                the node's config dir (ES_PATH_CONF):
#                                         elasticsearch.yml, jvm.options.d/,
#                                         hunspell/en_GB/en_GB.{aff,dic}
#   BASE/node-PORT/data/, logs/           path.data and path.logs
#   BASE/node-PORT/es.pid                 pid file written by Elasticsearch
#   BASE/node-PORT/launcher.log           output of the launcher (startup errors)
# Elasticsearch refuses to run as root, so as root the node runs as the system
# user "elasticsearch". That user must be able to reach BASE; when the repo sits
# where it cannot (e.g. under /root, mode 700), BASE falls back to
# /var/tmp/pioneer-exchange-es. ES_BASE overrides the choice.
#
# Environment:
#   ES_VERSION       Elasticsearch version            (default 8.19.7)
#   ES_PORT          HTTP port                        (default 9200)
#   ES_TRANSPORT_PORT transport port                  (default ES_PORT+100)
#   ES_HEAP          JVM heap, -Xms and -Xmx          (default 512m)
#   ES_BASE          where the installation and node live (see above)
#   ES_JAVA_HOME     JDK to use (default: Debian's OpenJDK 17)
#   ES_START_TIMEOUT seconds to wait for health       (default 120)
#   ES_STARTED_FILE  if set, `start` writes 1 there when it started a node and
#                    0 when one was already running, so a caller (make test)
#                    stops only what it started.
#   ES_CLUSTER_PORTS the HTTP ports of every node of a multi-node loopback
#                    cluster (default for cluster-start: "9260 9261 9262").
#                    `start` with it set starts one member (ES_PORT) that
#                    joins the others; cluster-start starts them all and waits
#                    for the cluster to be green with every node.
#
# `start` prints progress on stderr, "started" or "already-running" on its own
# stderr line, and the URL as the last line on stdout; exit 0 in both cases.

set -euo pipefail

ES_VERSION=${ES_VERSION:-8.19.7}
ES_PORT=${ES_PORT:-9200}
ES_TRANSPORT_PORT=${ES_TRANSPORT_PORT:-$((ES_PORT + 100))}
ES_HEAP=${ES_HEAP:-512m}
ES_START_TIMEOUT=${ES_START_TIMEOUT:-120}
ES_USER=elasticsearch
ES_CLUSTER_PORTS=${ES_CLUSTER_PORTS:-}
CLUSTER_NAME=pioneer-exchange-dev
if [[ -n $ES_CLUSTER_PORTS ]]; then CLUSTER_NAME=pioneer-exchange-cluster; fi
FALLBACK_BASE=/var/tmp/pioneer-exchange-es
URL="http://127.0.0.1:${ES_PORT}"

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
DIST_DIR="$REPO_ROOT/.es/dist"
ZIP="$DIST_DIR/elasticsearch-${ES_VERSION}.zip"
ARTIFACT="org.elasticsearch.distribution.integ-test-zip:elasticsearch:${ES_VERSION}:zip"
# Full plugin coordinate: lets `mvn` run without a pom.xml.
DEP_PLUGIN="org.apache.maven.plugins:maven-dependency-plugin:3.6.1"

# Set by resolve_base / find_jdk.
BASE="" ES_HOME="" NODE_DIR="" CONF_DIR="" PID_FILE="" LOG_DIR="" JDK=""

say() { printf '%s\n' "$*" >&2; }
die() { say "es-node: $*"; exit 1; }
is_root() { [[ $EUID -eq 0 ]]; }

usage() {
    cat <<EOF
Usage: scripts/es-node.sh COMMAND

  start    fetch/install if needed, start the node in the background, wait
           until it is yellow; prints the URL last on stdout
  stop     stop the node this script started (no-op if none)
  restart  stop, then start
  status   print "running" (exit 0) or "not running" (exit 1)
  url      print the URL ($URL)
  fetch    download and install everything, do not start
  logs     show the end of the node's log

Environment: ES_VERSION ($ES_VERSION), ES_PORT ($ES_PORT), ES_TRANSPORT_PORT,
ES_HEAP ($ES_HEAP), ES_BASE, ES_JAVA_HOME, ES_START_TIMEOUT ($ES_START_TIMEOUT),
ES_STARTED_FILE. See the header of this script for details.
EOF
}

[[ $ES_PORT =~ ^[0-9]+$ && $ES_TRANSPORT_PORT =~ ^[0-9]+$ ]] || die "ES_PORT and ES_TRANSPORT_PORT must be numbers"
[[ $ES_CLUSTER_PORTS =~ ^[0-9\ ]*$ ]] || die "ES_CLUSTER_PORTS must be HTTP port numbers separated by spaces"

# ---------------------------------------------------------------- packages

APT_UPDATED=0
# apt_install PKG... — install Debian packages; only root can, and the package
# lists are refreshed once, only when something is actually missing.
apt_install() {
    if ! is_root; then
        die "missing: $*. Install with: sudo apt-get install -y --no-install-recommends $*"
    fi
    command -v apt-get >/dev/null || die "missing: $* (and no apt-get to install them with)"
    if [[ $APT_UPDATED -eq 0 ]]; then
        say "es-node: apt-get update (needed for: $*)"
        apt-get update -q >&2 || die "apt-get update failed"
        APT_UPDATED=1
    fi
    say "es-node: apt-get install $*"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >&2 \
        || die "apt-get install $* failed"
}

# ensure_cmds CMD:PACKAGE... — install the packages whose command is missing.
ensure_cmds() {
    local pair missing=()
    for pair in "$@"; do
        command -v "${pair%%:*}" >/dev/null || missing+=("${pair#*:}")
    done
    if [[ ${#missing[@]} -gt 0 ]]; then apt_install "${missing[@]}"; fi
}

# java_major JAVA — major version of a java binary (8 for "1.8.0", 17, 21, ...).
java_major() {
    local v
    v=$("$1" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n1)
    v=${v#1.}
    printf '%s\n' "${v%%[.+-]*}"
}

# jdk_ok DIR — is DIR a Java home with Java 17+ (Elasticsearch 8's minimum)?
jdk_ok() {
    local major
    [[ -x $1/bin/java ]] || return 1
    major=$(java_major "$1/bin/java" 2>/dev/null) || return 1
    [[ $major =~ ^[0-9]+$ ]] && ((major >= 17))
}

# find_jdk — sets JDK to a Java 17+ home; Elasticsearch ignores JAVA_HOME and the
# integ-test zip bundles no JDK, so ES_JAVA_HOME is always passed explicitly.
find_jdk() {
    local cand arch
    if [[ -n ${ES_JAVA_HOME:-} ]]; then
        jdk_ok "$ES_JAVA_HOME" || die "ES_JAVA_HOME=$ES_JAVA_HOME is not a Java 17+ JDK/JRE"
        JDK=$ES_JAVA_HOME
        return
    fi
    arch=$(dpkg --print-architecture 2>/dev/null || echo amd64)
    local -a cands=("/usr/lib/jvm/java-17-openjdk-$arch")
    if command -v java >/dev/null; then
        cand=$(readlink -f "$(command -v java)")
        cands+=("${cand%/bin/java}")
    fi
    for cand in /usr/lib/jvm/java-*-openjdk-*; do cands+=("$cand"); done
    for cand in "${cands[@]}"; do
        if jdk_ok "$cand"; then JDK=$cand; return; fi
    done
    # Nothing usable: install Debian's OpenJDK 17 (or the default JRE on
    # releases that no longer ship 17).
    if is_root; then
        if [[ $APT_UPDATED -eq 0 ]]; then apt-get update -q >&2 || true; APT_UPDATED=1; fi
        if apt-cache show openjdk-17-jre-headless >/dev/null 2>&1; then
            apt_install openjdk-17-jre-headless
        else
            apt_install default-jre-headless
        fi
        for cand in "/usr/lib/jvm/java-17-openjdk-$arch" /usr/lib/jvm/java-*-openjdk-*; do
            if jdk_ok "$cand"; then JDK=$cand; return; fi
        done
    fi
    die "no Java 17+ found. Install one (sudo apt-get install -y openjdk-17-jre-headless) or set ES_JAVA_HOME"
}

# ------------------------------------------------------------------ layout

ensure_user() {
    is_root || return 0
    id -u "$ES_USER" >/dev/null 2>&1 && return 0
    ensure_cmds useradd:passwd
    say "es-node: creating system user $ES_USER (Elasticsearch refuses to run as root)"
    # A concurrent start may have created it meanwhile: re-check before failing.
    useradd --system --user-group --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin "$ES_USER" 2>/dev/null || id -u "$ES_USER" >/dev/null \
        || die "could not create user $ES_USER"
}

# user_can_reach DIR — can the user that will run Elasticsearch traverse DIR
# (and every parent)?
user_can_reach() {
    if is_root; then
        id -u "$ES_USER" >/dev/null 2>&1 && runuser -u "$ES_USER" -- test -x "$1" -a -r "$1"
    else
        [[ -x $1 && -r $1 ]]
    fi
}

# mkdir_public DIR — create DIR world-traversable (root's umask may be 077);
# an existing directory is left as it is.
mkdir_public() {
    if [[ ! -d $1 ]]; then mkdir -p "$1" && chmod 0755 "$1"; fi
}

# resolve_base [create] — choose BASE and derive the node's paths. With
# "create", make the directories (status/stop/url never create anything but
# <repo>/.es itself).
resolve_base() {
    local create=${1:-}
    mkdir_public "$REPO_ROOT/.es"
    if [[ -n ${ES_BASE:-} ]]; then
        BASE=$ES_BASE
        if [[ $create == create ]]; then
            ensure_user
            mkdir_public "$BASE"
            user_can_reach "$BASE" || die "ES_BASE=$BASE is not reachable by the user that runs Elasticsearch"
        fi
    else
        [[ $create == create ]] && ensure_user
        BASE="$REPO_ROOT/.es"
        if ! user_can_reach "$BASE"; then
            BASE=$FALLBACK_BASE
            [[ $create == create ]] && say "es-node: user $ES_USER cannot reach $REPO_ROOT/.es; using $BASE"
        fi
        [[ $create == create ]] && mkdir_public "$BASE"
    fi
    BASE=$(cd "$BASE" 2>/dev/null && pwd -P || printf '%s' "$BASE")
    # Quoted as-is in elasticsearch.yml.
    [[ $BASE != *"'"* ]] || die "ES_BASE/repo path must not contain a single quote: $BASE"
    ES_HOME="$BASE/elasticsearch-$ES_VERSION"
    NODE_DIR="$BASE/node-$ES_PORT"
    CONF_DIR="$NODE_DIR/config"
    LOG_DIR="$NODE_DIR/logs"
    PID_FILE="$NODE_DIR/es.pid"
}

# fetch_zip — download the distribution once; later runs never call mvn.
fetch_zip() {
    [[ -s $ZIP ]] && return 0
    find_jdk   # maven needs a JDK too
    ensure_cmds mvn:maven
    mkdir -p "$DIST_DIR"
    local tmp rc=0
    tmp=$(mktemp -d "$DIST_DIR/.fetch.XXXXXX")
    say "es-node: fetching $ARTIFACT from Maven Central (~100 MB, once)"
    # Download to a temp dir and rename, so an interrupted fetch leaves no
    # half-written zip that later runs would trust.
    JAVA_HOME=$JDK mvn -q -B -Dstyle.color=never "$DEP_PLUGIN:copy" -Dartifact="$ARTIFACT" \
        -DoutputDirectory="$tmp" >&2 || rc=$?
    if [[ $rc -ne 0 || ! -s $tmp/elasticsearch-$ES_VERSION.zip ]]; then
        rm -rf "$tmp"
        die "mvn could not fetch $ARTIFACT (exit $rc)"
    fi
    mv "$tmp/elasticsearch-$ES_VERSION.zip" "$ZIP"
    rm -rf "$tmp"
}

# install_dist — unzip once into BASE/elasticsearch-V (via a temp dir + rename
# so a half-unpacked tree is never mistaken for an installation).
install_dist() {
    [[ -x $ES_HOME/bin/elasticsearch ]] && return 0
    fetch_zip
    local tmp
    tmp=$(mktemp -d "$BASE/.unzip.XXXXXX")
    say "es-node: unpacking $(basename "$ZIP") into $ES_HOME"
    unzip -q "$ZIP" -d "$tmp" || { rm -rf "$tmp"; die "unzip $ZIP failed"; }
    [[ -x $tmp/elasticsearch-$ES_VERSION/bin/elasticsearch ]] \
        || { rm -rf "$tmp"; die "$ZIP does not contain elasticsearch-$ES_VERSION/bin/elasticsearch"; }
    # Readable by the elasticsearch user whatever root's umask was; it stays
    # owned by whoever installed it, since the node never writes here.
    chmod -R a+rX "$tmp/elasticsearch-$ES_VERSION"
    if [[ -e $ES_HOME ]]; then rm -rf "$ES_HOME"; fi
    mv "$tmp/elasticsearch-$ES_VERSION" "$ES_HOME"
    rm -rf "$tmp"
}

# hunspell_files — the en_GB .aff and .dic that Debian's hunspell-en-gb ships.
hunspell_files() {
    local f
    for f in /usr/share/hunspell/en_GB.aff /usr/share/hunspell/en_GB.dic; do
        [[ -r $f ]] || return 1
    done
}

ensure_hunspell() {
    hunspell_files || apt_install hunspell-en-gb
    hunspell_files || die "hunspell-en-gb installed but /usr/share/hunspell/en_GB.{aff,dic} not found (see dpkg -L hunspell-en-gb)"
}

# discovery_settings — single-node, or the members of a loopback cluster (ES_CLUSTER_PORTS): each
# finds the others on their transport ports (HTTP port + 100), and the first election needs them named.
discovery_settings() {
    if [[ -z $ES_CLUSTER_PORTS ]]; then
        echo "discovery.type: single-node"
        return
    fi
    local port seeds="" names=""
    for port in $ES_CLUSTER_PORTS; do
        seeds+="${seeds:+, }\"127.0.0.1:$((port + 100))\""
        names+="${names:+, }\"$CLUSTER_NAME-$port\""
    done
    echo "discovery.seed_hosts: [$seeds]"
    echo "cluster.initial_master_nodes: [$names]"
}

# configure_node — (re)write the node's config dir on every start, so changes
# to this script take effect; data and logs are kept.
configure_node() {
    mkdir -p "$CONF_DIR/jvm.options.d" "$CONF_DIR/hunspell/en_GB" "$NODE_DIR/data" "$LOG_DIR"
    # Stock files (jvm.options, log4j2.properties, ...) follow the installed
    # version; the keystore Elasticsearch creates here is kept.
    cp -R "$ES_HOME/config/." "$CONF_DIR/"
    # -L: the Debian files may be symlinks; copy their content.
    cp -L /usr/share/hunspell/en_GB.aff /usr/share/hunspell/en_GB.dic "$CONF_DIR/hunspell/en_GB/"
    printf -- '-Xms%s\n-Xmx%s\n' "$ES_HEAP" "$ES_HEAP" >"$CONF_DIR/jvm.options.d/heap.options"

    local security=""
    # Recent zips include x-pack security (on by default, with TLS and
    # passwords); an older zip without it would reject the setting as unknown.
    if [[ -d $ES_HOME/modules/x-pack-security ]]; then
        security="xpack.security.enabled: false"
    fi
    cat >"$CONF_DIR/elasticsearch.yml" <<EOF
# Written by scripts/es-node.sh on every start: edit the script, not this file.
cluster.name: $CLUSTER_NAME
node.name: $CLUSTER_NAME-$ES_PORT
# Loopback only: no one else can reach this unsecured node, and Elasticsearch
# stays in development mode (no production bootstrap checks).
network.host: 127.0.0.1
http.port: $ES_PORT
# Explicit so that two nodes (e.g. 9200 and 9201) never fight over 9300.
transport.port: $ES_TRANSPORT_PORT
$(discovery_settings)
path.data: '$NODE_DIR/data'
path.logs: '$LOG_DIR'
# A nearly full dev disk must not make indices read-only mid-test.
cluster.routing.allocation.disk.threshold_enabled: false
# Tests delete indices by wildcard (test_*).
action.destructive_requires_name: false
$security
EOF
    if is_root; then chown -R "$ES_USER:$ES_USER" "$NODE_DIR"; fi
}

setup() {   # after resolve_base create
    ensure_cmds unzip:unzip curl:curl runuser:util-linux setsid:util-linux flock:util-linux
    find_jdk
    ensure_hunspell
    install_dist
    configure_node
}

# ------------------------------------------------------------------ probing

# port_open PORT — does anything accept connections on 127.0.0.1:PORT?
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# node_pid — pid from our pid file if that process is alive and is
# Elasticsearch (guards against a stale file and a recycled pid).
node_pid() {
    local pid
    [[ -r $PID_FILE ]] || return 1
    pid=$(tr -dc '0-9' <"$PID_FILE")
    [[ -n $pid && -r /proc/$pid/cmdline ]] || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q 'org\.elasticsearch' || return 1
    printf '%s\n' "$pid"
}

# health — GET /_cluster/health (GET / is absent in this distribution).
health() { curl -sS --max-time 10 "$URL/_cluster/health" 2>/dev/null; }

# is_ours_healthy — is our cluster answering on ES_PORT, at least yellow?
is_ours_healthy() {
    local body
    body=$(curl -fsS --max-time 10 "$URL/_cluster/health?wait_for_status=yellow&timeout=1s" 2>/dev/null) || return 1
    [[ $body == *"\"cluster_name\":\"$CLUSTER_NAME\""* ]]
}

log_tail() {
    local f
    for f in "$LOG_DIR/$CLUSTER_NAME.log" "$NODE_DIR/launcher.log"; do
        if [[ -s $f ]]; then
            say "----- last lines of $f -----"
            tail -n 40 "$f" >&2
        fi
    done
}

# ------------------------------------------------------------------ commands

announce() {   # announce started|already-running — tell callers what happened
    say "$1"
    if [[ -n ${ES_STARTED_FILE:-} ]]; then
        if [[ $1 == started ]]; then echo 1 >"$ES_STARTED_FILE"; else echo 0 >"$ES_STARTED_FILE"; fi
    fi
    printf '%s\n' "$URL"
}

# wait_healthy PID_OF_LAUNCHER — dots on stderr until yellow; returns 1 on
# failure/timeout.
wait_healthy() {
    local launcher=${1:-} t0=$SECONDS deadline=$((SECONDS + ES_START_TIMEOUT)) rc
    printf 'es-node: waiting for %s to turn yellow ' "$URL" >&2
    while :; do
        if is_ours_healthy; then printf ' ok (%ss)\n' "$((SECONDS - t0))" >&2; return 0; fi
        # The `-d` launcher exits once the node is up, or non-zero if it failed.
        if [[ -n $launcher ]] && ! kill -0 "$launcher" 2>/dev/null; then
            rc=0; wait "$launcher" || rc=$?
            launcher=""
            if [[ $rc -ne 0 ]]; then printf ' failed\n' >&2; say "es-node: launcher exited with $rc"; return 1; fi
        fi
        if [[ -z $launcher ]] && ! node_pid >/dev/null; then
            printf ' failed\n' >&2; say "es-node: the node process is gone"; return 1
        fi
        if ((SECONDS >= deadline)); then
            printf ' timeout\n' >&2; say "es-node: not healthy after ${ES_START_TIMEOUT}s"; return 1
        fi
        printf '.' >&2
        sleep 1
    done
}

lock() {   # serialise start/stop/fetch (e.g. parallel make targets)
    exec 9>"$BASE/.lock-$ES_PORT"
    flock -w 300 9 || die "timed out waiting for another es-node.sh on port $ES_PORT"
}

cmd_start() {
    local pid body launcher
    resolve_base create
    lock
    if pid=$(node_pid); then
        # Ours, running: wait for it if it is still starting.
        if is_ours_healthy || wait_healthy ""; then
            say "es-node: already running (pid $pid) at $URL"
            announce already-running; return 0
        fi
        log_tail; die "our node (pid $pid) is running but not healthy; try: $0 restart"
    fi
    if port_open "$ES_PORT"; then
        if is_ours_healthy; then
            # A pioneer-exchange node from another checkout/ES_BASE: same
            # settings, usable; `stop` here will not touch it.
            say "es-node: a $CLUSTER_NAME node is already running at $URL (not started from $NODE_DIR)"
            announce already-running; return 0
        fi
        body=$(health | tr -s ' \t\r\n' ' ' | head -c 160 || true)
        die "port $ES_PORT is in use by something else${body:+ (it answered: $body)}; stop it or set ES_PORT"
    fi
    if port_open "$ES_TRANSPORT_PORT"; then
        die "transport port $ES_TRANSPORT_PORT is in use; stop that or set ES_TRANSPORT_PORT"
    fi

    setup
    rm -f "$PID_FILE"
    say "es-node: starting Elasticsearch $ES_VERSION (java $(java_major "$JDK/bin/java"), heap $ES_HEAP) from $NODE_DIR"
    local -a cmd=(env "ES_JAVA_HOME=$JDK" "ES_PATH_CONF=$CONF_DIR" "$ES_HOME/bin/elasticsearch" -d -p "$PID_FILE")
    if is_root; then cmd=(runuser -u "$ES_USER" -- "${cmd[@]}"); fi
    # setsid: the node gets its own session, so a Ctrl-C in the calling
    # terminal or make does not kill it. The launcher runs in the background
    # so we can show progress while it waits for the node.
    ( cd "$ES_HOME" && exec setsid -w "${cmd[@]}" ) >"$NODE_DIR/launcher.log" 2>&1 </dev/null &
    launcher=$!
    if ! wait_healthy "$launcher"; then
        log_tail
        # Do not leave a half-started node behind.
        if pid=$(node_pid); then kill -TERM "$pid" 2>/dev/null || true; fi
        exit 1
    fi
    announce started
}

cmd_stop() {
    local pid i
    resolve_base
    if [[ -d $BASE ]]; then lock; fi
    if ! pid=$(node_pid); then
        rm -f "$PID_FILE"
        if is_ours_healthy; then
            die "a $CLUSTER_NAME node answers at $URL but was not started from $NODE_DIR; not stopping it"
        fi
        say "es-node: not running"
        return 0
    fi
    printf 'es-node: stopping pid %s ' "$pid" >&2
    kill -TERM "$pid"
    for ((i = 0; i < 60; i++)); do
        [[ -d /proc/$pid ]] || break
        printf '.' >&2; sleep 1
    done
    if [[ -d /proc/$pid ]]; then
        printf ' (forcing)' >&2
        kill -KILL "$pid" 2>/dev/null || true
        while [[ -d /proc/$pid ]]; do sleep 0.2; done
    fi
    rm -f "$PID_FILE"
    printf ' stopped\n' >&2
}

cmd_status() {
    local pid="" body st
    resolve_base
    pid=$(node_pid) || pid=""
    if body=$(health) && [[ $body == *"\"cluster_name\":\"$CLUSTER_NAME\""* ]]; then
        st=$(sed -n 's/.*"status":"\([a-z]*\)".*/\1/p' <<<"$body")
        if [[ -n $pid ]]; then pid=", pid $pid"; else pid=" (not started from $NODE_DIR)"; fi
        echo "running: $URL, status ${st:-unknown}$pid"
        return 0
    fi
    if [[ -n $pid ]]; then
        echo "not running: process $pid exists but $URL does not answer yet (starting or hung)"
    else
        echo "not running"
    fi
    return 1
}

cmd_logs() {
    resolve_base
    local f="$LOG_DIR/$CLUSTER_NAME.log"
    [[ -r $f ]] || die "no log at $f"
    tail -n "${LINES_TO_SHOW:-60}" "$f"
}

# cluster-start — every member of ES_CLUSTER_PORTS started at once (a member waits for a quorum
# before it answers), then wait until the cluster is green with every node.
cmd_cluster_start() {
    local port pid pids=() failed=0 count first ports=()
    export ES_CLUSTER_PORTS=${ES_CLUSTER_PORTS:-9260 9261 9262}
    read -r -a ports <<<"$ES_CLUSTER_PORTS"
    count=${#ports[@]} first=${ports[0]}
    say "es-node: starting a $count-node cluster on ports $ES_CLUSTER_PORTS"
    for port in "${ports[@]}"; do
        ES_PORT=$port ES_TRANSPORT_PORT=$((port + 100)) ES_STARTED_FILE="" "$0" start >/dev/null &
        pids+=($!)
    done
    for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
    [[ $failed -eq 0 ]] || die "a member of the cluster did not start (see the lines above)"
    curl -fsS --max-time 130 "http://127.0.0.1:$first/_cluster/health?wait_for_nodes=$count&wait_for_status=green&timeout=120s" \
        >/dev/null || die "the cluster did not reach $count nodes and green"
    say "es-node: cluster of $count nodes is green"
    for port in "${ports[@]}"; do printf 'http://127.0.0.1:%s\n' "$port"; done
}

cmd_cluster_stop() {
    local port
    export ES_CLUSTER_PORTS=${ES_CLUSTER_PORTS:-9260 9261 9262}
    for port in $ES_CLUSTER_PORTS; do
        ES_PORT=$port ES_TRANSPORT_PORT=$((port + 100)) "$0" stop || true
    done
}

case ${1:-} in
    start) cmd_start ;;
    cluster-start) cmd_cluster_start ;;
    cluster-stop) cmd_cluster_stop ;;
    stop) cmd_stop ;;
    restart) cmd_stop; cmd_start ;;
    status) cmd_status ;;
    url) printf '%s\n' "$URL" ;;
    fetch)
        resolve_base create
        lock
        setup
        say "es-node: installed Elasticsearch $ES_VERSION in $ES_HOME, node config in $CONF_DIR"
        ;;
    logs) cmd_logs ;;
    help | -h | --help) usage ;;
    *) usage >&2; exit 2 ;;
esac
