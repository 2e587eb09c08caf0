#!/usr/bin/env bash
# W2 in CPU time, for a loaded machine (issue 19). Run from the checkout's root.
#   docs/perf/w2-cpu.sh pairs N   N alternating pairs: ours (fresh JVM) then the PyTorch peer, 1 thread
#   docs/perf/w2-cpu.sh fresh N   N fresh-JVM runs of ours alone (the spread of the warm state)
# One JSON line per run on stdout. Ours: `bench W2 --json` (samples_per_cpu_s: the loop's thread CPU
# time; samples_per_process_cpu_s_train_call: the whole Trainer.train call in process CPU time, GC and
# JIT threads included). The peer: bench/peers/w2_minibatch.py unchanged, run with time.perf_counter
# replaced by time.process_time, so its seconds_total is the process CPU time of its loop.
set -euo pipefail
mode=${1:?pairs or fresh}; n=${2:-5}
python=${PYTHON:-/usr/bin/python3}
ours() {
  nice -n 10 ./oneneuron bench W2 --threads 1 --json 2>/dev/null | tail -n 1
}
peer() {
  nice -n 10 "$python" -c 'import runpy, sys, time
time.perf_counter = time.process_time
sys.argv = ["w2_minibatch.py", "--threads", "1"]
runpy.run_path("bench/peers/w2_minibatch.py", run_name="__main__")' | tail -n 1
}
for i in $(seq 1 "$n"); do
  ours
  if [ "$mode" = pairs ]; then peer; fi
done
