#!/usr/bin/env python3
"""Paired comparison of the scaffold study's variants against plain training (RESULTS.md §6).

Reads one or more study journals (e.g. the 10-seed chunks of one study) and prints, per variant:
the share of runs whose final plain network is near zero (loss < 1e-2; Wilson 95% interval) with
McNemar's exact test against `none` on the same starts, the median final plain-network loss with
a two-sided sign test (pairs differing by more than 1e-12), the median held-out accuracy with a
sign test, and the median wall seconds per run. The plain network of a run is the journal's
`network_only_loss` (for skip-exp: the network with the neuron removed; for none and the scaffold
variants: the shipped network itself). Runs are paired by their config without the neuron
(run_seed included), so chunks run with different study seeds pool correctly; the data path is
replaced by the data's sha256 from the study.json beside the journal, so chunks run from
different checkouts of the same data pair too.

    python3 docs/results/scaffold_compare.py runs/mnist49-mlp-s*/journal.jsonl
    python3 docs/results/scaffold_compare.py --markdown NAME runs/wdbc-scaffold-200/journal.jsonl

With --markdown NAME, one table row per variant in RESULTS.md §6's format, NAME in the first column.
"""
import json
import math
import os
import statistics
import sys

NEAR_ZERO = 1e-2
TIE = 1e-12


def wilson(k, n, z=1.959963984540054):
    if n == 0:
        return float("nan"), float("nan")
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return max(0.0, c - h), min(1.0, c + h)


def binomial_two_sided(k, n):
    """Exact two-sided p of k successes in n fair trials (McNemar's exact test, the sign test)."""
    if n == 0:
        return 1.0
    low = min(k, n - k)
    tail = sum(math.comb(n, i) for i in range(low + 1)) / 2 ** n
    return min(1.0, 2 * tail)


def key(line, hashes):
    config = dict(line["config"])
    config.pop("neuron", None)
    config["data"] = hashes.get(config["data"], config["data"])
    return json.dumps(config, sort_keys=True)


def data_hashes(journal):
    """The sha256 of each data path from the study.json beside a journal ({} when there is none)."""
    manifest = os.path.join(os.path.dirname(journal), "study.json")
    if not os.path.exists(manifest):
        return {}
    with open(manifest, encoding="utf-8") as f:
        return json.load(f).get("data_hashes", {})


def load(paths):
    runs = {}
    for path in paths:
        hashes = data_hashes(path)
        with open(path, encoding="utf-8") as f:
            for text in f:
                if text.strip():
                    line = json.loads(text)
                    runs.setdefault(line["neuron"], {})[key(line, hashes)] = line
    warn_unpaired(runs)
    return runs


def warn_unpaired(runs):
    """Says on stderr which variants have runs without a plain partner (an unfinished chunk)."""
    base = runs.get("none", {})
    for variant, lines in runs.items():
        if variant == "none":
            others = set().union(*(set(l) for v, l in runs.items() if v != "none"))
            alone = [k for k in lines if k not in others]
        else:
            alone = [k for k in lines if k not in base]
        if alone:
            print(f"warning: {len(alone)} {variant} run(s) have no partner"
                  f" {'variant' if variant == 'none' else 'plain run'}: the rows count them,"
                  f" the paired tests do not", file=sys.stderr)


def plain_loss(line):
    v = line["network_only_loss"]
    return float("inf") if v is None else v


def fmt(x):
    if x != x:
        return "n/a"
    return f"{x:.3g}"


