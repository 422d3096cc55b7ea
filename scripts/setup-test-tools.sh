#!/usr/bin/env bash
# Installs what the tests drive from the outside: Neovim 0.7+ (Debian's `neovim`) for the headless
# Neovim LSP test. Does nothing when it is already there.
set -euo pipefail
if command -v nvim >/dev/null 2>&1; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-test-tools: install Neovim 0.7 or later (nvim) for the Neovim test; apt-get is not available here" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "setup-test-tools: run as root, or install neovim yourself" >&2; exit 1; }
  sudo="sudo"
fi
echo "setup-test-tools: installing neovim with apt-get"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends neovim >/dev/null
nvim --version | head -n 1
