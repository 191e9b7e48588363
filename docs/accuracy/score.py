#!/usr/bin/env python3
"""Matches mailports-report.json findings against verdicts.tsv (format: FORMAT.md). Prints per repository
and totals. Usage: score.py REALREPOS_DIR OUT_DIR repo..."""
import json, os, sys

TOL = 2
SEVS = ("ERROR", "WARNING")


def read_verdicts(path):
    expects, valid, endpoints, errors = [], set(), 0, []
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not line.strip():
                continue
            if line.lstrip().startswith("#"):
                if line.lstrip()[1:].strip().lower().startswith("endpoint:"):
                    endpoints += 1
                continue
            cols = line.split("\t")
            kind = cols[0].strip().upper()
            if kind == "VALID" and len(cols) >= 2:
                valid.add(cols[1].strip())
                continue
            if kind in ("EXPECT", "ALLOW") and len(cols) >= 5:
                lines = cols[2].strip()
                ls = None if lines == "*" else [int(x) for x in lines.split(",") if x.strip()]
                expects.append({"kind": kind, "file": cols[1].strip(), "lines": ls, "rule": cols[3].strip(),
                                "severity": cols[4].strip().upper(), "reason": cols[5].strip() if len(cols) > 5 else "",
                                "matched": []})
                continue
            errors.append("verdicts.tsv:%d: cannot read: %r" % (n, line[:80]))
    return expects, valid, endpoints, errors


def corpus_files(d):
    out = []
    for root, dirs, files in os.walk(d):
        dirs[:] = [x for x in dirs if not x.startswith(".")]
        for fn in files:
            rel = os.path.relpath(os.path.join(root, fn), d).replace(os.sep, "/")
            if rel in ("SOURCE", "INCLUDES", "verdicts.tsv") or rel.startswith("NOTES"):
                continue
            out.append(rel)
    return sorted(out)


def dist(e, f):
    if e["lines"] is None:
        return 0
    return min(abs(f["line"] - l) for l in e["lines"])


def score(base, outdir, repo):
    d = os.path.join(base, repo)
    res = {"repo": repo, "findings": 0, "right": [], "wrong": [], "missed": [], "allowed": [], "sevdiff": [],
           "mp900valid": [], "noverdict": [], "problems": [], "endpoints": 0, "plugin_endpoints": 0, "commit": ""}
    src = os.path.join(d, "SOURCE")
    if os.path.exists(src):
        for l in open(src, encoding="utf-8"):
            if l.startswith("commit:"):
                res["commit"] = l.split(":", 1)[1].strip()[:10]
    expects, valid, res["endpoints"], res["problems"] = read_verdicts(os.path.join(d, "verdicts.tsv"))
    rep = os.path.join(outdir, repo, "mailports-report.json")
    if not os.path.exists(rep):
        res["problems"].append("no report (see %s)" % os.path.join(outdir, repo, "maven.log"))
        findings = []
    else:
        data = json.load(open(rep, encoding="utf-8"))
        res["plugin_endpoints"] = len(data.get("endpoints", []))
        findings = [f for f in data.get("findings", []) if f.get("severity") in SEVS
                    and not f.get("suppressed") and not f.get("baselined")]
    res["findings"] = len(findings)
    # greedy matching by smallest line distance; EXPECT before ALLOW
    cands = []
    for fi, f in enumerate(findings):
        for ei, e in enumerate(expects):
            if e["file"] == f["file"] and f["ruleId"] in e["rule"].split("|"):
                dd = dist(e, f)
                if dd <= TOL:
                    cands.append((dd, 0 if e["kind"] == "EXPECT" else 1, fi, ei))
    cands.sort()
    used_f = set()
    for dd, _, fi, ei in cands:
        if fi in used_f or expects[ei]["matched"]:
            continue
        used_f.add(fi)
        expects[ei]["matched"].append(findings[fi])
    # findings that match an already-matched EXPECT (duplicates) stay unmatched -> wrong
    for fi, f in enumerate(findings):
        if fi in used_f:
            e = next(e for e in expects if e["matched"] and e["matched"][0] is f)
            if e["kind"] == "ALLOW":
                res["allowed"].append((f, e))
            else:
                res["right"].append((f, e))
                if e["severity"] in SEVS and e["severity"] != f["severity"]:
                    res["sevdiff"].append((f, e))
        else:
            dup = any(e["file"] == f["file"] and f["ruleId"] in e["rule"].split("|") and e["matched"] and dist(e, f) <= TOL
                      for e in expects)
            res["wrong"].append((f, "a second finding near a verdict line already matched" if dup else ""))
        if f["ruleId"] == "MP900" and f["file"] in valid:
            res["mp900valid"].append(f)
    res["missed"] = [e for e in expects if e["kind"] == "EXPECT" and not e["matched"]]
    named = valid | {e["file"] for e in expects if "MP900" in e["rule"].split("|")}
    res["noverdict"] = [c for c in corpus_files(d) if c not in named]
    return res


def fmt(f):
    return "%s:%s [%s %s] %s" % (f["file"], f["line"], f["ruleId"], f["severity"], f.get("message", ""))


