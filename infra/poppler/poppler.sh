#!/usr/bin/env bash
# poppler-utils (pdftotext, pdftoppm), for the tests that read the post-mortem PDF back as text and as page images.
#   bash infra/poppler/poppler.sh install   installs them when missing (as root, with apt-get); prints pdftotext's path
set -euo pipefail
case "${1:-}" in
  install)
    if ! command -v pdftotext >/dev/null || ! command -v pdftoppm >/dev/null; then
      command -v apt-get >/dev/null || { echo "apt-get not found: install poppler-utils" >&2; exit 1; }
      apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends poppler-utils >&2
    fi
    command -v pdftotext
    ;;
  *)
    echo "usage: $0 install" >&2
    exit 2
    ;;
esac
