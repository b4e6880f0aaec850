#!/usr/bin/env bash
# Makes sure the machine's own PostgreSQL cluster answers on 127.0.0.1:5432 (Debian's
# pg_ctlcluster). Users with another PostgreSQL set DATABASE_URL instead.
#
#   infra/postgres/postgres.sh start | status
set -euo pipefail

host="${PGHOST:-127.0.0.1}"
port="${PGPORT:-5432}"

answers() { pg_isready -q -h "$host" -p "$port"; }

case "${1:-}" in
  start)
    if answers; then echo "[postgres] answering on $host:$port" >&2; exit 0; fi
    command -v pg_ctlcluster >/dev/null || { echo "[postgres] pg_ctlcluster not found: install PostgreSQL or set DATABASE_URL" >&2; exit 1; }
    version="$(ls /etc/postgresql | sort -V | tail -1)"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start
    for _ in $(seq 1 60); do answers && { echo "[postgres] started $version on $host:$port" >&2; exit 0; }; sleep 0.5; done
    echo "[postgres] cluster $version did not answer within 30s" >&2
    exit 1
    ;;
  status)
    if answers; then echo "[postgres] answering on $host:$port" >&2; else echo "[postgres] not answering" >&2; exit 3; fi
    ;;
  *) echo "usage: $0 start|status" >&2; exit 2 ;;
esac
