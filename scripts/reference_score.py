#!/usr/bin/env python3
"""A straightforward Python implementation of the scoring rules (docs/scoring.md).

Written independently of the Swift code, for two uses:
  * a cross-check: scripts/crosscheck compares its output with `ehcp-audit score`;
  * a baseline: scripts/bench measures `ehcp-audit score` against it.

Usage: reference_score.py FRAMEWORK.yaml FILE.jsonl [--format json|csv]
Records must be valid (this is a reference for scoring, not a validator). A draft may
leave criteria unrated: it is scored over the criteria it rates, an unrated criterion
counting as "na" does (docs/scoring.md §2).
"""
import json
import math
import sys

import yaml

TOLERANCE = 1e-9


def load_framework(path):
    with open(path, encoding="utf-8") as f:
        fw = yaml.safe_load(f)
    points = {r["id"]: float(r["points"]) for r in fw["scale"]}
    pmax, pmin = max(points.values()), min(points.values())
    pct = {rid: 100.0 * (p - pmin) / (pmax - pmin) for rid, p in points.items()}
    crit = {}
    for s in fw["sections"]:
        for c in s["criteria"]:
            crit[c["id"]] = (s, c)
    advice = fw.get("advice")
    return fw, points, pct, crit, advice


def grade_for(grades, percent):
    for i, g in enumerate(grades):
        if percent >= g["minPercent"] - TOLERANCE:
            return i
    return len(grades) - 1


def rating_of(ratings, criterion):
    """A criterion's rating; one a draft leaves unrated counts as na (a final record rates all)."""
    return ratings.get(criterion, "na")


def score(record, fw, points, pct, crit, advice):
    ratings = {j["criterion"]: j["rating"] for j in record.get("judgements", [])}
    grades = fw["grades"]
    sections, applicable = [], []
    for s in fw["sections"]:
        num = den = 0.0
        for c in s["criteria"]:
            r = rating_of(ratings, c["id"])
            if r == "na":
                continue
            w = float(c.get("weight", 1))
            num += w * pct[r]
            den += w
        p = num / den if den > 0 else None
        sections.append((s, p, den))
        if p is not None:
            applicable.append((s, p))
    wsum = sum(float(s["weight"]) for s, _ in applicable)
    percent = sum(float(s["weight"]) * p for s, p in applicable) / wsum
    boundary = grade_for(grades, percent)
    final = boundary
    caps = []
    for s in fw["sections"]:
        for c in s["criteria"]:
            cap = c.get("cap")
            r = rating_of(ratings, c["id"])
            if cap and r != "na" and points[r] <= points[cap["at"]]:
                gi = [g["id"] for g in grades].index(cap["grade"])
                caps.append({"criterion": c["id"], "grade": cap["grade"]})
                final = max(final, gi)
    below = points[fw["actionBelow"]]
    actions = []
    order = 0
    for s, p, den in sections:
        for c in s["criteria"]:
            r = rating_of(ratings, c["id"])
            if r == "na" or points[r] >= below or p is None:
                continue
            gain = (float(s["weight"]) / wsum) * (float(c.get("weight", 1)) / den) * (pct[fw["actionBelow"]] - pct[r])
            actions.append((gain, order, {"criterion": c["id"], "section": s["id"], "rating": r, "gain": gain, "text": c["action"]}))
            order += 1
    # Largest gain first; gains within 1e-9 are ties that keep framework order.
    ordered = []
    for gain, order, action in sorted(actions, key=lambda a: a[1]):
        i = len(ordered)
        while i > 0 and gain > ordered[i - 1][0] + TOLERANCE:
            i -= 1
        ordered.insert(i, (gain, order, action))
    advices = []
    for a in record.get("advices", []):
        days = timely = None
        if a.get("requested") and a.get("received"):
            from datetime import date
            days = (date.fromisoformat(a["received"]) - date.fromisoformat(a["requested"])).days
            timely = days <= advice["deadlineDays"]
        ap = ag = None
        if a["status"] in ("received", "no-needs-identified"):
            ar = {j["criterion"]: j["rating"] for j in a.get("judgements", [])}
            num = den = 0.0
            worst = None
            for c in advice["criteria"]:
                r = rating_of(ar, c["id"])
                if r == "na":
                    continue
                w = float(c.get("weight", 1))
                num += w * pct[r]
                den += w
                cap = c.get("cap")
                if cap and points[r] <= points[cap["at"]]:
                    gi = [g["id"] for g in advice["grades"]].index(cap["grade"])
                    worst = gi if worst is None else max(worst, gi)
            if den > 0:
                ap = num / den
                gi = grade_for(advice["grades"], ap)
                if worst is not None:
                    gi = max(gi, worst)
                ag = advice["grades"][gi]["id"]
        advices.append({"id": a["id"], "status": a["status"], "percent": ap, "grade": ag, "days": days, "timely": timely})
    return {
        "auditId": record["auditId"], "planId": record["planId"], "framework": record["framework"],
        "percent": percent, "boundaryGrade": grades[boundary]["id"], "grade": grades[final]["id"], "caps": caps,
        "sections": [{"id": s["id"], "percent": p, "grade": None if p is None else grades[grade_for(grades, p)]["id"]} for s, p, _ in sections],
        "actions": [a for _, _, a in ordered], "advices": advices,
    }


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    fmt = "json"
    if "--format" in sys.argv:
        fmt = sys.argv[sys.argv.index("--format") + 1]
    fw, points, pct, crit, advice = load_framework(sys.argv[1])
    out = sys.stdout
    section_ids = [s["id"] for s in fw["sections"]]
    if fmt == "csv":
        out.write(",".join(["auditId", "planId", "percent", "grade", "boundaryGrade", "caps", "actions"] + section_ids) + "\n")
    else:
        out.write('{"records":[\n')
    first = True
    with open(sys.argv[2], encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            result = score(json.loads(line), fw, points, pct, crit, advice)
            if fmt == "csv":
                caps = ";".join(f'{c["criterion"]}:{c["grade"]}' for c in result["caps"])
                cells = [result["auditId"], result["planId"], f'{result["percent"]:.2f}', result["grade"], result["boundaryGrade"], caps, str(len(result["actions"]))]
                cells += ["" if s["percent"] is None else f'{s["percent"]:.2f}' for s in result["sections"]]
                out.write(",".join(cells) + "\n")
            else:
                out.write(("" if first else ",") + json.dumps(result) + "\n")
            first = False
    if fmt != "csv":
        out.write("]}\n")


if __name__ == "__main__":
    main()
