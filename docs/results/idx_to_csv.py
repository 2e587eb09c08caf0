#!/usr/bin/env python3
"""Write a binary subset of an IDX image set as CSV for `oneneuron study` (standard library only).

Usage: idx_to_csv.py IMAGES LABELS NEG POS PER_CLASS OUT.csv
Takes the first PER_CLASS images of digit/class NEG (label -1) and of POS (label +1) in file
order, scales pixels by 1/255, and writes a header row p0..p783,label. IMAGES and LABELS may be
gzip-compressed (.gz).
"""
import gzip
import struct
import sys


def read(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        return f.read()


def main():
    images, labels, neg, pos, per_class, out = sys.argv[1:7]
    neg, pos, per_class = int(neg), int(pos), int(per_class)
    img, lab = read(images), read(labels)
    magic, n, rows, cols = struct.unpack(">iiii", img[:16])
    assert magic == 2051, "not an IDX image file: magic %d" % magic
    assert struct.unpack(">ii", lab[:8])[0] == 2049, "not an IDX label file"
    size = rows * cols
    taken = {neg: 0, pos: 0}
    with open(out, "w") as f:
        f.write(",".join("p%d" % j for j in range(size)) + ",label\n")
        for i in range(n):
            c = lab[8 + i]
            if c in taken and taken[c] < per_class:
                taken[c] += 1
                px = img[16 + i * size:16 + (i + 1) * size]
                f.write(",".join("%.6g" % (b / 255.0) for b in px))
                f.write(",%d\n" % (-1 if c == neg else 1))
    print("wrote %s: %d x %d, %s" % (out, sum(taken.values()), size, taken))


if __name__ == "__main__":
    main()
