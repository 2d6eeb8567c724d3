#!/usr/bin/env bash
# Inventory scale benchmark (issue 4 "Scale", issue 10 "Inventory at estate scale"): for each COUNT, COUNT objects in
# fabric8's mock API server (HTTPS, paginated lists) are inventoried live through a kubeconfig in their own JVM
# (-Xmx512m by default), then the same objects as one `kubectl get -A -o yaml` dump file; each run prints its wall
# time, peak heap and peak RSS. Goal: cost grows linearly; 500,000 objects within 512 MB of heap.
# The server runs in a separate JVM, so its memory is not counted. Not a test: `mvn verify` never runs it.
#
# Usage: bench/inventory/run.sh [COUNT...]        (default: 5000 50000; issue 10's goal: 50000 500000)
# Environment: BENCH_HEAP (inventory JVM heap, default 512m), SERVER_HEAP (default 6g: the mock keeps every object and a listed kind whole), MVN_OPTS (e.g. -o).
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
    java -Xmx"${SERVER_HEAP:-6g}" -cp "$cp" "$main" serve "$n" "$dir" &
    server=$!
    for _ in $(seq 1 600); do [ -f "$dir/ready" ] && break; sleep 0.5; done
    [ -f "$dir/ready" ] || { echo "the mock server did not start with $n objects" >&2; exit 1; }
    echo "live, $n objects:"
    java -Xms64m -Xmx"${BENCH_HEAP:-512m}" -cp "$cp" "$main" inventory "$dir"
    kill "$server"; wait "$server" 2>/dev/null || true; server=
    java -cp "$cp" "$main" dump "$n" "$dir/dump.yaml"
    echo "dump file, $n objects:"
    java -Xms64m -Xmx"${BENCH_HEAP:-512m}" -cp "$cp" "$main" inventory-dump "$dir/dump.yaml"
    rm -rf "$dir"
done
