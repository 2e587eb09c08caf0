#!/usr/bin/env bash
# The measurements behind docs/PERFORMANCE.md: ours and the PyTorch peer alternately
# (A B A B ...), one JSON file per workload and thread count, written next to this script.
# Needs Debian's python3-torch and python3-scipy; takes about ten minutes on 2 cores.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out="$root/docs/perf"
cd "$root"
export OPENBLAS_NUM_THREADS=1
run() { # name, then bench arguments
  local name=$1
  shift
  ./oneneuron bench "$@" --json > "$out/$name.json"
  echo "$name: $(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["median_ratio"])' "$out/$name.json")"
}
run w1-t1 W1 --compare --threads 1 --pairs 5
run w1-t2 W1 --compare --threads 2 --pairs 5
run w4-t1 W4 --compare --threads 1 --pairs 5
run w4-t2 W4 --compare --threads 2 --pairs 5
run w3-t1 W3 --compare --threads 1 --pairs 3
run w2-t1 W2 --compare --threads 1 --pairs 3
