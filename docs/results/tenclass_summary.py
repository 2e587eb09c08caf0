#!/usr/bin/env python3
"""RESULTS.md §7: summarizes the 10-class runs of docs/results/tenclass_runs.sh (one train --json per run in
OUT): per (data set, variant) medians, paired comparisons against the plain network on the same seed (sign
test), verdicts, and how many outputs' neurons run off (train's infinity_outputs). Usage: tenclass_summary.py OUT"""
import sys, json, glob, os, re, statistics as st, math, collections
runs = collections.defaultdict(dict)
for f in sorted(glob.glob(os.path.join(sys.argv[1], "*.json"))):
    m = re.match(r'(\w+?)(60k|10k)-(none|keep|scaffold)-s(\d+)\.json', os.path.basename(f))
    d = json.load(open(f))
    runs[(m.group(1), m.group(2), m.group(3))][int(m.group(4))] = d

def binom_two_sided(k, n):
    if n == 0: return 1.0
    p = sum(math.comb(n, i) for i in range(0, min(k, n - k) + 1)) / 2 ** n
    return min(1.0, 2 * p)

def med(xs): return st.median(xs) if xs else float('nan')
for data in ('mnist', 'fashion'):
    for size in ('60k', '10k'):
        base = runs.get((data, size, 'none'), {})
        if not base: continue
        print(f'== {data} {size}')
        for var in ('none', 'keep', 'scaffold'):
            r = runs.get((data, size, var), {})
            if not r: continue
            acc = [d['test_accuracy'] for d in r.values()]
            tr = [d['train_accuracy'] for d in r.values()]
            lt = [d['loss_total'] for d in r.values()]
            ln = [d['loss_network_only'] for d in r.values()]
            mc = [d['neuron']['max_contribution'] for d in r.values() if d.get('neuron')]
            verdicts = collections.Counter(d['verdict'] for d in r.values())
            secs = [d['timings']['total']['seconds'] for d in r.values()]
            line = (f'{var:9s} n={len(r):2d} held-out acc median {med(acc):.4f} (min {min(acc):.4f} max {max(acc):.4f})'
                    f' train acc {med(tr):.4f} loss total {med(lt):.4g} net-only {med(ln):.4g}'
                    f' max|aE| {med(mc):.3g} verdicts {dict(verdicts)} cmd s median {med(secs):.1f}')
            print(line)
            roads = [d.get('infinity_outputs') for d in r.values() if d.get('infinity_outputs')]
            if roads:
                off = [sum(1 for o in ro if o['running_off']) for ro in roads]
                print(f'          per-output roads in {len(roads)} runs: outputs running off per run {off}')
            if var != 'none':
                seeds = sorted(set(r) & set(base))
                better = sum(1 for s in seeds if r[s]['test_accuracy'] > base[s]['test_accuracy'])
                worse = sum(1 for s in seeds if r[s]['test_accuracy'] < base[s]['test_accuracy'])
                diffs = [r[s]['test_accuracy'] - base[s]['test_accuracy'] for s in seeds]
                nb = sum(1 for s in seeds if r[s]['loss_network_only'] < base[s]['loss_network_only'])
                nw = sum(1 for s in seeds if r[s]['loss_network_only'] > base[s]['loss_network_only'])
                print(f'          vs none, paired on {len(seeds)} seeds: held-out better {better} : worse {worse}'
                      f' (sign test p = {binom_two_sided(better, better + worse):.3g}), median diff {med(diffs):+.4f};'
                      f' network-only training loss lower {nb} : higher {nw} (p = {binom_two_sided(nb, nb + nw):.3g})')
