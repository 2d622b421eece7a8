#!/usr/bin/env python3
"""Reference numbers for hotspot's Emerging Hot Spot Analysis, by an independent reimplementation
of sfdep's documented algorithm (R package sfdep 0.2, `emerging_hotspot_analysis(k = 1)`).

R and sfdep are not packaged for Debian (no r-cran-sfdep), so this script re-does sfdep's steps in
numpy from its documentation and R sources' described behaviour, written independently of
hotspot's Swift code:

1. Space-time neighbours (sfdep `spt_nb`/`spt_wt`): bin (i, t) has location i and its queen
   neighbours (`include_self(st_contiguity(...))`) at step t and at steps t-1 .. t-k (fewer at
   the start), each with the location's row-standardised weight 1/|N_i| (sfdep `st_weights`,
   repeated for every lag). The weights are row-standardised here as sfdep does, not binary as
   hotspot does: the z must not depend on that (Gi* is invariant to scaling one row).
2. Gi* per time slice (sfdep `local_g_spt_calc`, from spdep::localG): with the n values x of
   step t, xbar = mean(x), s2 = sum((x - xbar)^2) / n, W_i = sum of the bin's weights, S1_i = sum
   of their squares, lx = the weighted sum of the neighbourhood's values (lagged bins included),
   z = (lx - W_i xbar) / sqrt(s2 (n S1_i - W_i^2) / (n - 1)).
3. Mann-Kendall on each location's z series (R `Kendall::MannKendall`): S, Var(S) with the tie
   correction, tau-b = S / sqrt(n0 (n0 - n1)), two-sided p from the continuity-corrected normal.
4. `classify_hotspot`: sfdep's 17 rules, in sfdep's order, literally as sfdep states them.

One departure, stated in the README beside this script: sfdep classifies on its permutation
pseudo p (`p_sim`, random draws over the whole cube); this script classifies on the analytic
two-sided normal p of step 2's z, which is deterministic (hotspot's default).

Usage: python3 sfdep_reference.py > reference.txt   (numpy only; prints Swift literals)
"""
import math

import numpy as np

SIDE = 5  # 5 x 5 cells
STEPS = 8
K = 1
THRESHOLD = 0.01


def cube():
    """The counts x[t, i] (i = row * SIDE + column): a quiet background from a fixed linear
    congruential stream, a corner that is busy from the start (persistent), a corner that grows
    step by step (emerging), and a corner that fades."""
    state = 12345
    x = np.zeros((STEPS, SIDE * SIDE))
    for t in range(STEPS):
        for i in range(SIDE * SIDE):
            state = (1103515245 * state + 12345) % (2**31)
            x[t, i] = (state >> 16) % 4  # background 0..3
            r, c = divmod(i, SIDE)
            if r <= 1 and c <= 1:
                x[t, i] += 14  # persistent, top left
            if r >= 3 and c >= 3:
                x[t, i] += 3 * t  # emerging, bottom right
            if r <= 1 and c >= 3:
                x[t, i] += max(0, 16 - 4 * t)  # fading, top right
    return x


def queen(side):
    nb = []
    for i in range(side * side):
        r, c = divmod(i, side)
        nb.append(
            [
                rr * side + cc
                for rr in range(r - 1, r + 2)
                for cc in range(c - 1, c + 2)
                if 0 <= rr < side and 0 <= cc < side and (rr, cc) != (r, c)
            ]
        )
    return nb


def gi_star_spacetime(x, nb, k):
    steps, n = x.shape
    star = [sorted([i] + nb[i]) for i in range(n)]  # include_self
    z = np.zeros((steps, n))
    for t in range(steps):
        xs = x[t]
        xbar = xs.mean()
        s2 = ((xs - xbar) ** 2).sum() / n
        for i in range(n):
            w_row = 1.0 / len(star[i])  # st_weights: row standardised
            values, weights = [], []
            for lag in range(0, k + 1):
                if t - lag < 0:
                    break
                for j in star[i]:
                    values.append(x[t - lag, j])
                    weights.append(w_row)
            values, weights = np.array(values), np.array(weights)
            lx = (values * weights).sum()
            wi = weights.sum()
            s1 = (weights**2).sum()
            z[t, i] = (lx - wi * xbar) / math.sqrt(s2 * (n * s1 - wi**2) / (n - 1))
    return z


def normal_two_sided(z):
    return math.erfc(abs(z) / math.sqrt(2))


