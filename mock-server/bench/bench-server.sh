#!/usr/bin/env bash
# Server benchmark: N concurrent SSE streams on loopback, 100 broadcast events, latency + memory.
# Usage: bash mock-server/bench/bench-server.sh [--clients 2000] [--rate 10]
set -euo pipefail

# Every stream is one socket in the server and one in the client process: raise the per-process
# open-file limit to the hard limit (children inherit it).
hard="$(ulimit -Hn)"
[ "$hard" = unlimited ] && hard=1048576
ulimit -n "$hard" || echo "bench: could not raise the open-file limit (now $(ulimit -n))" >&2

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
exec node --import tsx mock-server/bench/bench-server.ts --fd-limit "$(ulimit -n)" "$@"
