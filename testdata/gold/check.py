#!/usr/bin/env python3
"""Check gold files: structure, endpoints, evidence found verbatim in the article.

Usage: check.py GOLD.json [GOLD.json ...]
Article texts are looked up beside this file: ../bbc/<file> for "bbc/news/<folder>/<file>",
../modern/<file> for "modern/<file>", ../<file> otherwise.
"""
import json
import os
import re
import sys

TESTDATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
TYPES = {"Person", "Country", "Organization"}
RELS = {"MET_WITH", "ADVISES", "CRITICIZED"}


def norm(s):
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", s).strip()


def article_text(path):
    if path.startswith("bbc/"):
        p = os.path.join(TESTDATA, "bbc", os.path.basename(path))
    elif path.startswith("modern/"):
        p = os.path.join(TESTDATA, "modern", os.path.basename(path))
    else:
        p = os.path.join(TESTDATA, path)
    if os.path.isfile(p):
        return open(p, encoding="utf-8").read()
    return None


def check(path):
    problems = []
    try:
        g = json.load(open(path, encoding="utf-8"))
    except Exception as e:
        return [f"not JSON: {e}"]
    text = article_text(g.get("article", ""))
    if text is None:
        problems.append(f"article {g.get('article')!r} not found under {TESTDATA}")
        text = ""
    nt = norm(text)
    names = {}
    for i, e in enumerate(g.get("entities", [])):
        if e.get("type") not in TYPES:
            problems.append(f"entity {i} {e.get('name')!r}: type {e.get('type')!r}")
        if e.get("status", "required") not in ("required", "optional"):
            problems.append(f"entity {i} {e.get('name')!r}: status {e.get('status')!r}")
        if not isinstance(e.get("aliases", []), list):
            problems.append(f"entity {i} {e.get('name')!r}: aliases must be a list")
        n = e.get("name", "")
        if not n:
            problems.append(f"entity {i}: no name")
        if n in names:
            problems.append(f"entity {n!r} listed twice")
        names[n] = e
    if "relations" not in g:
        problems.append("no relations list (write [] when there are none)")
    seen = set()
    for i, r in enumerate(g.get("relations", [])):
        t = r.get("type")
        if t not in RELS:
            problems.append(f"relation {i}: type {t!r}")
        for end in ("source", "target"):
            if r.get(end) not in names:
                problems.append(f"relation {i} {t}: {end} {r.get(end)!r} is not an entity name")
        if r.get("source") == r.get("target"):
            problems.append(f"relation {i} {t}: source and target are the same")
        k = (t, r.get("source"), r.get("target"))
        if t == "MET_WITH":
            k = (t,) + tuple(sorted((r.get("source", ""), r.get("target", ""))))
        if k in seen:
            problems.append(f"relation {i} {t} {r.get('source')} -> {r.get('target')}: listed twice")
        seen.add(k)
        if r.get("status", "required") not in ("required", "optional"):
            problems.append(f"relation {i}: status {r.get('status')!r}")
        ev = r.get("evidence")
        if isinstance(ev, str):
            ev = [ev]
        if not ev:
            problems.append(f"relation {i} {t} {r.get('source')} -> {r.get('target')}: no evidence")
            continue
        for s in ev:
            if norm(s) not in nt:
                problems.append(f"relation {i} {t} {r.get('source')} -> {r.get('target')}: evidence not verbatim in the article: {s[:80]!r}")
    return problems


def main():
    bad = 0
    for p in sys.argv[1:]:
        probs = check(p)
        if probs:
            bad += 1
            print(f"{p}:")
            for x in probs:
                print(f"  {x}")
    if not bad:
        print(f"ok ({len(sys.argv) - 1} file(s))")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