def markdown(name, runs):
    base = runs["none"]
    for variant, lines in runs.items():
        n = len(lines)
        paired = [k for k in lines if k in base]
        near = sum(plain_loss(l) < NEAR_ZERO for l in lines.values())
        lo, hi = wilson(near, n)
        cell = f"{100 * near / n:.0f}% [{100 * lo:.0f}, {100 * hi:.0f}] ({near}/{n})"
        loss = fmt(statistics.median(plain_loss(l) for l in lines.values()))
        held = [l["held_out_accuracy"] for l in lines.values() if l["held_out_accuracy"] is not None]
        acc = f"{statistics.median(held):.3f}" if held else "n/a"
        versus = "—"
        if variant != "none":
            only_v = sum(plain_loss(lines[k]) < NEAR_ZERO <= plain_loss(base[k]) for k in paired)
            only_b = sum(plain_loss(base[k]) < NEAR_ZERO <= plain_loss(lines[k]) for k in paired)
            cell += f"; McNemar {only_v} : {only_b}, p = {binomial_two_sided(only_v, only_v + only_b):.2g}"
            lower = sum(plain_loss(lines[k]) < plain_loss(base[k]) - TIE for k in paired)
            higher = sum(plain_loss(lines[k]) > plain_loss(base[k]) + TIE for k in paired)
            versus = f"{lower} : {higher}, p = {binomial_two_sided(lower, lower + higher):.2g}"
            pairs = [(lines[k]["held_out_accuracy"], base[k]["held_out_accuracy"]) for k in paired
                     if lines[k]["held_out_accuracy"] is not None and base[k]["held_out_accuracy"] is not None]
            up = sum(a > b for a, b in pairs)
            down = sum(a < b for a, b in pairs)
            acc += f" ({up} : {down}, p = {binomial_two_sided(up, up + down):.2g})"
        seconds = statistics.median(l["seconds"] for l in lines.values())
        label = "skip-exp kept (network alone)" if variant == "skip-exp" else variant
        print(f"| {name} | {label} | {cell} | {loss} | {versus} | {acc} | {seconds:.3g} |")


def main(paths):
    if paths[0] == "--markdown":
        markdown(paths[1], load(paths[2:]))
        return
    runs = load(paths)
    if "none" not in runs:
        sys.exit("no plain (none) runs in the journals")
    base = runs["none"]
    for variant in runs:
        lines = runs[variant]
        paired = [k for k in lines if k in base]
        n = len(lines)
        near = sum(plain_loss(l) < NEAR_ZERO for l in lines.values())
        lo, hi = wilson(near, n)
        losses = [plain_loss(l) for l in lines.values()]
        held = [l["held_out_accuracy"] for l in lines.values() if l["held_out_accuracy"] is not None]
        seconds = [l["seconds"] for l in lines.values()]
        out = [f"{variant}: runs {n}, plain network near zero {near}/{n} = {100 * near / n:.0f}%"
               f" [{100 * lo:.0f}, {100 * hi:.0f}]",
               f"median plain-network loss {fmt(statistics.median(losses))}",
               f"median held-out accuracy {fmt(statistics.median(held)) if held else 'n/a'}",
               f"median s/run {statistics.median(seconds):.3g}"]
        if variant != "none":
            only_v = sum(plain_loss(lines[k]) < NEAR_ZERO <= plain_loss(base[k]) for k in paired)
            only_b = sum(plain_loss(base[k]) < NEAR_ZERO <= plain_loss(lines[k]) for k in paired)
            lower = sum(plain_loss(lines[k]) < plain_loss(base[k]) - TIE for k in paired)
            higher = sum(plain_loss(lines[k]) > plain_loss(base[k]) + TIE for k in paired)
            acc = [(lines[k]["held_out_accuracy"], base[k]["held_out_accuracy"]) for k in paired
                   if lines[k]["held_out_accuracy"] is not None and base[k]["held_out_accuracy"] is not None]
            up = sum(a > b for a, b in acc)
            down = sum(a < b for a, b in acc)
            out.append(f"paired with none: {len(paired)}")
            out.append(f"near zero only here : only plain {only_v} : {only_b},"
                       f" McNemar p = {binomial_two_sided(only_v, only_v + only_b):.2g}")
            out.append(f"loss lower : higher {lower} : {higher},"
                       f" sign p = {binomial_two_sided(lower, lower + higher):.2g}")
            out.append(f"held-out higher : lower {up} : {down},"
                       f" sign p = {binomial_two_sided(up, up + down):.2g}")
        print("\n  ".join(out))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