def mann_kendall(series):
    n = len(series)
    s = 0
    for a in range(n - 1):
        for b in range(a + 1, n):
            s += np.sign(series[b] - series[a])
    _, counts = np.unique(series, return_counts=True)
    ties = sum(c * (c - 1) * (2 * c + 5) for c in counts if c > 1)
    var = (n * (n - 1) * (2 * n + 5) - ties) / 18
    n0 = n * (n - 1) / 2
    n1 = sum(c * (c - 1) / 2 for c in counts)
    tau = s / math.sqrt(n0 * (n0 - n1))
    if s == 0 or var == 0:
        p = 1.0
    else:
        p = normal_two_sided((s - np.sign(s)) / math.sqrt(var))
    return tau, min(1.0, p)


def classify(gs, sigs, tau, tau_p, threshold):
    """sfdep's classify_hotspot rules, in its order, as sfdep states each."""
    n = len(gs)
    hot = sigs & (gs > 0)
    cold = sigs & (gs < 0)

    def final_run():
        run = 0
        for s in reversed(sigs):
            if not s:
                break
            run += 1
        return run

    def consecutive(sign_ok, share_ok):
        if not (sigs[-1] and sign_ok(gs[-1])):
            return False
        run = final_run()
        before = sigs[: n - run]
        return (not before.any()) and share_ok

    rules = [
        ("new hot spot", sigs.sum() == 1 and sigs[-1] and gs[-1] > 0),
        ("new cold spot", sigs.sum() == 1 and sigs[-1] and gs[-1] < 0),
        ("consecutive hot spot", consecutive(lambda g: g > 0, hot.sum() / n < 0.9)),
        ("consecutive cold spot", consecutive(lambda g: g < 0, cold.sum() / n < 0.9)),
        ("intensifying hot spot", sigs.sum() / n >= 0.9 and sigs[-1] and tau > 0 and tau_p < threshold),
        ("intensifying cold spot", cold.sum() / n >= 0.9 and sigs[-1] and tau < 0 and tau_p <= threshold),
        ("persistent hot spot", hot.sum() / n >= 0.9 and tau_p > threshold),
        ("persistent cold spot", cold.sum() / n >= 0.9 and tau_p > threshold),
        ("diminishing hot spot", hot.sum() / n >= 0.9 and sigs[-1] and tau < 0 and tau_p <= threshold),
        ("diminishing cold spot", cold.sum() / n >= 0.9 and sigs[-1] and tau > 0 and tau_p <= threshold),
        ("oscillating hot spot", hot.sum() / n <= 0.9 and gs[-1] > 0 and sigs[-1] and cold.any()),
        ("oscillating cold spot", cold.sum() / n < 0.9 and gs[-1] < 0 and sigs[-1] and hot.any()),
        ("historical hot spot", hot.sum() / n >= 0.9 and gs[-1] < 0),
        ("historical cold spot", gs[-1] > 0 and cold.sum() / n >= 0.9),
        ("sporadic hot spot", hot.sum() / n < 0.9 and not cold.any() and hot.any()),
        ("sporadic cold spot", cold.sum() / n < 0.9 and not hot.any() and cold.any()),
    ]
    for name, holds in rules:
        if holds:
            return name
    return "no pattern detected"


def main():
    x = cube()
    nb = queen(SIDE)
    z = gi_star_spacetime(x, nb, K)
    n = SIDE * SIDE
    p = np.vectorize(normal_two_sided)(z)
    categories, taus, tau_ps = [], [], []
    for i in range(n):
        gs = z[:, i]
        tau, tau_p = mann_kendall(gs)
        categories.append(classify(gs, p[:, i] <= THRESHOLD, tau, tau_p, THRESHOLD))
        taus.append(tau)
        tau_ps.append(tau_p)
    # Location-major, as hotspot's SpaceTimeCube stores them.
    print("// counts, location-major (location i at i * %d + t)" % STEPS)
    print("static let counts: [Double] = [" + ", ".join("%g" % x[t, i] for i in range(n) for t in range(STEPS)) + "]")
    print("// z, location-major")
    print("static let z: [Double] = [")
    for i in range(n):
        print("  " + ", ".join("%.12f" % z[t, i] for t in range(STEPS)) + ",")
    print("]")
    print("static let tau: [Double] = [" + ", ".join("%.12f" % v for v in taus) + "]")
    print("static let tauP: [Double] = [" + ", ".join("%.12g" % v for v in tau_ps) + "]")
    print("static let categories: [String] = [")
    for i in range(n):
        print('  "%s",' % categories[i])
    print("]")


if __name__ == "__main__":
    main()
