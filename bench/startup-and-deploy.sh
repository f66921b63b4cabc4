#!/usr/bin/env bash
# Startup and hot-deploy benchmark: cold/warm start, copy -> 200, delete -> 404, idle RSS.
# Usage: bench/startup-and-deploy.sh [ROUNDS]   (after: mvn -B -q install -DskipTests)
set -euo pipefail
source "$(dirname "$0")/build-outputs.sh"
echo "AI Base startup and deploy benchmark ($(nproc) cores, $(java -version 2>&1 | head -1))" >&2
exec java bench/StartupAndDeploy.java "$runtime" "$plugin" "${1:-20}"
