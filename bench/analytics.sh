#!/usr/bin/env bash
# Analytics throughput: statistics + data quality on ROWS x 10 columns from the JSON bytes of a
# POST /analyze body, and the seed's pandas code on the same bytes when python3 has pandas.
# Usage: bench/analytics.sh [ROWS] [ROUNDS]   (after: mvn -B -q package -DskipTests -pl example-plugins/analytics -am)
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
exec java -Xmx4g -cp "$cp" bench/AnalyticsThroughput.java "${1:-1000000}" "${2:-5}" "$python"
