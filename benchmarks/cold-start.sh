#!/usr/bin/env bash
# Cold start: JVM start to the first decision printed by `forebygg evaluate` on one case.
# Usage: benchmarks/cold-start.sh [RUNS]   (default 10; needs cli/target/forebygg.jar)
# Uses hyperfine when installed (apt-get install -y hyperfine), else times RUNS runs itself.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
jar=cli/target/forebygg.jar
[ -f "$jar" ] || { echo "cold-start: build first: ./mvnw -B -q package -DskipTests -pl cli -am" >&2; exit 1; }
case_file=$(mktemp --suffix=.json)
table=$(mktemp --suffix=.md)
trap 'rm -f "$case_file" "$table"' EXIT
head -n 2 examples/data/demo-cases.jsonl | tail -n 1 > "$case_file"
cmd="java ${COLD_START_JAVA_OPTS:-} -jar $jar evaluate $case_file"
$cmd > /dev/null   # fails loudly if the command does not work
if command -v hyperfine > /dev/null; then
  # The table goes to a file first: hyperfine truncates what it exports to, and /dev/stdout may be a log.
  hyperfine --warmup 1 --runs "$runs" --export-markdown "$table" --style none "$cmd" > /dev/null
  cat "$table"
else
  total=0
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    $cmd > /dev/null
    total=$((total + $(date +%s%N) - start))
  done
  echo "cold start: mean $((total / runs / 1000000)) ms over $runs runs: $cmd"
fi
