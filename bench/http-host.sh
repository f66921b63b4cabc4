#!/usr/bin/env bash
# HTTP host benchmark: deploy latency with 1, 10 and 30 plugins active; hello updated under load;
# resident memory per plugin; hello's throughput with the governor on and off against bare Jersey
# on Jetty (bench/bare-jersey); MCP: a dropped plugin's tool in tools/list, and tools/call against
# POST /tasks; isolated: a hello clone with security: isolated from rename to its first 200 (its own
# JVM started), that JVM's resident memory, and its throughput and p99 against hello in-process.
# Prints a table with the targets, then the raw figures.
# Usage: bench/http-host.sh [all|deploy|update|rss|throughput|mcp|isolated] [ROUNDS] [SECONDS]
#   ROUNDS: deployments per number of plugins and replacements of hello (default 10 each), and
#           throughput stretches per side (default 8); SECONDS: one throughput stretch (default 6)
#   (after: mvn -B -q install -DskipTests)
#   AIBASE_TREE=DIR measures the build of another checkout; MAVEN_REPO=DIR is Maven's local repository.
#   Load comes from wrk when installed (Debian: apt-get install wrk), else from a Java generator.
set -euo pipefail
part=all
case "${1:-}" in
  all|deploy|update|rss|throughput|mcp|isolated) part=$1; shift ;;
  ''|[0-9]*) ;;
  *) echo "usage: bench/http-host.sh [all|deploy|update|rss|throughput|mcp|isolated] [ROUNDS] [SECONDS]" >&2; exit 2 ;;
esac
rounds=${1:--}
seconds=${2:-6}
source "$(dirname "$0")/build-outputs.sh"
maven=(-B -q)
[ -n "${MAVEN_REPO:-}" ] && maven+=(-Dmaven.repo.local="$MAVEN_REPO")
if [ "$part" = all ] || [ "$part" = throughput ]; then
  # the baseline takes the Jersey, Jackson (and Jetty, when the tree names one) versions of the measured tree
  for property in jersey.version jackson.version jetty.version; do
    version=$(sed -n "s:.*<$property>\(.*\)</$property>.*:\1:p" "$tree/pom.xml" | head -1)
    [ -z "$version" ] || maven+=("-D$property=$version")
  done
  echo "Building bench/bare-jersey (mvn ${maven[*]} package) ..." >&2
  mvn "${maven[@]}" -f bench/bare-jersey/pom.xml package >&2
  command -v wrk >/dev/null || echo "(wrk not found: a Java load generator runs instead; Debian: apt-get install wrk)" >&2
fi
classes=$(mktemp -d)
trap 'rm -rf "$classes"' EXIT
javac -d "$classes" bench/http-host/*.java
echo "AI Base HTTP host benchmark ($(nproc) cores, $(java -version 2>&1 | head -1)), measuring $tree" >&2
java -cp "$classes" HttpHostBench "$runtime" "$plugin" "$PWD/bench/bare-jersey" "$part" "$rounds" "$seconds"
