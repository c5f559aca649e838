# Shared by the fetch scripts (sourced, not run): looks a key up in the pinned lists and
# downloads a file into the cache only when the cached copy's sha256 does not match.
#
# Lists: native-sources.lock (files the native build needs) and test-data.lock (data the
# tests need). Columns: key, source, sha256. The cache is
# ${WEBNN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/webnn}.

pinned_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
pinned_cache="${WEBNN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/webnn}"

# pinned_entry CALLER KEY: sets pinned_source and pinned_sha of KEY, or exits 2 naming the lists.
pinned_entry() {
  local caller=$1 key=$2
  read -r pinned_source pinned_sha < <(awk -v k="$key" '$1 == k { print $2, $3; exit }' \
    "$pinned_dir/native-sources.lock" "$pinned_dir/test-data.lock") || true
  [[ -n "${pinned_source:-}" ]] \
    || { echo "$caller: no key '$key' in native-sources.lock or test-data.lock" >&2; exit 2; }
}

# pinned_fetch CALLER OUT SHA256 DOWNLOAD...: unless OUT exists with that sha256, runs
# DOWNLOAD... with a temporary file name appended, checks the sha256 and moves the file to OUT.
pinned_fetch() {
  local caller=$1 out=$2 sha=$3
  shift 3
  mkdir -p "$(dirname "$out")"
  if [[ -f "$out" ]] && echo "$sha  $out" | sha256sum -c --status; then
    return 0
  fi
  local tmp
  tmp=$(mktemp "$out.XXXXXX")
  if ! "$@" "$tmp"; then
    rm -f "$tmp"
    echo "$caller: download of $(basename "$out") failed" >&2
    exit 1
  fi
  if ! echo "$sha  $tmp" | sha256sum -c --status; then
    rm -f "$tmp"
    echo "$caller: sha256 mismatch for $(basename "$out") (expected $sha)" >&2
    exit 1
  fi
  mv -f "$tmp" "$out"
}
