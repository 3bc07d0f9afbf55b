# Shared by scripts/run, scripts/test and scripts/bench. Sourced, not run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Debian's Python: it sees Debian's python3-* packages (the python3 first on PATH may not).
PYTHON=/usr/bin/python3
export DEBIAN_FRONTEND=noninteractive

# What building libaqi, its Python package and the engine needs.
BUILD_PACKAGES=(cmake ninja-build g++ libeigen3-dev libboost-date-time-dev libkainjow-mustache-dev pybind11-dev python3-dev
  python3-numpy python3-pandas libtomlplusplus-dev nlohmann-json3-dev libgtest-dev libbenchmark-dev libglpk-dev)
# What the Release tests need on top (./scripts/test --quick), and the fuzz stage: clang +
# compiler-rt for libFuzzer (tests/fuzz).
QUICK_TEST_PACKAGES=(python3-pytest python3-hypothesis mypy python3-matplotlib fonts-noto-cjk python3-nbclient python3-ipykernel
  python3-dask)
TEST_PACKAGES=("${QUICK_TEST_PACKAGES[@]}" clang libclang-rt-14-dev)

# Installs the packages that are missing, quietly; touches apt only when something is missing.
ensure_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "installing with apt: ${missing[*]}" >&2
  "${sudo[@]}" apt-get update -qq >/dev/null
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Configures and builds a preset; incremental after the first time. Configuring again is a
# few seconds and applies what CMakePresets.json says now to an existing build folder.
build_preset() {
  local preset=$1
  cmake --preset "$preset" -S "$ROOT" >/dev/null
  cmake --build --preset "$preset"
}

preset_dir() {
  case "$1" in
    release) echo "$ROOT/build" ;;
    *) echo "$ROOT/build-$1" ;;
  esac
}

# "12 min 5 s" from seconds.
minutes() {
  local s=$1
  if [ "$s" -ge 60 ]; then echo "$((s / 60)) min $((s % 60)) s"; else echo "$s s"; fi
}

# CHILDREN_CPU := CPU seconds (user + system) of every finished child of this shell so far, from
# `times`. Call it as a command, not in $(…): a subshell would count its own children.
children_cpu() {
  local file
  file=$(mktemp)
  times >"$file"
  CHILDREN_CPU=$(awk 'NR == 2 { t = 0; for (i = 1; i <= 2; i++) { split($i, a, /[ms]/); t += a[1] * 60 + a[2] } printf "%d\n", t + 0.5 }' "$file")
  rm -f "$file"
}

# run_stage NAME COMMAND…: runs one stage of the tests and prints its wall time, the CPU time it
# took (on a machine shared with other work the wall time says little; CPU time much more), and
# how many of its compilations ccache answered (its own, from a per-stage statistics log: other
# builds on the machine share the cache and its global counters).
run_stage() {
  local name=$1
  shift
  local log="$ROOT/build-logs/ccache-$(echo "$name" | tr -c 'a-zA-Z0-9\n' '-' | tr -s '-').log"
  mkdir -p "$ROOT/build-logs"
  rm -f "$log"
  echo "== $name"
  local start=$SECONDS cpu
  children_cpu
  cpu=$CHILDREN_CPU
  CCACHE_STATSLOG="$log" "$@"
  children_cpu
  cpu=$((CHILDREN_CPU - cpu))
  local cache=""
  if [ -f "$log" ]; then
    local hits misses
    hits=$(grep -cE '^(direct|preprocessed)_cache_hit$' "$log" || true)
    misses=$(grep -cE '^cache_miss$' "$log" || true)
    cache=", ccache answered $hits of $((hits + misses)) compilations"
  fi
  echo "== $name: $(minutes $((SECONDS - start))) (CPU $(minutes "$cpu")$cache; load average $(cut -d' ' -f1-3 /proc/loadavg))"
}
