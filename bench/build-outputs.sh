# Sourced by the benchmark scripts: finds the built runtime and the hello plugin, or says how to build them.
# AIBASE_TREE=DIR measures the build outputs of another checkout (e.g. a worktree with another HTTP layer).
cd "$(dirname "${BASH_SOURCE[0]}")/.."
tree=$(cd "${AIBASE_TREE:-.}" && pwd)
runtime=$tree/runtime/target/aibase-runtime.jar
plugin=$tree/runtime/target/plugins/hello.jar
[ -f "$plugin" ] || plugin=$tree/deploy/hello.jar
if [ ! -f "$runtime" ] || [ ! -f "$plugin" ]; then
  echo "Build first (in $tree): mvn -B -q install -DskipTests" >&2
  exit 2
fi
