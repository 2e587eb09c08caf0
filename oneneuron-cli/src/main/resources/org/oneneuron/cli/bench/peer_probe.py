# Probe run by oneneuron bench --compare before a PyTorch peer: can this Python import torch and
# scipy, and which BLAS library does torch load? Prints one JSON line.
import json, os, sys
try:
    import torch
except Exception as e:
    print(json.dumps({"missing": "torch", "why": str(e)})); sys.exit(0)
try:
    import scipy
except Exception as e:
    print(json.dumps({"missing": "scipy", "why": str(e)})); sys.exit(0)
a = torch.ones(64, 64, dtype=torch.float64)
float((a @ a).sum())
libs = set()
try:
    with open("/proc/self/maps") as f:
        for line in f:
            p = line.split()
            if len(p) >= 6 and "blas" in os.path.basename(p[-1]).lower():
                libs.add(os.path.realpath(p[-1]))
except OSError:
    pass
print(json.dumps({"torch": torch.__version__, "blas_libraries": sorted(libs)}))
