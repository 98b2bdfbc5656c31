#!/usr/bin/env python3
"""A straightforward Python implementation of the monthly sample (docs/sampling.md),
written independently of the Swift code, to cross-check `ehcp-audit sample`.

Usage: reference_sample.py POPULATION.csv MONTH SEED [RATE] [STRATA] [LOOKBACK]
Prints the selected plans as `plan_id,stratum,rank`, like `sample --format csv`.
"""
import csv
import hashlib
import math
import sys


def main():
    path, month, seed = sys.argv[1:4]
    rate = float(sys.argv[4]) if len(sys.argv) > 4 else 0.05
    keys = (sys.argv[5] if len(sys.argv) > 5 else "locality,phase").split(",")
    lookback = int(sys.argv[6]) if len(sys.argv) > 6 else 12
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    n = len(rows)
    target = math.ceil(rate * n - 1e-9)
    year, mon = map(int, month.split("-"))
    index = year * 12 + mon - 1 - lookback
    cutoff = f"{index // 12:04d}-{index % 12 + 1:02d}-01"
    plans = []
    for r in rows:
        pid = r["plan_id"].strip()
        last = (r.get("last_audited") or "").strip()
        stratum = "|".join((r.get(k) or "").strip() for k in keys)
        rank = hashlib.sha256(f"{seed}:{month}:{pid}".encode("utf-8")).hexdigest()
        plans.append({"id": pid, "last": last, "recent": bool(last) and last >= cutoff, "stratum": stratum, "rank": rank})
    eligible = [p for p in plans if not p["recent"]]
    e = len(eligible)
    if target >= e:
        recent = sorted((p for p in plans if p["recent"]), key=lambda p: (p["last"], p["rank"]))
        selected = eligible + recent[: target - e]
    else:
        strata = {}
        for p in eligible:
            strata.setdefault(p["stratum"], []).append(p)
        names = sorted(strata, key=lambda s: s.encode("utf-8"))
        quotas = [target * len(strata[s]) // e for s in names]
        left = target - sum(quotas)
        order = sorted(range(len(names)), key=lambda i: (-(target * len(strata[names[i]]) % e), i))
        for i in order[:left]:
            quotas[i] += 1
        selected = []
        for s, q in zip(names, quotas):
            selected += sorted(strata[s], key=lambda p: p["rank"])[:q]
    selected.sort(key=lambda p: (p["stratum"].encode("utf-8"), p["rank"]))
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["plan_id", "stratum", "rank"])
    for p in selected:
        out.writerow([p["id"], p["stratum"], p["rank"]])


if __name__ == "__main__":
    main()
