#!/usr/bin/env bash
# Workbench start-up time: JVM start → first rendered frame of the first window, under Xvfb, N runs (default 5).
# Usage: bench/startup.sh [RUNS]      needs xvfb-run (apt-get install -y xvfb); builds through ./ferry if needed.
set -euo pipefail
RUNS=${1:-5}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
command -v xvfb-run >/dev/null || { echo "startup.sh: xvfb-run missing: apt-get install -y xvfb" >&2; exit 2; }
"$repo/ferry" --version >/dev/null   # build first, outside the measurement
for i in $(seq 1 "$RUNS"); do
  FERRY_JAVA_OPTS="-Dferry.startupReport=exit" xvfb-run -a -s "-screen 0 1280x800x24" "$repo/ferry" 2>&1 \
    | grep -o 'shown [0-9]* ms' | awk '{print $2}'
done | sort -n | awk '{a[NR]=$1} END {printf "startup to first window over %d runs: min %d ms, median %d ms, max %d ms\n", NR, a[1], a[int((NR+1)/2)], a[NR]}'
