#!/usr/bin/env bash
# Builds the pinned XNNPACK (Debian's source tarball, see tools/native-sources.lock) as a
# shared library and copies libXNNPACK.so, libcpuinfo.so.0 and libpthreadpool.so.0 into
# the directory given as the first argument.
#
# The build is cached per recipe in ${WEBNN_CACHE:-~/.cache/webnn}/xnnpack/<key>, where
# <key> hashes this script and the lock file, so later builds only copy.
# Needs: curl, xz, dpkg-deb, cmake, ninja, a C/C++ compiler (see .ci/run).
set -euo pipefail

out=${1:?usage: build-xnnpack.sh OUTPUT_DIR}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
fetch="$root/tools/fetch-debian.sh"
cache_root="${WEBNN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/webnn}/xnnpack"
key="0.0-git20241108.4ea82e5-$(cat "$0" "$root/tools/native-sources.lock" | sha256sum | cut -c1-12)"
cache="$cache_root/$key"
libs=(libXNNPACK.so libcpuinfo.so.0 libpthreadpool.so.0)

missing_tools=()
for tool in curl xz dpkg-deb cmake ninja cc c++; do
  command -v "$tool" >/dev/null || missing_tools+=("$tool")
done

if [[ ! -f "$cache/.complete" ]]; then
  if (( ${#missing_tools[@]} )); then
    echo "build-xnnpack: missing tools: ${missing_tools[*]}." >&2
    echo "build-xnnpack: install them with: apt-get install curl xz-utils cmake ninja-build g++" >&2
    exit 1
  fi
  mkdir -p "$cache_root"
  # One builder at a time per cache key (two Maven builds may start together).
  exec 9>"$cache_root/$key.lock"
  flock 9
fi

if [[ ! -f "$cache/.complete" ]]; then
  echo "build-xnnpack: building XNNPACK into $cache (about 2 minutes on 2 cores)"
  work=$(mktemp -d "$cache_root/build.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  mkdir -p "$work/src" "$work/deps" "$work/build" "$work/install"
  tar -xJf "$("$fetch" xnnpack-src)" -C "$work/src"
  for dep in cpuinfo cpuinfo-dev pthreadpool pthreadpool-dev fxdiv-dev; do
    dpkg-deb -x "$("$fetch" "$dep")" "$work/deps"
  done
  deps="$work/deps/usr"
  multiarch="$deps/lib/x86_64-linux-gnu"
  ln -sf libpthreadpool.so.0 "$multiarch/libpthreadpool.so"
  cmake -S "$work/src" -B "$work/build" -G Ninja \
    -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_POSITION_INDEPENDENT_CODE=ON \
    -DCMAKE_INSTALL_PREFIX="$work/install" \
    -DCMAKE_INSTALL_LIBDIR=lib \
    -DCMAKE_INSTALL_RPATH='$ORIGIN' -DCMAKE_BUILD_WITH_INSTALL_RPATH=ON \
    -DXNNPACK_LIBRARY_TYPE=shared \
    -DXNNPACK_BUILD_TESTS=OFF \
    -DXNNPACK_BUILD_BENCHMARKS=OFF \
    -DXNNPACK_BUILD_ALL_MICROKERNELS=OFF \
    -DXNNPACK_USE_SYSTEM_LIBS=ON \
    -DCPUINFO_SOURCE_DIR="$deps" -DCPUINFO_LIBRARY="$multiarch/libcpuinfo.so.0" \
    -DPTHREADPOOL_SOURCE_DIR="$deps" -DPTHREADPOOL_LIBRARY="$multiarch/libpthreadpool.so.0" \
    -DFXDIV_SOURCE_DIR="$deps" \
    > "$work/configure.log" 2>&1 || { tail -40 "$work/configure.log" >&2; exit 1; }
  cmake --build "$work/build" --target XNNPACK -j "$(nproc)" > "$work/build.log" 2>&1 \
    || { tail -40 "$work/build.log" >&2; exit 1; }
  staging="$cache.tmp"
  rm -rf "$staging" && mkdir -p "$staging"
  cp -L "$work/build/libXNNPACK.so" "$staging/libXNNPACK.so"
  cp -L "$multiarch/libcpuinfo.so.0" "$multiarch/libpthreadpool.so.0" "$staging/"
  strip --strip-unneeded "$staging"/lib*.so*
  touch "$staging/.complete"
  rm -rf "$cache" && mv "$staging" "$cache"
fi

mkdir -p "$out"
for lib in "${libs[@]}"; do
  cp "$cache/$lib" "$out/$lib"
done
echo "build-xnnpack: natives in $out (from $cache)"
