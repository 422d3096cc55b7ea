#!/usr/bin/env bash
# Installs the tools tests drive from the outside: Neovim 0.7+ (Debian's `neovim`) and Emacs 28 with
# Eglot (`emacs-nox`, `elpa-eglot`) for the language server, Python-Markdown (`python3-markdown`) for
# the MkDocs export. Does nothing when they are there.
set -euo pipefail
missing=()
command -v nvim >/dev/null 2>&1 || missing+=(neovim)
command -v emacs >/dev/null 2>&1 || missing+=(emacs-nox)
dpkg-query -W -f='${Status}' elpa-eglot 2>/dev/null | grep -q 'install ok installed' || missing+=(elpa-eglot)
# Python-Markdown, for the MkDocs abbreviations export's test.
[ -x /usr/bin/markdown_py ] || missing+=(python3-markdown)
if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-test-tools: install ${missing[*]} (Neovim 0.7+, Emacs 28 + Eglot, Python-Markdown) for the tests;" \
    "apt-get is not available here" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "setup-test-tools: run as root, or install ${missing[*]} yourself" >&2
    exit 1
  fi
  sudo="sudo"
fi
echo "setup-test-tools: apt-get install ${missing[*]}"
$sudo apt-get -o DPkg::Lock::Timeout=600 update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends \
  "${missing[@]}" >/dev/null
