#!/usr/bin/env python3
"""Fits the answerability weights (logistic regression) on the evidence AnswerabilityCalibrationBenchmark writes.

Usage: python3 tools/answerability/fit.py [target/answerability-evidence.tsv] [specificity] [sensitivity]
Prints the weights and two thresholds chosen on the tune questions: answer-at, from which no more than
1 - specificity (default 0.95) of the unanswerable questions get a plain answer, and hedge-at, from which at least
`sensitivity` (default 0.95) of the answerable ones get at least the closest passage with a caveat; with 10-fold
cross-validated figures of both choices.
"""
import sys
import numpy as np

path = sys.argv[1] if len(sys.argv) > 1 else "target/answerability-evidence.tsv"
specificity = float(sys.argv[2]) if len(sys.argv) > 2 else 0.95
sensitivity = float(sys.argv[3]) if len(sys.argv) > 3 else 0.95
rows = [line.rstrip("\n").split("\t") for line in open(path, encoding="utf-8")][1:]
y = np.array([int(r[0]) for r in rows], dtype=float)
X = np.array([[float(r[1]), float(r[2]), float(r[3])] for r in rows])
# Thresholds are chosen on the tune questions (the kinds of question a spine patient asks); the K-QA rows only
# help fit the weights, and their refusal rate is printed on its own.
tune = np.array([len(r) < 7 or r[5].startswith("tune") for r in rows])


def fit(X, y, l2=1e-4, steps=40000, rate=2.0):
    w = np.zeros(X.shape[1] + 1)
    A = np.hstack([np.ones((len(X), 1)), X])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-A @ w))
        grad = A.T @ (p - y) / len(y) + l2 * np.r_[0, w[1:]]
        w -= rate * grad
    return w


def scores(w, X):
    return 1 / (1 + np.exp(-(w[0] + X @ w[1:])))


def threshold(s, y):
    """The lowest threshold that refuses at least `specificity` of the unanswerable ones."""
    negatives = np.sort(s[y == 0])
    k = int(np.ceil(specificity * len(negatives)))
    return negatives[k - 1] + 1e-9 if k > 0 else 0.0


def hedge(s, y):
    """The highest threshold that keeps at least `sensitivity` of the answerable ones."""
    positives = np.sort(s[y == 1])
    return positives[int(np.floor((1 - sensitivity) * len(positives)))]


w = fit(X, y)
s = scores(w, X)
t, h = threshold(s[tune], y[tune]), hedge(s[tune], y[tune])
print("bias %.2f coverage-weight %.2f similarity-weight %.2f examples-weight %.2f" % tuple(w))
print("answer-at %.2f hedge-at %.2f" % (t, h))
print("on the tune questions: answerable answered plainly %.1f %%, at least with the caveat %.1f %%; unanswerable"
      " refused plainly %.1f %%, answered plainly %.1f %%"
      % (100 * np.mean(s[tune & (y == 1)] >= t), 100 * np.mean(s[tune & (y == 1)] >= h),
         100 * np.mean(s[tune & (y == 0)] < h), 100 * np.mean(s[tune & (y == 0)] >= t)))
if (~tune).any():
    print("other rows (K-QA): refused %.1f %%, with the caveat %.1f %%, answered plainly %.1f %%"
          % (100 * np.mean(s[~tune] < h), 100 * np.mean((s[~tune] >= h) & (s[~tune] < t)), 100 * np.mean(s[~tune] >= t)))
rng = np.random.default_rng(7)
folds = rng.permutation(len(y)) % 10
plain, caveat, refused, wrong = [], [], [], []
for f in range(10):
    train, test = folds != f, folds == f
    wf = fit(X[train], y[train])
    sf = scores(wf, X[train & tune])
    tf, hf = threshold(sf, y[train & tune]), hedge(sf, y[train & tune])
    st = scores(wf, X[test & tune])
    yt = y[test & tune]
    plain += list(st[yt == 1] >= tf)
    caveat += list(st[yt == 1] >= hf)
    refused += list(st[yt == 0] < hf)
    wrong += list(st[yt == 0] >= tf)
print("10-fold cross-validated: answerable answered plainly %.1f %%, at least with the caveat %.1f %%; unanswerable"
      " refused plainly %.1f %%, answered plainly %.1f %%"
      % (100 * np.mean(plain), 100 * np.mean(caveat), 100 * np.mean(refused), 100 * np.mean(wrong)))
