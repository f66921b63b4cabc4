#!/usr/bin/env bash
# Analytics throughput: statistics + data quality on ROWS x 10 columns from the JSON bytes of a
# POST /analyze body, and the seed's pandas code on the same bytes when python3 has pandas.
# Then, when the runtime is built, POST /analyze of RECORDS records to the job completed, against a
# launched runtime with the built analytics plugin.
# Usage: bench/analytics.sh [ROWS] [ROUNDS] [RECORDS]
#   (after: mvn -B -q package -DskipTests -pl example-plugins/analytics -am; for the HTTP part mvn -B -q install -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
classes=example-plugins/analytics/target/classes
if [ ! -d "$classes/org" ]; then
  echo "Build first: mvn -B -q package -DskipTests -pl example-plugins/analytics -am" >&2
  exit 2
fi
repo="${MAVEN_REPO:-$HOME/.m2/repository}"
jackson=$(sed -n 's:.*<jackson.version>\(.*\)</jackson.version>.*:\1:p' pom.xml)
cp="$classes"
for a in core databind annotations; do
  cp="$cp:$repo/com/fasterxml/jackson/core/jackson-$a/$jackson/jackson-$a-$jackson.jar"
done
python=-
for candidate in python3 /usr/bin/python3; do
  if command -v "$candidate" >/dev/null && "$candidate" -c 'import pandas' 2>/dev/null; then python=$candidate; break; fi
done
[ "$python" = - ] && echo "(python3 with pandas not found: pandas is not timed; Debian: apt-get install python3-pandas)" >&2
echo "AI Base analytics benchmark ($(nproc) cores, $(java -version 2>&1 | head -1))" >&2
java -Xmx4g -cp "$cp" bench/AnalyticsThroughput.java "${1:-1000000}" "${2:-5}" "$python"

runtime=runtime/target/aibase-runtime.jar
plugin=runtime/target/plugins/analytics.jar
[ -f "$plugin" ] || plugin=deploy/analytics.jar
if [ ! -f "$runtime" ] || [ ! -f "$plugin" ]; then
  echo "(the runtime or analytics.jar is not built: POST /analyze is not timed; build with mvn -B -q install -DskipTests)" >&2
  exit 0
fi
echo
classes_out=$(mktemp -d)
trap 'rm -rf "$classes_out"' EXIT
javac -d "$classes_out" -cp "$cp" bench/AnalyticsThroughput.java bench/AnalyticsHttp.java
java -cp "$classes_out:$cp" AnalyticsHttp "$runtime" "$plugin" "${3:-10000}" 10
