#!/usr/bin/env python3
"""A straightforward Python implementation of moderation agreement (docs/moderation.md).

Written independently of the Swift code, as a cross-check: scripts/crosscheck compares
its output with `ehcp-audit report moderation --format json`.

Usage: reference_moderation.py FRAMEWORK.yaml AUDITS.jsonl FROM TO
"""
import json
import math
import sys

from reference_score import load_framework, score


def alpha(units, level):
    units = [u for u in units if len(u) >= 2]
    if not units:
        return None
    values = sorted({v for u in units for v in u})
    o = {(c, k): 0.0 for c in values for k in values}
    for u in units:
        for i, c in enumerate(u):
            for j, k in enumerate(u):
                if i != j:
                    o[(c, k)] += 1.0 / (len(u) - 1)
    n_c = {c: sum(o[(c, k)] for k in values) for c in values}
    n = sum(n_c.values())

    def delta(c, k):
        if level == "nominal":
            return 0.0 if c == k else 1.0
        if level == "interval":
            return (c - k) ** 2
        lo, hi = min(c, k), max(c, k)
        between = sum(n_c[g] for g in values if lo <= g <= hi)
        return (between - (n_c[c] + n_c[k]) / 2) ** 2

    d_o = sum(o[(c, k)] * delta(c, k) for c in values for k in values)
    d_e = sum(n_c[c] * n_c[k] * delta(c, k) for c in values for k in values) / (n - 1)
    if d_e == 0:
        return None
    return 1 - d_o / d_e


# The shipped plan-check rules' informs mapping (docs/plan-checks.md, "Checks").
INFORMS = {
    "missing-section": ["A1", "B1", "C1", "D1", "E1", "F1", "G1", "H1a", "H2a", "I1", "J1", "K1"],
    "vague-wording": ["F4", "G1", "H1a", "H2a"], "unquantified-provision": ["F1", "G1", "H1a", "H2a"],
    "no-expertise": ["F3"], "outcome-not-time-bound": ["E1"], "outcome-is-provision": ["E2"],
    "setting-named-in-draft": ["I1"], "no-setting-in-final": ["I1"], "stale-advice": ["K2"],
    "no-review-date": ["F5"], "template-text": [], "repeated-text": ["E2", "F1"],
}


def plan_checks(audits, chosen, fw, points, criteria, first, last):
    """Each check against the auditors' ratings: the latest final, non-moderation audit of
    each plan in the period carrying planChecks, against the compared framework."""
    if chosen is None:
        return {"audits": 0, "checks": []}
    latest = {}
    for a in audits.values():
        if (a.get("planChecks") is None or a["status"] != "final" or a["kind"] == "moderation"
                or (a["framework"]["id"], a["framework"]["version"]) != chosen
                or not first <= a["auditDate"][:7] <= last):
            continue
        held = latest.get(a["planId"])
        if held is None or (held["auditDate"], held["auditId"]) < (a["auditDate"], a["auditId"]):
            latest[a["planId"]] = a
    if not latest:
        return {"audits": 0, "checks": []}
    threshold = points[fw["actionBelow"]]
    rows = []
    for check, informed in INFORMS.items():
        informed = [c for c in criteria if c in informed]
        if not informed:
            continue
        n = {True: [0, 0], False: [0, 0]}
        for a in latest.values():
            count = a["planChecks"]["counts"].get(check)
            if count is None:
                continue
            below = any(points.get(a["_ratings"].get(c), threshold) < threshold for c in informed)
            n[count > 0][0] += 1
            n[count > 0][1] += below
        share = lambda k, t: k / t if t else None
        rows.append({"check": check, "criteria": informed, "found": n[True][0], "foundBelow": n[True][1],
                     "foundShare": share(n[True][1], n[True][0]), "notFound": n[False][0],
                     "notFoundBelow": n[False][1], "notFoundShare": share(n[False][1], n[False][0])})
    return {"audits": len(latest), "checks": rows}


