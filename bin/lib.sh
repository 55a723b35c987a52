# Shared by the launchers in bin/: finds the project root and builds the tools when their sources changed.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PROJECT_ROOT="$ROOT"

# Rebuilds tools/ (and what it depends on) when any source, migration, seed or POM is newer than the last build.
# With "all", every module is built (bin/invoke runs any function of the template).
build_tools() {
    local scope="${1:-tools}"
    local stamp="$ROOT/tools/target/.built-$scope"
    if [[ -f "$stamp" && -f "$ROOT/tools/target/classpath.txt" ]] && [[ -z "$(find "$ROOT/pom.xml" \
        "$ROOT/shared-db" "$ROOT/tools" "$ROOT/functions" "$ROOT/migrations" "$ROOT/seeds" \
        -path '*/target' -prune -o -newer "$stamp" -type f -print -quit 2>/dev/null)" ]]; then
        return 0
    fi
    echo "Building the tools (first run, or sources changed)..." >&2
    local modules=(-pl tools -am)
    [[ "$scope" == all ]] && modules=()
    (cd "$ROOT" && ./mvnw -q -B "${modules[@]}" package -DskipTests -Dcheckstyle.skip) >&2 || {
        echo "Build failed: run ./mvnw -pl tools -am package to see why." >&2
        exit 1
    }
    touch "$stamp"
}

tools_classpath() {
    echo "$ROOT/tools/target/classes:$(cat "$ROOT/tools/target/classpath.txt")"
}
