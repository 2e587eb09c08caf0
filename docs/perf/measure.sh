#!/usr/bin/env bash
# The measurements behind docs/PERFORMANCE.md: ours and the PyTorch peer alternately
# (A B A B ...), one JSON file per workload, thread count and back-end, written next to this
# script; then the GEMM kernels at W1's and W2's shapes, the core's FMA peak, W2's peak resident memory and W2's final losses
# over seeds (its data are ours, so they compare in distribution).
# Needs Debian's python3-torch and python3-scipy; takes about fifteen minutes on 2 cores.
# Usage: docs/perf/measure.sh [vector|openblas|kernels|memory|losses|peak]...   (default: all six)
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
[ ${#parts[@]} -gt 0 ] || parts=(vector openblas kernels memory losses peak)
for part in "${parts[@]}"; do
  case $part in
    vector) # our Vector API kernels: auto's choice on AVX-512 machines, and wherever OpenBLAS is missing
      run w1-t1-vector W1 --compare --threads 1 --pairs 5 --blas vector
      run w1-t2-vector W1 --compare --threads 2 --pairs 5 --blas vector
      run w3-t1-vector W3 --compare --threads 1 --pairs 3 --blas vector
      run w3-t2-vector W3 --compare --threads 2 --pairs 3 --blas vector
      run w2-t1-vector W2 --compare --threads 1 --pairs 5 --blas vector
      run w2-t2-vector W2 --compare --threads 2 --pairs 5 --blas vector
      run w4-t1 W4 --compare --threads 1 --pairs 5 # W4 uses no BLAS
      run w4-t2 W4 --compare --threads 2 --pairs 5
      ;;
    openblas) # OpenBLAS through netlib (auto's choice where vectors are narrower than 512 bits)
      run w1-t1-openblas W1 --compare --threads 1 --pairs 5 --blas native
      run w1-t2-openblas W1 --compare --threads 2 --pairs 5 --blas native
      run w3-t1-openblas W3 --compare --threads 1 --pairs 3 --blas native
      run w3-t2-openblas W3 --compare --threads 2 --pairs 3 --blas native
      run w2-t1-openblas W2 --compare --threads 1 --pairs 5 --blas native
      run w2-t2-openblas W2 --compare --threads 2 --pairs 5 --blas native
      ;;
    kernels) # GEMM GFLOP/s per CPU-second at W2's sgemm and W1's dgemm shapes, both back-ends
      for blas in native vector; do
        for shape in 128,256,784,nt 128,256,256,nt 256,256,128,tn 128,256,256,nn 256,784,128,tn; do
          ./oneneuron bench kernel --shape "$shape" --dtype float32 --samples 15 --blas "$blas" --json
        done
        for shape in 569,64,30,nt 569,64,64,nt 569,64,64,nn 64,64,569,tn 64,30,569,tn; do
          ./oneneuron bench kernel --shape "$shape" --dtype float64 --samples 15 --blas "$blas" --json
        done
      done > "$out/gemm-kernels.jsonl"
      python3 -c 'import json,sys
for l in open(sys.argv[1]):
    d=json.loads(l); print(d["blas"], d["dtype"], d["m"], d["n"], d["k"], d["layout"], round(d["gflop_per_cpu_s_median"],1))' "$out/gemm-kernels.jsonl"
      ;;
    memory) # peak resident memory (VmHWM) of one W2 run each
      {
        /usr/bin/time -f "ours %M kB" ./oneneuron bench W2 --threads 1 --json 2>&1 >/dev/null | tail -1
        /usr/bin/time -f "peer %M kB" /usr/bin/python3 "$root/bench/peers/w2_minibatch.py" \
            --threads 1 2>&1 >/dev/null | tail -1
      } | tee "$out/w2-memory.txt"
      ;;
    losses) # W2's data are ours, not the peer's: compare final losses over seeds, in distribution
      for seed in 0 1 2 3 4 5 6 7; do
        ours=$(./oneneuron bench W2 --threads 1 --seed "$seed" --json)
        peer=$(/usr/bin/python3 "$root/bench/peers/w2_minibatch.py" --threads 1 --seed "$seed")
        python3 -c 'import json,sys
o=json.loads(sys.argv[2]); p=json.loads(sys.argv[3])
print(json.dumps({"seed": int(sys.argv[1]), "ours_loss_final": o["loss_final"], "ours_train_acc": o["train_acc"],
                  "peer_loss_final": p["loss_final"], "peer_train_acc": p["train_acc"]}))' "$seed" "$ours" "$peer"
      done | tee "$out/w2-losses.jsonl"
      ;;
    peak) # the core's FMA peak: twelve independent fma chains on the widest vectors
      ./oneneuron bench peak --json | tee "$out/peak.json"
      ;;
    *) echo "measure.sh: unknown part '$part' (vector, openblas, kernels, memory, losses, peak)" >&2; exit 2 ;;
  esac
done
