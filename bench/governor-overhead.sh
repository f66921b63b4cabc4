#!/usr/bin/env bash
# What admission and metering cost on hello: requests/s with the governor on and off.
# Usage: bench/governor-overhead.sh [SECONDS_PER_ROUND] [ROUNDS]   (after: mvn -B -q install -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
runtime=runtime/target/aibase-runtime.jar
plugin=runtime/target/plugins/hello.jar
[ -f "$plugin" ] || plugin=deploy/hello.jar
if [ ! -f "$runtime" ] || [ ! -f "$plugin" ]; then
  echo "Build first: mvn -B -q install -DskipTests" >&2
  exit 2
fi
echo "AI Base governor overhead ($(nproc) cores, $(java -version 2>&1 | head -1))" >&2
exec java bench/GovernorOverhead.java "$runtime" "$plugin" "${1:-10}" "${2:-3}"
