#!/usr/bin/env bash
# Inventory scale benchmark (issue 4, "Scale"): for 5,000 and 50,000 objects in fabric8's mock API server (HTTPS,
# paginated lists), runs a live inventory through a kubeconfig in its own JVM (-Xmx512m by default) and prints the
# wall time and the peak heap of that JVM. Goal: cost grows linearly; 50,000 objects within 512 MB of heap.
# The server runs in a separate JVM, so its memory is not counted. Not a test: `mvn verify` never runs it.
#
# Usage: bench/inventory/run.sh [COUNT...]        (default: 5000 50000)
# Environment: BENCH_HEAP (inventory JVM heap, default 512m), SERVER_HEAP (default 3g), MVN_OPTS (e.g. -o).
set -euo pipefail
cd "$(dirname "$0")/../.."

cp=$(bench/core-classpath.sh)
main=io.jenkins.plugins.eks2aks.bench.InventoryBenchmark
work=$(mktemp -d)
server=
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(5000 50000)
for n in "${counts[@]}"; do
    dir="$work/$n"
    java -Xmx"${SERVER_HEAP:-3g}" -cp "$cp" "$main" serve "$n" "$dir" &
    server=$!
    for _ in $(seq 1 600); do [ -f "$dir/ready" ] && break; sleep 0.5; done
    [ -f "$dir/ready" ] || { echo "the mock server did not start with $n objects" >&2; exit 1; }
    java -Xms64m -Xmx"${BENCH_HEAP:-512m}" -cp "$cp" "$main" inventory "$dir"
    kill "$server"; wait "$server" 2>/dev/null || true; server=
done
