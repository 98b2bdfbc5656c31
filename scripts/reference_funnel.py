#!/usr/bin/env python3
"""An independent reading of the funnel plot (docs/comparison.md) for scripts/crosscheck.

Counts, from the audit records and the grades scripts/reference_score.py gave them, each
team's counted audits in the period (final, not moderation, audit month within FROM..TO)
and those graded Good or better (the grades down to the framework's actionBelow), then
computes the funnel with SciPy's binomial and chi-squared distributions and NumPy's
percentiles: a second method for every figure the Swift code computes by continued
fractions.

Usage: reference_funnel.py FRAMEWORK.yaml AUDITS.jsonl REFERENCE-SCORES.json FROM TO
Prints the funnel object of `report learning --by team --format json`.
"""
import json
import math
import sys

import numpy
import yaml
from scipy.stats import binom, chi2


def limit(q, n, theta):
    """Spiegelhalter 2005, A.1.1: r the smallest integer with F(r) >= q, interpolated."""
    r = int(binom.ppf(q, n, theta))
    # ppf may land one off at the edges of floating point; settle r by the definition.
    while r > 0 and binom.cdf(r - 1, n, theta) >= q:
        r -= 1
    while binom.cdf(r, n, theta) < q:
        r += 1
    upper, lower = binom.cdf(r, n, theta), binom.cdf(r - 1, n, theta) if r > 0 else 0.0
    alpha = (upper - q) / (upper - lower) if upper > lower else 0.0
    return (r - alpha) / n


def main():
    framework_path, audits_path, scores_path, first, last = sys.argv[1:6]
    framework = yaml.safe_load(open(framework_path))
    grade_ids = [g["id"] for g in framework["grades"]]
    good = set(grade_ids[: grade_ids.index(framework["actionBelow"]) + 1])
    grades = {r["auditId"]: r["grade"] for r in json.load(open(scores_path))["records"]}
    teams = {}
    for line in open(audits_path):
        if not line.strip():
            continue
        record = json.loads(line)
        if record["status"] != "final" or record["kind"] == "moderation":
            continue
        if not first <= record["auditDate"][:7] <= last:
            continue
        team = (record.get("plan") or {}).get("team") or "(not recorded)"
        n, y = teams.get(team, (0, 0))
        teams[team] = (n + 1, y + (grades[record["auditId"]] in good))
    names = sorted(teams)
    total_n = sum(teams[t][0] for t in names)
    theta = sum(teams[t][1] for t in names) / total_n
    plotted = [t for t in names if teams[t][0] >= 5]
    z = [(teams[t][1] / teams[t][0] - theta) / math.sqrt(theta * (1 - theta) / teams[t][0]) for t in plotted]
    low, high = numpy.percentile(z, [10, 90])  # linear interpolation, NumPy's default
    phi = sum(min(high, max(low, s)) ** 2 for s in z) / len(z)
    k = len(plotted)
    widened = k >= 10 and k * phi > chi2.ppf(0.95, k - 1)

    def limits(n):
        values = {}
        for name, q in [("lower95", 0.025), ("upper95", 0.975), ("lower998", 0.001), ("upper998", 0.999)]:
            value = limit(q, n, theta)
            if widened:
                value = theta + math.sqrt(phi) * (value - theta)
            values[name] = min(1.0, max(0.0, value))
        return values

    units = []
    for t in plotted:
        n, y = teams[t]
        share, l = y / n, limits(n)
        position = ("above 99.8%" if share > l["upper998"] else "above 95%" if share > l["upper95"]
                    else "below 99.8%" if share < l["lower998"] else "below 95%" if share < l["lower95"] else "within")
        units.append({"name": t, "n": n, "y": y, "share": round(share, 4), "position": position,
                      **{key: round(value, 4) for key, value in l.items()}})
    print(json.dumps({"measure": "goodOrBetter", "target": round(theta, 4), "phi": round(phi, 4),
                      "widened": bool(widened), "units": units, "tooFew": len(names) - k}))


if __name__ == "__main__":
    main()
