#!/usr/bin/env bash
# Headless Chromium for the browser tests (Debian's package, driven by playwright-core).
#   bash infra/chromium/chromium.sh install   installs it when it is missing (as root, with apt-get); prints its path
# The tests find it at CHROMIUM_PATH, else /usr/bin/chromium (libs/testing/src/browser.ts).
set -euo pipefail
path="${CHROMIUM_PATH:-/usr/bin/chromium}"
case "${1:-}" in
  install)
    if [[ ! -x "$path" ]]; then
      command -v apt-get >/dev/null || { echo "apt-get not found: install Chromium and set CHROMIUM_PATH" >&2; exit 1; }
      apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >&2
    fi
    echo "$path"
    ;;
  *)
    echo "usage: $0 install" >&2
    exit 2
    ;;
esac
