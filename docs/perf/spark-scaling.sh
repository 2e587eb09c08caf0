#!/usr/bin/env bash
# Issue 12's scaling measurements (docs/CLUSTER.md, docs/PERFORMANCE.md): the same study
# in-process, on local[N] and on a standalone cluster of one-core workers on this machine, each
# mode in a fresh JVM (ScalingBenchmark, oneneuron-spark's test sources), appended as JSON lines
# to docs/perf/spark-scaling.jsonl. Every study line carries the CPU seconds of each process (driver,
# master, workers, executors) and kind of thread (train, gc, jit, other) in its steady window, read
# from /proc, and the CPU-based figures derived from them (ScalingBenchmark's Javadoc).
#
# Usage: docs/perf/spark-scaling.sh [rounds|long|pairs|executor-jvm|overhead|journal]...
#        (default: rounds)
#
# rounds: the issue's two scaling targets, the one command to run on a quiet machine. One cluster of
#   two one-core workers, then 5 rounds of in-process (1 and 2 threads) and the cluster (1 and 2
#   executors) in rotating order, on runs of about 1 s of CPU; prints each round's ratios and their
#   medians (one worker vs in-process, two workers vs one, wall-clock and CPU-based). About 8
#   minutes on a quiet 2-vCPU machine (build included); ROUNDS=K changes the number of rounds.
#   (Stopping the second and later Spark contexts of its one JVM, Spark may print a
#   RejectedExecutionException trace for an RPC answer that arrives after its pool has stopped:
#   harmless, the study is journaled by then.)
# long, overhead, journal: the single-mode measurements of docs/CLUSTER.md, each mode in a fresh JVM;
#   pairs: the earlier scaling measurement (in-process, one worker, two workers, each a fresh JVM and
#   cluster, three times in turn), kept to compare with its older lines; executor-jvm: two executors
#   with the JVM's default options and with the ones the driver gives them (SparkDriver).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
out="$root/docs/perf/spark-scaling.jsonl"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mvn -B -q -o -pl oneneuron-spark -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$work/cp.txt" >/dev/null
cp="$root/oneneuron-spark/target/test-classes:$root/oneneuron-spark/target/classes:$(cat "$work/cp.txt")"
read -r -a flags <<<"$(sed -n 's:.*<spark.jvm.flags>\(.*\)</spark.jvm.flags>.*:\1:p' oneneuron-spark/pom.xml)"
export OPENBLAS_NUM_THREADS=1
# The benchmark JVM is the in-process runner and the Spark driver: the collector and first heap
# ./oneneuron gives them (the driver gives executors the serial collector too, SparkDriver).
gc=(-XX:+UseSerialGC -Xms32m)

# The specs pin the protocol the first measurements ran with (GD, lr 0.1, clip 10, λ 0.1, a quarter
# held out: the study defaults before issue 16), so later lines compare with earlier ones.
# long: runs of more than a second each (WDBC, one hidden layer of 16, 16,000 GD steps, about
# 1.2 s on a quiet core), each its own task.
cat >"$work/long.json" <<'JSON'
{"name": "long", "data": ["wdbc"], "hidden": [[16]], "neurons": ["none", "skip-exp"], "steps": 16000,
 "optimizers": ["gd"], "learning_rate": 0.1, "clip": 10, "lambdas": [0.1], "held_out_fraction": 0.25,
 "restarts": 8, "seed": 3}
JSON
# rounds: like long, but every run the same configuration (skip-exp), so that every slot does
# the same work and no new code path starts compiling part-way; 12 runs for one slot, 24 for two.
cat >"$work/rounds1.json" <<'JSON'
{"name": "rounds", "data": ["wdbc"], "hidden": [[16]], "neurons": ["skip-exp"], "steps": 16000,
 "optimizers": ["gd"], "learning_rate": 0.1, "clip": 10, "lambdas": [0.1], "held_out_fraction": 0.25,
 "restarts": 12, "seed": 3}
JSON
sed 's/"restarts": 12/"restarts": 24/' "$work/rounds1.json" >"$work/rounds2.json"
# overhead: 400 runs of a few milliseconds, each its own task: what a task costs beyond its run.
cat >"$work/overhead.json" <<'JSON'
{"name": "overhead", "data": ["xor"], "hidden": [[16]], "neurons": ["none", "skip-exp"], "steps": 1,
 "optimizers": ["gd"], "learning_rate": 0.1, "clip": 10, "lambdas": [0.1], "held_out_fraction": 0.25,
 "restarts": 200, "seed": 3}
JSON

bench() { # MODE SPEC [SPEC2]; $extra: more JVM flags for the driver, $variant: a label for the lines
  echo "== $1 $2 ${variant:-} (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  java "${flags[@]}" "${gc[@]}" -Xmx2g ${extra:-} -cp "$cp" org.oneneuron.spark.ScalingBenchmark "$1" "$work/$2.json" \
      "$work/run" ${3:+"$work/$3.json"} |
    sed "s/^{/{\"study\":\"$2\",${variant:+\"variant\":\"$variant\",}\"jdk\":\"$(java -version 2>&1 | head -1 | cut -d'"' -f2)\",/" |
    tee -a "$out"
  rm -rf "$work/run"
}

start=$(date +%s)
for what in "${@:-rounds}"; do
  for w in $what; do
    case $w in
      long) for m in in-process:1 standalone:1 in-process:2 local:2 standalone:2; do bench "$m" long; done ;;
      rounds) bench "rounds:${ROUNDS:-5}" rounds1 rounds2 ;;
      pairs) for i in 1 2 3; do for m in in-process:1 standalone:1 standalone:2; do bench "$m" long; done; done ;;
      executor-jvm) # the executors' JVM options: the JVM's defaults (G1, tiered compilation) against
        # the driver's (serial collector, C2 alone), two executors, CPU accounted
        extra="-Dspark.executor.defaultJavaOptions=-XX:+UseG1GC -Dspark.executor.extraJavaOptions=-XX:+TieredCompilation" \
          variant=jvm-defaults bench standalone:2 rounds2
        variant=serial-c2 bench standalone:2 rounds2 ;;
      overhead) for m in in-process:1 local:1 standalone:1; do bench "$m" overhead; done ;;
      journal) bench journal:2000 overhead; bench journal:500 long ;;
      *) echo "unknown: $w" >&2; exit 2 ;;
    esac
  done
done
echo "spark-scaling.sh: $(( $(date +%s) - start )) s after the build" >&2
