#!/usr/bin/env python3
"""Writes the small data sets of RESULTS.md section 7 (deterministic, standard library only).

spiral3.csv: three interleaved spiral arms, 50 points each, labels a, b, c (no linear model separates them).
sine.csv:    100 points of t = sin(3x) + 0.1 noise, x uniform on [-1, 1] (a regression no linear model fits).
Usage: python3 docs/results/multioutput_data.py OUT_DIR
"""
import math
import os
import random
import sys

out = sys.argv[1] if len(sys.argv) > 1 else "."
os.makedirs(out, exist_ok=True)
rng = random.Random(20261202)
with open(os.path.join(out, "spiral3.csv"), "w") as f:
    f.write("x1,x2,arm\n")
    for k, name in enumerate("abc"):
        for i in range(50):
            r = 0.1 + 0.9 * i / 49
            angle = 2 * math.pi * k / 3 + 3.0 * r + rng.gauss(0, 0.15)
            f.write("%.6f,%.6f,%s\n" % (r * math.cos(angle), r * math.sin(angle), name))
with open(os.path.join(out, "sine.csv"), "w") as f:
    f.write("x,t\n")
    for i in range(100):
        x = rng.uniform(-1, 1)
        f.write("%.6f,%.6f\n" % (x, math.sin(3 * x) + rng.gauss(0, 0.1)))
