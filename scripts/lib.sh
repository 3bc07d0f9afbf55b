# Shared by scripts/run, scripts/test and scripts/bench. Sourced, not run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Debian's Python: it sees Debian's python3-* packages (the python3 first on PATH may not).
PYTHON=/usr/bin/python3
export DEBIAN_FRONTEND=noninteractive

# What building libaqi, its Python package and the engine needs.
BUILD_PACKAGES=(cmake ninja-build g++ libeigen3-dev libboost-date-time-dev pybind11-dev python3-dev
  python3-numpy python3-pandas libtomlplusplus-dev nlohmann-json3-dev libgtest-dev libbenchmark-dev libglpk-dev)
# What the tests need on top.
TEST_PACKAGES=(python3-pytest python3-hypothesis mypy python3-matplotlib fonts-noto-cjk python3-nbclient python3-ipykernel
  clang libclang-rt-14-dev)  # clang + compiler-rt: libFuzzer for tests/fuzz

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

# Configures (once) and builds a preset; incremental after the first time.
build_preset() {
  local preset=$1
  local dir
  dir=$(preset_dir "$preset")
  if [ ! -f "$dir/build.ninja" ]; then
    cmake --preset "$preset" -S "$ROOT" >/dev/null
  fi
  cmake --build --preset "$preset"
}

preset_dir() {
  case "$1" in
    release) echo "$ROOT/build" ;;
    *) echo "$ROOT/build-$1" ;;
  esac
}
