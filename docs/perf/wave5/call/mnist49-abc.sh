#!/usr/bin/env bash
# A: HEAD's launcher; B: this branch's launcher; C: B with --gradient-tolerance 0. Alternated.
cd "$(git rev-parse --show-toplevel)"
run() { # tag launcher extra...
  local tag=$1 l=$2; shift 2
  local s e out
  s=$(date +%s.%N)
  out=$($l train .bench-data/mnist --classes 4,9 --hidden 64 --optimizer adam --lr 0.001 \
     --steps 2000 --batch 256 --dtype float32 --threads 1 --json "$@" 2>./$tag.err)
  e=$(date +%s.%N)
  echo "$out" | python3 -c "
import json,sys
d=json.load(sys.stdin)
d['_outer_wall']=$e-$s
d['_load']=open('/proc/loadavg').read().split()[0]
d['_debug']=[l.strip() for l in open('./$tag.err') if 'DEBUG' in l]
print(json.dumps(d))" >> ./$tag.jsonl
}
for r in 1 2 3; do
  run A ./.oneneuron-head
  run B ./oneneuron
  run C ./oneneuron --gradient-tolerance 0
done
