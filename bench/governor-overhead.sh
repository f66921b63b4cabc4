#!/usr/bin/env bash
# What the governor costs on hello: requests/s with it on and off.
# Usage: bench/governor-overhead.sh [SECONDS_PER_ROUND] [ROUNDS]   (after: mvn -B -q install -DskipTests)
set -euo pipefail
source "$(dirname "$0")/build-outputs.sh"
echo "AI Base governor overhead ($(nproc) cores, $(java -version 2>&1 | head -1))" >&2
exec java bench/GovernorOverhead.java "$runtime" "$plugin" "${1:-10}" "${2:-3}"
