#!/usr/bin/env bash
# Interleaved A/B of the API's cold start and warm overhead between two builds, round after round: each round starts
# FirstRequest (Lambda's JIT flags) from build A, then from build B.
#
#   bench/coldstart-ab.sh cold|warm ROUNDS DATABASE_URL BUILD_A BUILD_B
#
# A build is a checkout (a git worktree) where functions/api/target/classes and functions/api/target/dependency are
# laid out as the Makefile does (./mvnw -pl functions/api -am package dependency:copy-dependencies
# -DincludeScope=runtime -DskipTests) and bench/target/classes is compiled. DATABASE_URL is a migrated database
# holding the user usr_bob0000000000000 (ColdStartBench prepares one the same way).
# cold: milliseconds from the start of the JVM to its "response" line (the first GET /users/{id}, a cache miss).
# warm: WarmOverhead's ratio (handler p50 / Jackson-alone p50) of each of its five rounds; the median per JVM.
set -euo pipefail
mode=$1 rounds=$2 url=$3 a=$4 b=$5
user=usr_bob0000000000000
classpath() {
    local jars
    jars=$(find "$1/functions/api/target/dependency" -name '*.jar' | sort | paste -sd:)
    echo "$1/functions/api/target/classes:$jars:$1/bench/target/classes"
}
run() {
    local start line
    if [[ $mode == cold ]]; then
        start=$(date +%s%N)
        while IFS= read -r line; do
            if [[ $line == response* ]]; then
                echo $((($(date +%s%N) - start) / 1000000))
            fi
        done < <(env -u REDIS_URL -u STAGE DATABASE_URL="$url" java -XX:+TieredCompilation -XX:TieredStopAtLevel=1 \
            -cp "$1" dev.starterkit.bench.coldstart.FirstRequest "$user" 2> /dev/null)
    else
        env -u REDIS_URL -u STAGE DATABASE_URL="$url" java -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -cp "$1" \
            dev.starterkit.bench.coldstart.FirstRequest "$user" warm 2> /dev/null \
            | awk '$1 == "warm" { print $2 / $3 }' | sort -n | sed -n 3p
    fi
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] " (" v[1] " - " v[NR] ")" }'; }
cp_a=$(classpath "$a") cp_b=$(classpath "$b")
out=$(mktemp)
for round in $(seq "$rounds"); do
    ra=$(run "$cp_a") rb=$(run "$cp_b")
    echo "$round $ra $rb $(cut -d' ' -f1 /proc/loadavg)" | tee -a "$out"
done
echo "A: $(awk '{ print $2 }' "$out" | median)"
echo "B: $(awk '{ print $3 }' "$out" | median)"
echo "B / A per round: $(awk '{ printf "%.3f\n", $3 / $2 }' "$out" | median)"
echo "load average (1 min) during the rounds: $(awk '{ print $4 }' "$out" | sort -n | sed -n '1p;$p' | paste -sd-)"
