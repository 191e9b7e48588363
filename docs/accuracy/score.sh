#!/usr/bin/env bash
# Scores the installed mailports plugin against the verdicts in /work/realrepos/<owner>__<repo>/verdicts.tsv.
# Builds nothing: install the plugin first (./mvnw -B -q install -DskipTests in a checkout).
# Usage: score.sh [owner__repo ...]   (default: every folder with a verdicts.tsv)
# Env: MVN (default mvn), VERSION (0.1.0-SNAPSHOT), OUT (report folder, default /work/realrepos/.out),
#      OFFLINE=0 to let Maven go online, NORUN=1 to only re-score existing reports,
#      PER_REPO=1 to run Maven once per folder (base directory = the folder, as a user would; slower),
#      JOBS (parallel runs with PER_REPO=1, default 2).
set -u
HERE="$(cd "$(dirname "$0")" && pwd)"
MVN="${MVN:-mvn}"
VERSION="${VERSION:-0.1.0-SNAPSHOT}"
OUT="${OUT:-$HERE/.out}"
JOBS="${JOBS:-2}"
OFFLINE_FLAG="-o"; [ "${OFFLINE:-1}" = "0" ] && OFFLINE_FLAG=""
if [ $# -gt 0 ]; then REPOS=("$@"); else
  REPOS=(); for d in "$HERE"/*__*/; do d="${d%/}"; [ -f "$d/verdicts.tsv" ] && REPOS+=("$(basename "$d")"); done
fi
# the plugin's default names, braces expanded (Maven splits a list property on every comma)
NAMES="application*.properties application*.yml application*.yaml bootstrap*.properties bootstrap*.yml bootstrap*.yaml *mail*.properties logback*.xml log4j2*.xml log4j2*.yml log4j2*.yaml log4j2*.json log4j2*.properties"
includes_for() {
  local dir="$1" inc="" n
  set -f; for n in $NAMES; do inc="$inc,**/src/main/resources/**/$n,**/config/**/$n,$n"; done
  set +f; inc="$inc,**/config-v1.1.xml,**/autoconfig/**/*.xml"
  if [ -f "$dir/INCLUDES" ]; then
    while IFS= read -r l; do l="${l%%#*}"; l="$(echo "$l" | xargs)"; [ -n "$l" ] && inc="$inc,$l"; done < "$dir/INCLUDES"
  fi
  echo "${inc#,}"
}
run_one() {
  local r="$1" dir="$HERE/$1" o="$OUT/$1"
  rm -rf "$o"; mkdir -p "$o"
  ( cd "$dir" && "$MVN" -B -q $OFFLINE_FLAG "io.github.mailports:mailports-maven-plugin:$VERSION:verify" \
      -Dmailports.failOn=NONE -Dmailports.formats=json -Dmailports.outputDirectory="$o" \
      "-Dmailports.includes=$(includes_for "$dir")" ) > "$o/maven.log" 2>&1
  echo $? > "$o/rc"
}
run_all() {
  # one Maven run with /work/realrepos as base directory: much faster than one JVM per repository;
  # findings are split back per folder (paths are relative to the base, so the first segment is the folder)
  local o="$OUT/.all" inc="" r
  rm -rf "$o"; mkdir -p "$o"
  for r in "${REPOS[@]}"; do
    inc="$inc,$(includes_for "$HERE/$r" | tr ',' '\n' | sed "s#^#$r/#" | paste -sd, -)"
  done
  ( cd "$HERE" && "$MVN" -B -q $OFFLINE_FLAG "io.github.mailports:mailports-maven-plugin:$VERSION:verify" \
      -Dmailports.failOn=NONE -Dmailports.formats=json -Dmailports.outputDirectory="$o" \
      "-Dmailports.includes=${inc#,}" ) > "$o/maven.log" 2>&1
  echo $? > "$o/rc"
  python3 - "$o/mailports-report.json" "$OUT" "${REPOS[@]}" <<'PY'
import json, os, sys
src, out, repos = sys.argv[1], sys.argv[2], sys.argv[3:]
data = json.load(open(src, encoding="utf-8")) if os.path.exists(src) else {"findings": [], "endpoints": []}
for r in repos:
    pre = r + "/"
    part = {"findings": [], "endpoints": []}
    for k in ("findings", "endpoints"):
        for x in data.get(k, []):
            if str(x.get("file", "")).startswith(pre):
                x = dict(x); x["file"] = x["file"][len(pre):]; part[k].append(x)
    os.makedirs(os.path.join(out, r), exist_ok=True)
    if os.path.exists(src):
        json.dump(part, open(os.path.join(out, r, "mailports-report.json"), "w"), indent=1)
PY
}
if [ "${NORUN:-0}" != "1" ]; then
  if [ "${PER_REPO:-0}" = "1" ]; then
    i=0
    for r in "${REPOS[@]}"; do
      run_one "$r" &
      i=$((i+1)); if [ $((i % JOBS)) -eq 0 ]; then wait; fi
    done
    wait
  else
    run_all
    if [ ! -s "$OUT/.all/mailports-report.json" ]; then
      echo "one-run mode wrote no report (see $OUT/.all/maven.log): falling back to one run per folder" >&2
      for r in "${REPOS[@]}"; do run_one "$r"; done
    fi
  fi
fi
JAR="${M2_REPO:-$HOME/.m2/repository}/io/github/mailports/mailports-maven-plugin/$VERSION/mailports-maven-plugin-$VERSION.jar"
echo "# scored $(date -u +%FT%TZ); plugin $VERSION jar built $(date -u -r "$JAR" +%FT%TZ 2>/dev/null || echo '?') ($JAR)"
python3 "$HERE/score.py" "$HERE" "$OUT" "${REPOS[@]}"
