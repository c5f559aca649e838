#!/usr/bin/env bash
# Fetches one pinned file of the Debian archive (see native-sources.lock), checks its
# sha256 and prints the path of the verified local copy.
#
#   tools/fetch-debian.sh KEY
#
# Downloads are cached in ${WEBNN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/webnn}/debian.
# The mirror is the first non-security URI of the machine's apt sources, unless
# WEBNN_DEBIAN_MIRROR names another one. No host name is written in this repository.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
key=${1:?usage: fetch-debian.sh KEY}

read -r path sha < <(awk -v k="$key" '$1 == k { print $2, $3 }' "$here/native-sources.lock")
[[ -n "${path:-}" ]] || { echo "fetch-debian: no key '$key' in native-sources.lock" >&2; exit 2; }

mirror() {
  if [[ -n "${WEBNN_DEBIAN_MIRROR:-}" ]]; then echo "${WEBNN_DEBIAN_MIRROR%/}"; return; fi
  local f uri
  # deb822 sources: the first URIs line of a stanza whose suites are not *-security.
  for f in /etc/apt/sources.list.d/*.sources; do
    [[ -r "$f" ]] || continue
    uri=$(awk 'BEGIN{RS=""} !/Suites:[^\n]*-security/ { if (match($0, /URIs:[ \t]*[^ \t\n]+/)) { s=substr($0, RSTART, RLENGTH); sub(/URIs:[ \t]*/, "", s); print s; exit } }' "$f")
    if [[ -n "$uri" ]]; then echo "${uri%/}"; return; fi
  done
  # one-line sources: the first 'deb' line that is not a security suite.
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [[ -r "$f" ]] || continue
    uri=$(awk '$1 == "deb" && $0 !~ /-security/ { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; exit } }' "$f")
    if [[ -n "$uri" ]]; then echo "${uri%/}"; return; fi
  done
  echo "fetch-debian: no Debian mirror found in the apt sources; set WEBNN_DEBIAN_MIRROR" >&2
  return 1
}

cache="${WEBNN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/webnn}/debian"
mkdir -p "$cache"
out="$cache/$(basename "$path")"

if [[ ! -f "$out" ]] || ! echo "$sha  $out" | sha256sum -c --status; then
  base=$(mirror)
  tmp=$(mktemp "$out.XXXXXX")
  trap 'rm -f "$tmp"' EXIT
  curl -fsSL --retry 3 -o "$tmp" "$base/$path" \
    || { echo "fetch-debian: download of $path failed" >&2; exit 1; }
  echo "$sha  $tmp" | sha256sum -c --status \
    || { echo "fetch-debian: sha256 mismatch for $path (expected $sha)" >&2; exit 1; }
  mv -f "$tmp" "$out"
  trap - EXIT
fi
echo "$out"