def main():
    fw_path, audits_path, first, last = sys.argv[1:5]
    fw, points, pct, crit, advice = load_framework(fw_path)
    audits = {}
    for line in open(audits_path, encoding="utf-8"):
        if line.strip():
            record = json.loads(line)
            result = score(record, fw, points, pct, crit, advice)
            record["_percent"], record["_grade"] = result["percent"], result["grade"]
            record["_ratings"] = {j["criterion"]: j["rating"] for j in record["judgements"]}
            audits[record["auditId"]] = record
    key = lambda a: (a["auditDate"], a["auditId"])
    fref = lambda a: (a["framework"]["id"], a["framework"]["version"])
    moderations = sorted(
        (a for a in audits.values()
         if a["kind"] == "moderation" and a["status"] == "final" and first <= a["auditDate"][:7] <= last), key=key)

    def target(link, m):
        if link.get("moderates") is None:
            earlier = [a for a in audits.values() if a["status"] == "final" and a["kind"] != "moderation"
                       and a["planId"] == m["planId"] and fref(a) == fref(m) and a["auditDate"] <= link["auditDate"]]
            return (max(earlier, key=key), None) if earlier else (None, "no-earlier-audit")
        t = audits.get(link["moderates"])
        if t is None:
            return None, "unknown-audit"
        if t["status"] != "final":
            return None, "not-final"
        if t["planId"] != m["planId"]:
            return None, "other-plan"
        if fref(t) != fref(m):
            return None, "other-framework"
        return t, None

    groups, coders, unmatched = {}, {}, []
    for m in moderations:
        seen, current, root, reason = {m["auditId"]}, m, None, None
        while True:
            t, reason = target(current, m)
            if reason:
                break
            if t["kind"] != "moderation":
                root = t
                break
            if t["auditId"] in seen:
                reason = "cycle"
                break
            seen.add(t["auditId"])
            current = t
        if reason is None:
            done = coders.setdefault(root["auditId"], {root["auditor"]})
            if m["auditor"] in done:
                reason = "same-auditor"
            else:
                done.add(m["auditor"])
                groups.setdefault(root["auditId"], (root, []))[1].append(m)
        if reason:
            unmatched.append({"auditId": m["auditId"], "reason": reason})

    counts = {}
    for root, ms in groups.values():
        counts[fref(root)] = counts.get(fref(root), 0) + len(ms)
    chosen = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[0][0] if counts else None
    chosen_groups = [g for _, g in sorted(groups.items()) if fref(g[0]) == chosen]
    pairs = [(root, m) for root, ms in chosen_groups for m in ms]
    scale = [r["id"] for r in fw["scale"]]
    grade_ids = [g["id"] for g in fw["grades"]]
    criteria = [c["id"] for s in fw["sections"] for c in s["criteria"]]

    def units_of(cid):
        return [[points[a["_ratings"][cid]] for a in [root] + ms if a["_ratings"].get(cid, "na") != "na"]
                for root, ms in chosen_groups]

    all_units, by_criterion, both, same, within, na_total = [], [], 0, 0, 0, 0
    for cid in criteria:
        units = units_of(cid)
        all_units += units
        different = na = 0
        for root, m in pairs:
            a, b = root["_ratings"].get(cid), m["_ratings"].get(cid)
            if (a == "na") != (b == "na"):
                na += 1
            if a in scale and b in scale:
                both += 1
                same += a == b
                within += abs(scale.index(a) - scale.index(b)) <= 1
                different += a != b
        na_total += na
        by_criterion.append({"criterion": cid, "units": sum(len(u) >= 2 for u in units),
                             "alphaOrdinal": alpha(units, "ordinal"), "differentRatings": different,
                             "naDisagreements": na})
    share = lambda k, n: k / n if n else None
    d = [m["_percent"] - root["_percent"] for root, m in pairs]
    mean = sum(d) / len(d) if d else None
    sd = math.sqrt(sum((x - mean) ** 2 for x in d) / (len(d) - 1)) if len(d) >= 2 else None
    steps = [abs(grade_ids.index(root["_grade"]) - grade_ids.index(m["_grade"])) for root, m in pairs]
    auditors = {}
    for root, m in pairs:
        auditors.setdefault(root["auditor"], []).append((root, m))
    out = {
        "framework": {"id": chosen[0], "version": chosen[1]} if chosen else None,
        "groups": len(chosen_groups), "pairs": len(pairs),
        "unmatched": sorted(unmatched, key=lambda u: u["auditId"]),
        "criteria": {"units": sum(len(u) >= 2 for u in all_units), "alphaOrdinal": alpha(all_units, "ordinal"),
                     "alphaInterval": alpha(all_units, "interval"), "alphaNominal": alpha(all_units, "nominal"),
                     "exact": share(same, both), "withinOne": share(within, both)},
        "naDisagreements": na_total,
        "grades": {"alphaOrdinal": alpha([[grade_ids.index(a["_grade"]) for a in [root] + ms]
                                          for root, ms in chosen_groups], "ordinal"),
                   "exact": share(sum(s == 0 for s in steps), len(pairs)),
                   "withinOne": share(sum(s <= 1 for s in steps), len(pairs))},
        "percentDifference": {"mean": mean, "sd": sd, "low": None if sd is None else mean - 1.96 * sd,
                              "high": None if sd is None else mean + 1.96 * sd},
        "auditors": [{"auditor": name, "pairs": len(ps),
                      "meanDifference": sum(m["_percent"] - r["_percent"] for r, m in ps) / len(ps),
                      "exactGrade": sum(r["_grade"] == m["_grade"] for r, m in ps) / len(ps)}
                     for name, ps in sorted(auditors.items())],
        "byCriterion": by_criterion if pairs else [],
        "planChecks": plan_checks(audits, chosen, fw, points, criteria, first, last),
    }
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
