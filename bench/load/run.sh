#!/usr/bin/env bash
# bench/load/run.sh [--envs 2] [--connections 4] [--duration 30s] [--rounds 3] [--baseline 5s] [--warmup 10s]
#                   [--db load_bench] [--keep-db] [--reads-only]
#
# A load run against bin/dev's server (not a test, never in CI): builds what bin/dev needs, creates a fresh database
# on the shared PostgreSQL, starts bin/dev on a free port with --envs N and the shared Redis, signs in seeded users,
# then runs wrk with bench/load/mix.lua (mostly cached reads, some writes, rare sign-ins):
#   1. warm-up, not counted: the mix, then the mix with Cache-Control: no-cache (--warmup each); creates every
#      execution environment, fills the cache, compiles both paths;
#   2. the mix for --duration, sampling pg_stat_activity once a second (connections to the database by
#      application_name: one per execution environment, so exactly N per function once all exist);
#   3. baseline: --rounds rounds of the mix and the mix with Cache-Control: no-cache (every cacheable read goes to
#      PostgreSQL), --baseline each, interleaved; the cache's effect is the median of the rounds' ratios;
#   4. floor: GET /health (one SELECT 1, no cache) for --baseline.
# --reads-only leaves the writes and sign-ins out of the mix: the cache's best case.
# Prints one summary; exits 1 when a request failed (a 5xx, an unexpected 4xx, a socket error or timeout), when a
# function held more than N connections in any sample, or when anything else held a connection to the database.
#
# Needs wrk (Debian: apt-get install -y wrk; installed automatically when running as root with apt-get), psql, curl,
# and redis-cli (to remove this run's cache keys). The shared Redis is never flushed: only the keys of this run's
# database (its hash tag, derived like QueryCaches.databaseId) are removed, before and after.
#
# Environment: LOAD_PGHOST (127.0.0.1), LOAD_PGPORT (5432), LOAD_PGUSER (postgres, trust auth), REDIS_URL
# (redis://127.0.0.1:6379).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"

ENVS=2
CONNECTIONS=4
DURATION=30s
BASELINE=5s
WARMUP=10s
ROUNDS=3
DB=load_bench
KEEP_DB=false
while [[ $# -gt 0 ]]; do
    case "$1" in
        --envs) ENVS="$2"; shift 2 ;;
        --connections) CONNECTIONS="$2"; shift 2 ;;
        --duration) DURATION="$2"; shift 2 ;;
        --baseline) BASELINE="$2"; shift 2 ;;
        --rounds) ROUNDS="$2"; shift 2 ;;
        --warmup) WARMUP="$2"; shift 2 ;;
        --db) DB="$2"; shift 2 ;;
        --keep-db) KEEP_DB=true; shift ;;
        --reads-only) export LOAD_ONLY=reads; shift ;;
        *) sed -n '2,3p' "${BASH_SOURCE[0]}" | cut -c3- >&2; exit 2 ;;
    esac
