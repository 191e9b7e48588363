#!/usr/bin/env python3
"""validity.py OWNER__REPO : checks each corpus file the way its library would read it (YAML with Maven @token@
filtering applied first and duplicate keys refused as Spring's loader does; XML with a DOCTYPE allowed; properties
always readable) and prints VALID lines for verdicts.tsv, or '# CHECK' lines for files to judge by hand."""
import os, re, sys, yaml
import xml.dom.minidom

def dup_check(node, path=""):
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for k, v in node.value:
            key = k.value if isinstance(k, yaml.ScalarNode) else str(k)
            if key in seen and key != "<<":
                raise ValueError("duplicate key %s%s at line %d" % (path, key, k.start_mark.line + 1))
            seen.add(key)
            dup_check(v, path + str(key) + ".")
    elif isinstance(node, yaml.SequenceNode):
        for v in node.value:
            dup_check(v, path)

def check(p):
    t = open(p, "rb").read().decode("utf-8", "replace")
    if p.endswith((".yml", ".yaml")):
        t2 = re.sub(r"@([A-Za-z0-9_.\-]+)@", lambda m: "x" * len(m.group(0)), t)
        for n in yaml.compose_all(t2, Loader=yaml.SafeLoader):
            if n is not None:
                dup_check(n)
        return "YAML (Spring/SnakeYAML)" + (", after Maven filtering of @tokens@" if t2 != t else "")
    if p.endswith(".xml"):
        xml.dom.minidom.parseString(t.encode("utf-8"))
        return "XML" + (" with DOCTYPE" if "<!DOCTYPE" in t else "")
    if p.endswith(".json"):
        import json; json.loads(t); return "JSON"
    return "properties (java.util.Properties reads any text)"

repo = sys.argv[1]
base = os.path.join("/work/realrepos", repo)
for root, dirs, files in os.walk(base):
    dirs[:] = [d for d in dirs if not d.startswith(".")]
    for fn in sorted(files):
        full = os.path.join(root, fn); rel = os.path.relpath(full, base)
        if rel in ("SOURCE", "INCLUDES", "verdicts.tsv"): continue
        try:
            print("VALID\t%s\t-\t-\t-\t%s" % (rel, check(full)))
        except Exception as e:
            print("# CHECK %s: %s" % (rel, str(e).replace("\n", " ")[:200]))