def main():
    base, outdir, repos = sys.argv[1], sys.argv[2], sys.argv[3:]
    tot = {"findings": 0, "right": 0, "wrong": 0, "allowed": 0, "missed": 0, "mp900valid": 0, "endpoints": 0, "expected": 0}
    rows = []
    sub_names = set()
    sp = os.path.join(base, "issue14-repos.txt")
    if os.path.exists(sp):
        sub_names = {l.strip() for l in open(sp) if l.strip()}
    sub = {"n": 0, "right": 0, "wrong": 0, "allowed": 0, "missed": 0, "mp900valid": 0, "findings": 0}
    for repo in repos:
        r = score(base, outdir, repo)
        exp = len(r["right"]) + len(r["missed"])
        print("== %s (%s)" % (r["repo"], r["commit"]))
        print("   verdict endpoints %d, plugin endpoints %d, expected %d; findings %d: right %d, wrong %d, missed %d, "
              "allowed %d, MP900 on valid files %d"
              % (r["endpoints"], r["plugin_endpoints"], exp, r["findings"], len(r["right"]), len(r["wrong"]),
                 len(r["missed"]), len(r["allowed"]), len(r["mp900valid"])))
        for p in r["problems"]:
            print("   PROBLEM " + p)
        for f, why in r["wrong"]:
            print("   WRONG   " + fmt(f) + ((" (" + why + ")") if why else ""))
        for e in r["missed"]:
            print("   MISSED  %s:%s [%s %s] %s" % (e["file"], ",".join(map(str, e["lines"] or ["*"])), e["rule"],
                                                 e["severity"], e["reason"]))
        for f, e in r["sevdiff"]:
            print("   SEVERITY differs (counted right): %s, verdict %s" % (fmt(f), e["severity"]))
        for f in r["mp900valid"]:
            print("   MP900-ON-VALID " + fmt(f))
        for f, e in r["allowed"]:
            print("   allowed " + fmt(f))
        for c in r["noverdict"]:
            print("   no-verdict file: " + c)
        tot["findings"] += r["findings"]; tot["right"] += len(r["right"]); tot["wrong"] += len(r["wrong"]); tot["allowed"] += len(r["allowed"])
        tot["missed"] += len(r["missed"]); tot["mp900valid"] += len(r["mp900valid"])
        tot["endpoints"] += r["endpoints"]; tot["expected"] += exp
        if repo in sub_names:
            sub["n"] += 1; sub["findings"] += r["findings"]
            for k in ("right", "wrong", "allowed", "missed", "mp900valid"):
                sub[k] += len(r[k])
        rules = {}
        for f, e in r["right"]:
            rules[e["rule"]] = rules.get(e["rule"], 0) + 1
        for e in r["missed"]:
            rules[e["rule"]] = rules.get(e["rule"], 0) + 1
        rs = ", ".join(("%s x%d" % (k, v) if v > 1 else k).replace("|", " or ") for k, v in sorted(rules.items())) or "-"
        inc = "yes" if os.path.exists(os.path.join(base, repo, "INCLUDES")) else ""
        rows.append((r["repo"].replace("__", "/", 1), r["commit"], r["endpoints"], exp, rs, r["findings"], len(r["right"]),
                     len(r["wrong"]), len(r["missed"]), len(r["mp900valid"]), inc))
    print()
    print("| repository | commit | endpoints | expected | expected rules | findings | right | wrong | missed | MP900 on valid files | extra includes |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        print("| %s | %s | %d | %d | %s | %d | %d | %d | %d | %d | %s |" % row)
    p = tot["right"] / float(tot["right"] + tot["wrong"]) if tot["right"] + tot["wrong"] else 1.0
    rc = tot["right"] / float(tot["right"] + tot["missed"]) if tot["right"] + tot["missed"] else 1.0
    print()
    print("TOTAL repositories %d, endpoints %d, expected %d, findings %d, right %d, wrong %d, neutral (ALLOW) %d, "
          "missed %d, MP900 on valid files %d" % (len(repos), tot["endpoints"], tot["expected"], tot["findings"],
                                                  tot["right"], tot["wrong"], tot["allowed"], tot["missed"],
                                                  tot["mp900valid"]))
    print("PRECISION %.3f  RECALL %.3f" % (p, rc))
    if sub["n"]:
        sp_ = sub["right"] / float(sub["right"] + sub["wrong"]) if sub["right"] + sub["wrong"] else 1.0
        sr_ = sub["right"] / float(sub["right"] + sub["missed"]) if sub["right"] + sub["missed"] else 1.0
        print("ISSUE-14 SET (%d of the repositories in issue14-repos.txt): findings %d, right %d, wrong %d, neutral %d, "
              "missed %d, MP900 on valid files %d; PRECISION %.3f  RECALL %.3f"
              % (sub["n"], sub["findings"], sub["right"], sub["wrong"], sub["allowed"], sub["missed"], sub["mp900valid"],
                 sp_, sr_))


if __name__ == "__main__":
    main()
