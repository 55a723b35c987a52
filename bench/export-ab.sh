#!/usr/bin/env bash
# Interleaved A/B of the export: pg_dump --format=plain | gzip, then ExportToFile from two builds, round after round,
# each under /usr/bin/time (wall seconds and user+sys CPU seconds of the whole pipeline), then the medians.
#
#   bench/export-ab.sh ROUNDS DATABASE_URL BUILD_A BUILD_B [CPU_LIST]
#
# A build is a directory holding bench/target/classes and bench/target/classpath.txt (copy them, with the jars they
# name, aside before rebuilding). CPU_LIST pins every process to those CPUs (taskset -c), e.g. 0 for one core;
# build B then runs twice, the second time told it has two processors (-XX:ActiveProcessorCount=2).
set -euo pipefail
rounds=$1 url=$2 a=$3 b=$4 pin=${5:+taskset -c $5}
out=$(mktemp -d)
jvm() {
    echo "$pin java $1 -Xmx64m -XX:+UseSerialGC -cp $2/bench/target/classes:$(cat "$2/bench/target/classpath.txt")"
}
run() {
    local name=$1 command=$2 start end
    start=$(date +%s.%N)
    /usr/bin/time -f "%U %S" -o "$out/time" bash -o pipefail -c "$command" > /dev/null
    end=$(date +%s.%N)
    printf "%s %.2f %s %s\n" "$name" "$(echo "$end - $start" | bc)" "$(awk '{print $1 + $2}' "$out/time")" \
        "$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$out/results"
}
file() { case $1 in pg_dump) echo pg.sql.gz;; A) echo a.sql.gz;; B) echo b.sql.gz;; *) echo b2.sql.gz;; esac; }
main=dev.starterkit.bench.export.ExportToFile
for _ in $(seq "$rounds"); do
    run pg_dump "$pin pg_dump --format=plain --dbname=$url | $pin gzip > $out/pg.sql.gz"
    run A "$(jvm "" "$a") $main $url $out/a.sql.gz full 1"
    run B "$(jvm "" "$b") $main $url $out/b.sql.gz full 1"
    if [[ -n $pin ]]; then
        run B-2-threads "$(jvm -XX:ActiveProcessorCount=2 "$b") $main $url $out/b2.sql.gz full 1"
    fi
done
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
column() { awk -v n="$1" -v c="$2" '$1 == n { print $c }' "$out/results"; }
printf "%-12s %14s %13s %12s %12s\n" command "median wall s" "median cpu s" "load1" bytes
for name in pg_dump A B B-2-threads; do
    [[ -f $out/$(file "$name") ]] || continue
    printf "%-12s %14s %13s %12s %12s\n" "$name" "$(column "$name" 2 | median)" "$(column "$name" 3 | median)" \
        "$(column "$name" 4 | sort -n | sed -n '1p;$p' | paste -sd-)" "$(stat -c %s "$out/$(file "$name")")"
done
rm -rf "$out"
