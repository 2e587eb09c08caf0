#!/usr/bin/env bash
# The measurements behind docs/PERFORMANCE.md: ours and the PyTorch peer alternately
# (A B A B ...), one JSON file per workload, thread count and back-end, written next to this
# script; then the GEMM kernels at W2's shapes, W2's peak resident memory and W2's final losses
# over seeds (its data are ours, so they compare in distribution).
# Needs Debian's python3-torch and python3-scipy; takes about fifteen minutes on 2 cores.
# Usage: docs/perf/measure.sh [openblas|vector|kernels|memory|losses]...   (default: all five)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out="$root/docs/perf"
cd "$root"
export OPENBLAS_NUM_THREADS=1
./oneneuron version >/dev/null # builds the jar first, outside every timing
run() { # name, then bench arguments
  local name=$1
  shift
  ./oneneuron bench "$@" --json > "$out/$name.json"
  echo "$name: $(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["median_ratio"])' "$out/$name.json")"
}
parts=("$@")
[ ${#parts[@]} -gt 0 ] || parts=(openblas vector kernels memory losses)
for part in "${parts[@]}"; do
  case $part in
    openblas) # the default back-end where OpenBLAS is installed
      run w1-t1 W1 --compare --threads 1 --pairs 5
      run w1-t2 W1 --compare --threads 2 --pairs 5
      run w4-t1 W4 --compare --threads 1 --pairs 5
      run w4-t2 W4 --compare --threads 2 --pairs 5
      run w3-t1 W3 --compare --threads 1 --pairs 3
      run w3-t2 W3 --compare --threads 2 --pairs 3
      run w2-t1 W2 --compare --threads 1 --pairs 5
      run w2-t2 W2 --compare --threads 2 --pairs 5
      ;;
    vector) # what a machine without OpenBLAS runs (W4 uses no BLAS)
      run w1-t1-vector W1 --compare --threads 1 --pairs 5 --blas vector
      run w1-t2-vector W1 --compare --threads 2 --pairs 5 --blas vector
      run w3-t1-vector W3 --compare --threads 1 --pairs 3 --blas vector
      run w2-t1-vector W2 --compare --threads 1 --pairs 5 --blas vector
      ;;
    kernels) # sgemm at W2's five shapes, GFLOP/s per CPU-second
      for blas in native vector; do
        for shape in 128,256,784,nt 128,256,256,nt 256,256,128,tn 128,256,256,nn 256,784,128,tn; do
          ./oneneuron bench kernel --shape "$shape" --dtype float32 --samples 15 --blas "$blas" --json
        done
      done > "$out/w2-sgemm.jsonl"
      python3 -c 'import json,sys
for l in open(sys.argv[1]):
    d=json.loads(l); print(d["blas"], d["m"], d["n"], d["k"], d["layout"], round(d["gflop_per_cpu_s_median"],1))' "$out/w2-sgemm.jsonl"
      ;;
    memory) # peak resident memory (VmHWM) of one W2 run each
      {
        /usr/bin/time -f "ours %M kB" ./oneneuron bench W2 --threads 1 --json 2>&1 >/dev/null | tail -1
        /usr/bin/time -f "peer %M kB" /usr/bin/python3 "$root/../shared/bench/peers/w2_minibatch.py" \
            --threads 1 2>&1 >/dev/null | tail -1
      } | tee "$out/w2-memory.txt"
      ;;
    losses) # W2's data are ours, not the peer's: compare final losses over seeds, in distribution
      for seed in 0 1 2 3 4 5 6 7; do
        ours=$(./oneneuron bench W2 --threads 1 --seed "$seed" --json)
        peer=$(/usr/bin/python3 "$root/../shared/bench/peers/w2_minibatch.py" --threads 1 --seed "$seed")
        python3 -c 'import json,sys
o=json.loads(sys.argv[2]); p=json.loads(sys.argv[3])
print(json.dumps({"seed": int(sys.argv[1]), "ours_loss_final": o["loss_final"], "ours_train_acc": o["train_acc"],
                  "peer_loss_final": p["loss_final"], "peer_train_acc": p["train_acc"]}))' "$seed" "$ours" "$peer"
      done | tee "$out/w2-losses.jsonl"
      ;;
    *) echo "measure.sh: unknown part '$part' (openblas, vector, kernels, memory, losses)" >&2; exit 2 ;;
  esac
done
