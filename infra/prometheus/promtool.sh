#!/usr/bin/env bash
# promtool, Prometheus's rule checker, for the alerting rules' tests (Debian's prometheus package).
#   bash infra/prometheus/promtool.sh install   installs it when it is missing (as root, with apt-get); prints its path
set -euo pipefail
case "${1:-}" in
  install)
    if ! command -v promtool >/dev/null; then
      command -v apt-get >/dev/null || { echo "apt-get not found: install Prometheus's promtool" >&2; exit 1; }
      apt-get update -qq >&2
      # The package's post-install tries to start a Prometheus server; without an init system that fails harmlessly.
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >&2
    fi
    command -v promtool
    ;;
  *)
    echo "usage: $0 install" >&2
    exit 2
    ;;
esac
