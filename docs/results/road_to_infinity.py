#!/usr/bin/env python3
"""How slow is the road to infinity (issue 17, point 7)? For the augmented runs of a study
journal labelled escaping_to_infinity, fit over the last decade of steps (t >= T/10):
  - the loss's rate per e-fold of steps, dL/d(ln t), and
  - the rate per e-fold of the neuron's parameter norm r = sqrt(b^2 + |w|^2), dL/d(ln r),
and print the medians per variant, split into runs whose loss goes to zero and runs that creep
at a positive level. Usage: road_to_infinity.py STUDY_DIR/journal.jsonl"""
import json, math, statistics, sys, collections

def slope(x, y):
    mx, my = statistics.fmean(x), statistics.fmean(y)
    sxx = sum((a - mx) ** 2 for a in x)
    return float('nan') if sxx == 0 else sum((a - mx) * (b - my) for a, b in zip(x, y)) / sxx

groups = collections.defaultdict(list)
for line in open(sys.argv[1]):
    j = json.loads(line)
    if j['verdict'] != 'escaping_to_infinity' or j.get('a') is None:
        continue
    rows = [r for r in j['trajectory'] if r[0] >= j['steps'] / 10 and r[0] > 0]
    if len(rows) < 5:
        continue
    lnt = [math.log(r[0]) for r in rows]
    loss = [r[1] for r in rows]
    lnr = [math.log(math.hypot(r[5], r[6])) for r in rows]
    kind = 'to zero' if j['loss'] < 1e-2 else 'creeping'
    groups[(j['neuron'], kind)].append((slope(lnt, loss), slope(lnr, loss), rows[-1][1],
                                        math.exp(lnr[-1] - lnr[0])))
for (variant, kind), v in sorted(groups.items()):
    print(f"{variant} ({kind}, {len(v)} runs): median dL/d(ln t) = {statistics.median(a for a, _, _, _ in v):.3g}, "
          f"median dL/d(ln r) = {statistics.median(b for _, b, _, _ in v):.3g}, median final loss "
          f"{statistics.median(c for _, _, c, _ in v):.3g}, median growth of r over the decade x{statistics.median(d for *_, d in v):.3g}")
