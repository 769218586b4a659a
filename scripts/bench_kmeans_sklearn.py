"""scikit-learn side of scripts/bench-kmeans.mjs: times KMeans(n_clusters=K, n_init=10) on the
points the engine clusters. Run with OMP_NUM_THREADS=1 for one thread.

Usage: python3 bench_kmeans_sklearn.py POINTS.f64 D K RUNS
Prints JSON {"sklearn": version, "ms": [wall per run], "cpu": [CPU ms per run], "inertia": [per run]}.
"""
import json
import sys
import time

import numpy as np
from sklearn import __version__
from sklearn.cluster import KMeans

path, d, k, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
X = np.fromfile(path, dtype="<f8").reshape(-1, d)
ms, cpu, inertia = [], [], []
for r in range(runs):
    t0 = time.perf_counter()
    c0 = time.process_time()
    km = KMeans(n_clusters=k, n_init=10, random_state=r)
    km.fit_predict(X)
    cpu.append((time.process_time() - c0) * 1000)
    ms.append((time.perf_counter() - t0) * 1000)
    inertia.append(float(km.inertia_))
print(json.dumps({"sklearn": __version__, "ms": ms, "cpu": cpu, "inertia": inertia}))
