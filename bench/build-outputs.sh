# Sourced by the benchmark scripts: finds the built runtime and the hello plugin, or says how to build them.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runtime=runtime/target/aibase-runtime.jar
plugin=runtime/target/plugins/hello.jar
[ -f "$plugin" ] || plugin=deploy/hello.jar
if [ ! -f "$runtime" ] || [ ! -f "$plugin" ]; then
  echo "Build first: mvn -B -q install -DskipTests" >&2
  exit 2
fi
