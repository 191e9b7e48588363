#!/usr/bin/env python3
"""collect.py OWNER__REPO GITDIR : copies the configuration files of a bare git dir (HEAD) into
/work/realrepos/OWNER__REPO keeping paths, writes SOURCE, and prints candidate extra files (other yml/properties/xml
outside src/test that mention mail settings). Test resources are skipped."""
import fnmatch, os, re, subprocess, sys

NAMES = ["application*.properties", "application*.yml", "application*.yaml", "bootstrap*.properties",
         "bootstrap*.yml", "bootstrap*.yaml", "*mail*.properties", "logback*.xml", "log4j2*.xml", "log4j2*.yml",
         "log4j2*.yaml", "log4j2*.json", "log4j2*.properties", "config-v1.1.xml"]
SKIP = re.compile(r"(^|/)(src/test|test/resources|node_modules|\.git)/")
MAILY = re.compile(r"spring\.mail|^\s*mail:|quarkus\.mailer|mail\.smtp|mail\.imap|mail\.pop3|SMTPAppender|<SMTP|smtps?://|imaps?://|simplejavamail", re.M)


def git(gd, *a):
    return subprocess.run(["git", "-C", gd] + list(a), capture_output=True, check=True).stdout


def main():
    name, gd = sys.argv[1], sys.argv[2]
    dest = os.path.join("/work/realrepos", name)
    paths = git(gd, "ls-tree", "-r", "--name-only", "HEAD").decode().splitlines()
    commit = git(gd, "rev-parse", "HEAD").decode().strip()
    date = git(gd, "log", "-1", "--format=%cI", "HEAD").decode().strip()
    picked, extra = [], []
    for p in paths:
        if SKIP.search(p):
            continue
        b = os.path.basename(p)
        if any(fnmatch.fnmatchcase(b, n) for n in NAMES) or "/autoconfig/" in p and b.endswith(".xml"):
            picked.append(p)
        elif re.search(r"\.(ya?ml|properties|xml|conf)$", b) and not b.startswith("pom"):
            extra.append(p)
    os.makedirs(dest, exist_ok=True)
    for p in picked:
        data = git(gd, "show", "HEAD:" + p)
        out = os.path.join(dest, p)
        os.makedirs(os.path.dirname(out), exist_ok=True)
        open(out, "wb").write(data)
    with open(os.path.join(dest, "SOURCE"), "w") as f:
        f.write("repo: %s\ncommit: %s\ndate: %s\n" % (name.replace("__", "/", 1), commit, date))
    print("%s: %d files copied" % (name, len(picked)))
    for p in extra:
        try:
            t = git(gd, "show", "HEAD:" + p).decode("utf-8", "replace")
        except Exception:
            continue
        if MAILY.search(t):
            print("  candidate: " + p)


if __name__ == "__main__":
    main()
