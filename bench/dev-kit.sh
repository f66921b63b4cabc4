#!/usr/bin/env bash
# Developer kit: from "aibase new" to the new plugin's first HTTP 200 in a started runtime, with a warm
# local Maven repository (Maven runs offline). Steps: new (the archetype), mvn package (compile, unit
# tests, bundle, the platform's validator), aibase install (upload to the running runtime), first 200
# of its endpoint. The runtime is started before the clock starts; its start is reported beside.
# Usage: bench/dev-kit.sh [PORT]   (after: mvn -B -q install -DskipTests; target < 120 s)
set -euo pipefail
cd "$(dirname "$0")/.."
runtime=$PWD/runtime/target/aibase-runtime.jar
if [ ! -f "$runtime" ]; then
  echo "Build first: mvn -B -q install -DskipTests" >&2
  exit 2
fi
port=${1:-18731}
work=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ]; then kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

echo "AI Base developer kit benchmark ($(nproc) cores, $(java -version 2>&1 | head -1), $(mvn -v | head -1 | sed 's/\x1b\[[0-9;]*m//g'))" >&2
mkdir -p "$work/home"
t0=$(now)
java -jar "$runtime" run --home "$work/home" --port "$port" > "$work/runtime.log" 2>&1 &
pid=$!
until grep -q "AI Base ready at" "$work/runtime.log"; do
  kill -0 "$pid" 2>/dev/null || { cat "$work/runtime.log" >&2; exit 1; }
  sleep 0.1
done
t_ready=$(now)
key=$(sed -n 's/^admin.api.key=//p' "$work/home/data/credentials.properties")
url=http://127.0.0.1:$port

t1=$(now)
java -jar "$runtime" new bench_plugin --dir "$work" --offline > "$work/new.log" 2>&1 || { cat "$work/new.log" >&2; exit 1; }
t2=$(now)
(cd "$work/bench_plugin" && mvn -B -o -q package > "$work/package.log" 2>&1) || { cat "$work/package.log" >&2; exit 1; }
t3=$(now)
java -jar "$runtime" install "$work/bench_plugin/target/bench_plugin-1.0.0.jar" --url "$url" --key "$key" > "$work/install.log" 2>&1 \
  || { cat "$work/install.log" >&2; exit 1; }
t4=$(now)
until [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $key" "$url/api/v1/bench_plugin/greeting?name=Ada")" = 200 ]; do
  sleep 0.05
done
t5=$(now)

total=$(seconds "$t1" "$t5")
table=$(cat <<TABLE
| step | seconds |
|---|---|
| \`aibase new bench_plugin --offline\` (archetype:generate) | $(seconds "$t1" "$t2") |
| \`mvn -o package\` (compile, unit tests, bundle, validator) | $(seconds "$t2" "$t3") |
| \`aibase install target/bench_plugin-1.0.0.jar\` | $(seconds "$t3" "$t4") |
| first 200 of \`GET /api/v1/bench_plugin/greeting\` after install | $(seconds "$t4" "$t5") |
| **new to first 200** (target < 120) | **$total** |
| (beside: the runtime's start to its ready line) | $(seconds "$t0" "$t_ready") |
TABLE
)
echo "$table"
mkdir -p bench/results
{
  echo "# Developer kit: from \`aibase new\` to the first 200"
  echo
  echo "bench/dev-kit.sh on $(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -1), warm local Maven repository, Maven offline."
  echo "The runtime was started before the clock (its start is shown beside); kind endpoint, default archetype settings."
  echo
  echo "$table"
} > bench/results/dev-kit.md
