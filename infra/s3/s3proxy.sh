#!/usr/bin/env bash
# S3Proxy (an S3-compatible server from Maven Central) for the tests of the S3 blob store.
#   bash infra/s3/s3proxy.sh fetch   resolves its jar into the local Maven repository; prints the jar's path
# The tests start it themselves (libs/testing/src/s3-server.ts), in memory, on a free port.
set -euo pipefail
version=2.6.0
jar="${HOME}/.m2/repository/org/gaul/s3proxy/${version}/s3proxy-${version}-jar-with-dependencies.jar"
case "${1:-}" in
  fetch)
    if [[ ! -f "$jar" ]]; then
      command -v mvn >/dev/null || { echo "mvn not found: install Apache Maven (and Java 17)" >&2; exit 1; }
      mvn -q -B dependency:get -Dartifact="org.gaul:s3proxy:${version}:jar:jar-with-dependencies" -Dtransitive=false >&2
    fi
    echo "$jar"
    ;;
  *)
    echo "usage: $0 fetch" >&2
    exit 2
    ;;
esac
