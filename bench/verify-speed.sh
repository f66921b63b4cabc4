#!/usr/bin/env bash
# What the verification by allow-list costs on 1,000 classes, against ASM merely reading them.
# Usage: bench/verify-speed.sh [ROUNDS] [CLASSES]   (after: mvn -B -q install -DskipTests)
set -euo pipefail
source "$(dirname "$0")/build-outputs.sh"
echo "AI Base verification speed ($(nproc) cores, $(java -version 2>&1 | head -1))" >&2
exec java -cp "$runtime" bench/VerifySpeed.java "$runtime" "${1:-20}" "${2:-1000}"