done
[[ "$DB" =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "--db must be a plain lower-case identifier" >&2; exit 2; }

PGHOST_="${LOAD_PGHOST:-127.0.0.1}"
PGPORT_="${LOAD_PGPORT:-5432}"
PGUSER_="${LOAD_PGUSER:-postgres}"
REDIS="${REDIS_URL:-redis://127.0.0.1:6379}"
PASSWORD=password123 # the dev seeds' password for every sample user (seeds/dev/01-credentials.sql)
OUT="$ROOT/bench/target/load/$(date +%Y%m%dT%H%M%S)"
mkdir -p "$OUT"

log() { printf '[load] %s\n' "$*" >&2; }
psql_admin() { psql -h "$PGHOST_" -p "$PGPORT_" -U "$PGUSER_" -d postgres -XAtq -v ON_ERROR_STOP=1 "$@"; }

require_tools() {
    if ! command -v wrk >/dev/null; then
        if [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null; then
            log "installing wrk (apt-get install -y wrk)"
            apt-get install -y wrk >/dev/null || { apt-get update -q >/dev/null && apt-get install -y wrk >/dev/null; }
        else
            echo "wrk is missing: install it with 'sudo apt-get install -y wrk' (Debian/Ubuntu)" >&2
            exit 1
        fi
    fi
    for tool in psql curl; do
        command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 1; }
    done
}

# The cache's hash tag for this database: the first 8 bytes of SHA-256 of "<jdbc url>|<user>|<schema>"
# (QueryCaches.databaseId). Every key of the database sits under qc:{<tag>}: and nothing else does.
CACHE_TAG="$(printf '%s' "jdbc:postgresql://$PGHOST_:$PGPORT_/$DB|$PGUSER_|" | sha256sum | cut -c1-16)"

remove_cache_keys() {
    command -v redis-cli >/dev/null || { log "redis-cli missing: left the keys qc:{$CACHE_TAG}:* in Redis"; return; }
    local keys
    keys="$(redis-cli -u "$REDIS" --scan --pattern "qc:{$CACHE_TAG}:*" | wc -l)"
    redis-cli -u "$REDIS" --scan --pattern "qc:{$CACHE_TAG}:*" | xargs -r -n 100 redis-cli -u "$REDIS" unlink \
        >/dev/null
    log "removed $keys cache keys of $DB (qc:{$CACHE_TAG}:*) from $REDIS $1"
}

DEV_PID=""
SAMPLER_PID=""
cleanup() {
    [[ -n "$SAMPLER_PID" ]] && kill "$SAMPLER_PID" 2>/dev/null || true
    if [[ -n "$DEV_PID" ]] && kill -0 "$DEV_PID" 2>/dev/null; then
        kill "$DEV_PID" && wait "$DEV_PID" 2>/dev/null || true
    fi
    if [[ -n "$DEV_PID" ]]; then
        log "after bin/dev stopped: $(psql_admin -c "SELECT count(*) FROM pg_stat_activity WHERE datname = '$DB'") \
connections to $DB"
    fi
    if [[ "$KEEP_DB" == false ]]; then
        psql_admin -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" || true
    fi
    remove_cache_keys "(after)"
}

start_server() {
    psql_admin -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
    remove_cache_keys "(before: the database is new, its old entries must not be served)"
    trap cleanup EXIT
    log "starting bin/dev --envs $ENVS (log: $OUT/dev.log)"
    DATABASE_URL="postgres://$PGUSER_@$PGHOST_:$PGPORT_/$DB" REDIS_URL="$REDIS" \
        "$ROOT/bin/dev" --port 0 --envs "$ENVS" >"$OUT/dev.log" 2>&1 &
    DEV_PID=$!
    local port=""
    for _ in $(seq 1 240); do
        kill -0 "$DEV_PID" 2>/dev/null || { cat "$OUT/dev.log" >&2; echo "bin/dev stopped" >&2; exit 1; }
        port="$(sed -n 's|^API on http://127.0.0.1:\([0-9]*\) .*|\1|p' "$OUT/dev.log")"
        [[ -n "$port" ]] && break
        sleep 0.5
    done
    [[ -n "$port" ]] || { echo "bin/dev did not start within 2 minutes" >&2; exit 1; }
    URL="http://127.0.0.1:$port"
    for _ in $(seq 1 60); do
        [[ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/health")" == 200 ]] && return
        sleep 0.5
    done
    echo "$URL/health never answered 200" >&2
    exit 1
}

# "token:userId:slug" for users who belong to the organization named: owners, an admin and plain members.
sign_in_users() {
    local spec email id slug body token
    LOAD_USERS=""
    for spec in alice:usr_alice00000000000:acme bob:usr_bob0000000000000:acme diana:usr_diana00000000000:globex \
        eve:usr_eve0000000000000:globex henry:usr_henry00000000000:initech; do
        IFS=: read -r email id slug <<<"$spec"
        body="$(curl -s -X POST "$URL/auth/sign-in" -H 'content-type: application/json' \
            -d "{\"email\":\"$email@example.com\",\"password\":\"$PASSWORD\"}")"
        token="$(sed -n 's/.*"token":"\([^"]*\)".*/\1/p' <<<"$body")"
        [[ -n "$token" ]] || { echo "sign-in of $email@example.com failed" >&2; exit 1; }
        LOAD_USERS+="$token:$id:$slug "
    done
    export LOAD_USERS LOAD_PASSWORD="$PASSWORD"
    export LOAD_EMAILS="alice@example.com bob@example.com diana@example.com eve@example.com henry@example.com"
}

sample_connections() {
    local n=0
    while true; do
        n=$((n + 1))
        psql_admin -F ' ' -c "SELECT $n, coalesce(nullif(application_name, ''), '(none)'), count(*)
            FROM pg_stat_activity WHERE datname = '$DB' GROUP BY 2" || true
        sleep 1
    done
}

# run_wrk <name> <duration> [VAR=value...]: one wrk invocation over mix.lua, results in $OUT/<name>.txt
# (also records the CPU time bin/dev's JVM used per request, from /proc)
run_wrk() {
    local name="$1" duration="$2" before after
    shift 2
    log "wrk $name: $CONNECTIONS connections, $duration"
    before="$(jvm_ticks)"
    env "$@" LOAD_RUN="$name$(date +%s)" LOAD_RESULT="$OUT/$name.txt" \
        wrk -t "$CONNECTIONS" -c "$CONNECTIONS" -d "$duration" --timeout 10s -s "$HERE/mix.lua" "$URL" \
        >"$OUT/$name.log" 2>&1 || { cat "$OUT/$name.log" >&2; exit 1; }
    after="$(jvm_ticks)"
    awk -v t="$((after - before))" -v hz="$(getconf CLK_TCK)" '$1 == "requests" && $2 > 0 {
        printf "jvm_cpu_ms %.2f\n", t * 1000 / hz / $2 }' "$OUT/$name.txt" >>"$OUT/$name.txt"
    sed -n '/^kind /,$p' "$OUT/$name.log" >&2
}

jvm_ticks() { awk '{ print $14 + $15 }' "/proc/$DEV_PID/stat"; }

value() { awk -v k="$2" '$1 == k { print $2 }' "$OUT/$1.txt"; }

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# the median over the rounds of one figure of one mode (mix or nocache), or of the mix/no-cache ratio of a figure
rounds_median() {
    local key="$1" mode="$2" round
    for round in $(seq 1 "$ROUNDS"); do
        case "$mode" in
            ratio) awk -v a="$(value "round$round-mix" "$key")" -v b="$(value "round$round-nocache" "$key")" \
                'BEGIN { printf "%.2f\n", a / b }' ;;
            *) value "round$round-$mode" "$key" ;;
        esac
    done | median
}

