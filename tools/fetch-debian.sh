#!/usr/bin/env bash
# Fetches one pinned file of the Debian archive (see native-sources.lock and
# test-data.lock), checks its sha256 and prints the path of the verified local copy.
#
#   tools/fetch-debian.sh KEY
#
# Downloads are cached in ${WEBNN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/webnn}/debian.
# The mirror is the first non-security URI of the machine's apt sources, unless
# WEBNN_DEBIAN_MIRROR names another one. No host name is written in this repository.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=pinned.sh
source "$here/pinned.sh"
key=${1:?usage: fetch-debian.sh KEY}

pinned_entry fetch-debian "$key"
path=$pinned_source

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

download() { # download PATH TARGET
  curl -fsSL --retry 3 -o "$2" "$(mirror)/$1"
}

out="$pinned_cache/debian/$(basename "$path")"
pinned_fetch fetch-debian "$out" "$pinned_sha" download "$path"
echo "$out"
