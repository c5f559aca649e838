#!/usr/bin/env bash
# Prints the home of a JDK >= 22: $JAVA_HOME when it is one, else the newest under
# /usr/lib/jvm. Exits 1 with a message when there is none.
set -euo pipefail

feature() { # prints the feature version of the JDK at $1, or 0
  [[ -x "$1/bin/javac" ]] || { echo 0; return; }
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ { split($2, v, "."); print v[1]; found=1 } END { if (!found) print 0 }'
}

if [[ -n "${JAVA_HOME:-}" ]] && (( $(feature "$JAVA_HOME") >= 22 )); then
  echo "$JAVA_HOME"
  exit 0
fi
best="" best_version=0
for jdk in /usr/lib/jvm/*/; do
  jdk=${jdk%/}
  [[ -L "$jdk" ]] && continue
  v=$(feature "$jdk")
  if (( v > best_version )); then best=$jdk best_version=$v; fi
done
if (( best_version >= 22 )); then
  echo "$best"
  exit 0
fi
echo "no JDK 22 or newer found: set JAVA_HOME, or install one under /usr/lib/jvm" >&2
exit 1
