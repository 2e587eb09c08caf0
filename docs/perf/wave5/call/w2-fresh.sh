#!/usr/bin/env bash
# JAVA: a JDK 25 java (the launcher's pick); JAR: the jar measured. Appends one JSON line per run.
cd "$(git rev-parse --show-toplevel)"
for i in 1 2 3 4 5; do
  OPENBLAS_NUM_THREADS=1 "${JAVA:-java}" --add-modules jdk.incubator.vector -Doneneuron.home="$(git rev-parse --show-toplevel)" --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -Xms32m -jar "$JAR" bench W2 --threads 1 --json 2>/dev/null | python3 -c "
import json,sys
d=json.load(sys.stdin); d['_load']=open('/proc/loadavg').read().split()[0]; print(json.dumps(d))" >> ./w2.jsonl
done