phase_errors() {
    local total=0 file
    for file in "$OUT"/*.txt; do
        [[ "$file" == */connections.txt ]] && continue
        total=$((total + $(awk '$1 == "errors" { print $2 }' "$file")))
    done
    echo "$total"
}

# held <function>: the distinct counts of its connections over the samples, e.g. "2" or "1/2"
held() { awk -v f="$1" '$2 == f { print $3 }' "$OUT/connections.txt" | sort -n | uniq | paste -sd/; }

summarize() {
    local functions=(AuthFunction OrganizationsFunction UsersFunction) ok=true name others row
    printf '\nLoad run %s: bin/dev --envs %s; wrk %s connections (one per thread); %s cores shared with the server,\n' \
        "$(date -u +%FT%TZ)" "$ENVS" "$CONNECTIONS" "$(nproc)"
    printf 'PostgreSQL, Redis and wrk (and whatever else runs on the machine)\n\n'
    printf '%-22s %14s %16s %16s %14s\n' "" "mix, $DURATION" "rounds: mix" "rounds: no-cache" "GET /health"
    for row in "rps:throughput req/s" "p50_ms:p50 ms" "p90_ms:p90 ms" "p99_ms:p99 ms" "errors:errors" \
        "hit_ratio:x-cache hit ratio" "requests:requests" "jvm_cpu_ms:JVM CPU ms/request"; do
        printf '%-22s %14s %16s %16s %14s\n' "${row#*:}" "$(value mix "${row%%:*}")" \
            "$(rounds_median "${row%%:*}" mix)" "$(rounds_median "${row%%:*}" nocache)" "$(value health "${row%%:*}")"
    done
    printf '(rounds: %s interleaved rounds of %s each, median of the rounds; the warm-ups ran both modes first)\n' \
        "$ROUNDS" "$BASELINE"
    printf 'cache effect, mix / no-cache per round: throughput %s, p50 %s -> median %sx and %sx\n' \
        "$(for r in $(seq 1 "$ROUNDS"); do awk -v a="$(value "round$r-mix" rps)" \
            -v b="$(value "round$r-nocache" rps)" 'BEGIN { printf "%.2fx ", a / b }'; done)" \
        "$(for r in $(seq 1 "$ROUNDS"); do awk -v a="$(value "round$r-mix" p50_ms)" \
            -v b="$(value "round$r-nocache" p50_ms)" 'BEGIN { printf "%.2fx ", a / b }'; done)" \
        "$(rounds_median rps ratio)" "$(rounds_median p50_ms ratio)"
    printf 'errors over every phase (warm-ups, mix, rounds, health): %s\n' "$(phase_errors)"
    printf 'connections held during the %s mix (%s samples of pg_stat_activity for %s; expected %s per function):\n' \
        "$DURATION" "$(awk '{ print $1 }' "$OUT/connections.txt" | sort -u | wc -l)" "$DB" "$ENVS"
    for name in "${functions[@]}"; do
        printf '  %-22s %s\n' "$name" "$(held "$name")"
        if [[ "$(held "$name" | tr / '\n' | sort -n | tail -1)" -gt "$ENVS" ]]; then
            ok=false # more connections than execution environments: a leak
        elif [[ "$(held "$name")" != "$ENVS" ]]; then
            printf '    (fewer than %s in some samples: environments are created on demand, when all are busy)\n' "$ENVS"
        fi
    done
    others="$(awk '{ print $2 }' "$OUT/connections.txt" | sort -u | grep -v -x -F -e AuthFunction \
        -e OrganizationsFunction -e UsersFunction | paste -sd' ' || true)"
    printf '  %-22s %s\n' "any other" "${others:-none}"
    [[ -z "$others" ]] || ok=false
    [[ "$(phase_errors)" == 0 ]] || ok=false
    printf 'files: %s\n' "$OUT"
    if [[ "$ok" == true ]]; then
        echo "OK: zero errors; no function held more connections than its $ENVS execution environments"
    else
        echo "FAILED: errors, or more connections than $ENVS per function, or other connections (see above)"
        return 1
    fi
}

require_tools
(source "$ROOT/bin/lib.sh" && build_tools) # bin/dev's build step: a no-op when nothing changed since the last build
start_server
sign_in_users
run_wrk warmup "$WARMUP"
run_wrk warmup-nocache "$WARMUP" LOAD_NO_CACHE=1
sample_connections >"$OUT/connections.txt" 2>/dev/null &
SAMPLER_PID=$!
run_wrk mix "$DURATION"
kill "$SAMPLER_PID" 2>/dev/null || true
SAMPLER_PID=""
for round in $(seq 1 "$ROUNDS"); do
    run_wrk "round$round-mix" "$BASELINE"
    run_wrk "round$round-nocache" "$BASELINE" LOAD_NO_CACHE=1
done
run_wrk health "$BASELINE" LOAD_ONLY=health
summarize
