#!/usr/bin/env bash
# RESULTS.md §7, "MNIST and Fashion-MNIST, 10 classes": plain (none) vs augmented (skip-exp kept to the end)
# vs scaffold (skip-exp, --scaffold lambda), MLP 784-128-10 ReLU, softmax cross-entropy (mean), λ = 1,
# Adam lr 1e-3, minibatch 128, float32, 1 thread, one `train --json` per run into OUT/.
#   60k: the full training file, 10% held out (stratified), 5000 steps (~12 epochs of 54,000 images);
#   10k: the t10k file as a 10,000-image set, 20% held out, 2000 steps (~32 epochs of 8,000).
# Usage (from the repository root; runs that already have a JSON are skipped, so it resumes):
#   docs/results/tenclass_runs.sh OUT "SEEDS_60K" "SEEDS_10K"     e.g. runs/tenclass "0 1 2" "$(seq -s ' ' 0 9)"
# then: python3 docs/results/tenclass_summary.py OUT
set -u
out=${1:?OUT directory}; seeds60=${2:-0}; seeds10=${3:-0}
mkdir -p "$out"
common=(--hidden 128 --activation relu --dtype float32 --optimizer adam --lr 0.001 --batch 128 --threads 1 --json)
run() { # tag data held-out steps seed variant
  local file="$out/$1-$6-s$5.json" v
  [ -s "$file" ] && return
  case $6 in
    none) v=(--neuron none) ;;
    keep) v=(--neuron skip-exp --scaffold keep) ;;
    scaffold) v=(--neuron skip-exp --scaffold lambda) ;;
  esac
  if nice -n 19 ./oneneuron train "$2" "${common[@]}" --held-out "$3" --steps "$4" --seed "$5" "${v[@]}" \
      > "$file.tmp" 2> "$out/$1-$6-s$5.err"; then mv "$file.tmp" "$file"; else mv "$file.tmp" "$file.failed"; fi
}
t10k() { # the t10k images file of an IDX directory, gzipped or not
  if [ -f "$1/t10k-images-idx3-ubyte" ]; then echo "$1/t10k-images-idx3-ubyte"; else echo "$1/t10k-images-idx3-ubyte.gz"; fi
}
for s in $seeds60; do for v in none keep scaffold; do
  run mnist60k .bench-data/mnist 0.1 5000 "$s" $v
  run fashion60k .bench-data/fashion-mnist 0.1 5000 "$s" $v
done; done
for s in $seeds10; do for v in none keep scaffold; do
  run mnist10k "$(t10k .bench-data/mnist)" 0.2 2000 "$s" $v
  run fashion10k "$(t10k .bench-data/fashion-mnist)" 0.2 2000 "$s" $v
done; done
