#!/usr/bin/env bash
# Fetches pinned test data (test-data.lock) and unpacks each archive once into
# ${WEBNN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/webnn}/test-data/KEY, printing that folder.
# A .deb is unpacked with dpkg-deb -x, an npm tarball with tar. The folder is unpacked
# again only when the archive's sha256 changes (recorded in KEY/.sha256).
#
#   tools/fetch-test-data.sh KEY...
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=pinned.sh
source "$here/pinned.sh"
(( $# )) || { echo "usage: fetch-test-data.sh KEY..." >&2; exit 2; }

unpack() { # unpack ARCHIVE FOLDER
  case "$1" in
    *.deb) dpkg-deb -x "$1" "$2" ;;
    *.tgz) tar -xzf "$1" -C "$2" ;;
    *) echo "fetch-test-data: cannot unpack $1" >&2; return 1 ;;
  esac
}

for key in "$@"; do
  pinned_entry fetch-test-data "$key"
  if [[ "$pinned_source" == npm:* ]]; then
    archive=$("$here/fetch-npm.sh" "$key")
  else
    archive=$("$here/fetch-debian.sh" "$key")
  fi
  folder="$pinned_cache/test-data/$key"
  if [[ "$(cat "$folder/.sha256" 2>/dev/null)" != "$pinned_sha" ]]; then
    mkdir -p "$pinned_cache/test-data"
    fresh=$(mktemp -d "$folder.XXXXXX")
    unpack "$archive" "$fresh" || { rm -rf "$fresh"; exit 1; }
    echo "$pinned_sha" > "$fresh/.sha256"
    rm -rf "$folder"
    mv "$fresh" "$folder"
  fi
  echo "$folder"
done
