"""scikit-learn reference for test/reference/kmeans-sklearn.test.ts.

Usage: python3 kmeans_sklearn.py POINTS.f64 D N_INIT LABELS.i32 K [K ...]
POINTS.f64 holds n x D float64 values and LABELS.i32 one int32 labelling of the n points per K
(in the order given), all row-major little-endian. Prints JSON with, per K, the best inertia
KMeans(n_clusters=K, n_init=N_INIT, random_state=0) finds and silhouette_score of the given
labelling (exact, all points).
"""
import json
import sys

import numpy as np
from sklearn import __version__
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score

path, d, n_init, labels_path = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
ks = [int(k) for k in sys.argv[5:]]
X = np.fromfile(path, dtype="<f8").reshape(-1, d)
L = np.fromfile(labels_path, dtype="<i4").reshape(len(ks), -1)
inertia, silhouette = {}, {}
for i, k in enumerate(ks):
    model = KMeans(n_clusters=k, n_init=n_init, random_state=0)
    model.fit_predict(X)
    inertia[k] = float(model.inertia_)
    silhouette[k] = float(silhouette_score(X, L[i]))
print(json.dumps({"sklearn": __version__, "inertia": inertia, "silhouette": silhouette}))
