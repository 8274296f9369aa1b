#!/usr/bin/env python3
"""Agreement between the two annotations of the double-annotated articles.

Usage: agreement.py [DOUBLE_DIR]   (default: double/ beside this file)

Each file of DOUBLE_DIR is a second annotation of an article whose first
annotation is in train/, dev/ or test/ beside it. The second annotation's
required actors and relationships are scored as a prediction against the
first with score.py (optional items of the first are accepted, never
missed), and the other way round; the counts are summed over the articles.
Only the totals are printed: the test split's annotations are not shown.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import score  # noqa: E402


def as_pred(gold):
    """A gold graph's required items in the shape of actorgraph's JSON."""
    ents = [{"id": e["name"], "type": e["type"], "name": e["name"], "aliases": e.get("aliases", [])}
            for e in gold["entities"] if e.get("status", "required") == "required"]
    rels = [{"type": r["type"], "source": r["source"], "target": r["target"]}
            for r in gold["relations"] if r.get("status", "required") == "required"]
    return {"entities": ents, "relations": rels}


def first_annotation(name):
    for split in ("train", "dev", "test"):
        p = os.path.join(HERE, split, name)
        if os.path.isfile(p):
            return p
    return None


def main():
    double = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "double")
    totals = {k: {"correct": 0, "fp": 0, "found": 0, "required": 0} for k in ("entities", "relations")}
    n = 0
    for name in sorted(os.listdir(double)):
        if not name.endswith(".gold.json"):
            continue
        first = first_annotation(name)
        if first is None:
            print(f"agreement: {name}: no first annotation in train/, dev/ or test/", file=sys.stderr)
            sys.exit(2)
        a, b = score.load(first), score.load(os.path.join(double, name))
        for gold, other in ((a, b), (b, a)):
            res, _ = score.score(gold, as_pred(other))
            for k in totals:
                t = totals[k]
                t["correct"] += res[k]["correct"]
                t["fp"] += res[k]["false_positives"]
                t["found"] += res[k]["required_found"]
                t["required"] += res[k]["required"]
        n += 1
    print(f"{n} articles annotated twice; each annotation scored against the other, summed")
    for k, t in totals.items():
        p = score.ratio(t["correct"], t["correct"] + t["fp"])
        r = score.ratio(t["found"], t["required"])
        print(f"{k:<10} P={p:.2f} R={r:.2f} F1={score.f1(p, r):.2f}  (required {t['required']})")


if __name__ == "__main__":
    main()
