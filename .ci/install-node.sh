#!/usr/bin/env bash
# Installs the Node version pinned in .nvmrc into .tools/node (git-ignored) and prints its bin folder.
#
# Why: Trellis needs a supported Node LTS, and the Debian images CI and developers start from only
# ship an older Node. The official binary is published on the npm registry as `node-<os>-<arch>`
# (bin/node plus headers), so we fetch it with the npm client that is already there: the same
# registry, proxy and integrity check as every other dependency, no extra download tool.
#
# Idempotent: when .tools/node/bin/node already reports the pinned version it only prints the path.
# Usage:  export PATH="$(bash .ci/install-node.sh):$PATH"
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
version="$(tr -d ' v\r\n' <"$root/.nvmrc")"
dest="$root/.tools/node"

log() { echo "[install-node] $*" >&2; }

if [ -x "$dest/bin/node" ] && [ "$("$dest/bin/node" --version 2>/dev/null)" = "v$version" ]; then
  echo "$dest/bin"
  exit 0
fi

case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=darwin ;;
  *) log "no node-<os>-<arch> package for $(uname -s); install Node $version yourself"; exit 1 ;;
esac
case "$(uname -m)" in
  x86_64 | amd64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) log "no node-$os-<arch> package for $(uname -m); install Node $version yourself"; exit 1 ;;
esac
package="node-$os-$arch"

command -v npm >/dev/null 2>&1 || { log "npm is needed to fetch $package@$version"; exit 1; }

log "fetching $package@$version from the npm registry"
mkdir -p "$root/.tools"
# Unpack beside the destination and swap it in with one rename, so an interrupted run never leaves
# a half-extracted Node that the version check above would then trust.
work="$(mktemp -d "$root/.tools/node-download.XXXXXX")"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack "$package@$version" --silent --no-audit --no-fund >/dev/null)
tar -xzf "$work/$package-$version.tgz" -C "$work"
chmod +x "$work/package/bin/node"
got="$("$work/package/bin/node" --version)"
[ "$got" = "v$version" ] || { log "downloaded Node reports $got, expected v$version"; exit 1; }

rm -rf "$dest"
mv "$work/package" "$dest"
log "Node $got installed in .tools/node"
echo "$dest/bin"
