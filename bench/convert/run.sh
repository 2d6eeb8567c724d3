#!/usr/bin/env bash
# Conversion benchmark (issue 3, "Performance"): on a seeded corpus of 10,000 varied EKS documents, times
# (a) parse + serialize with no rules and (b) the full conversion with reports, in one JVM after a warm-up,
# and prints docs/s, the ratio b/a and the peak heap. Goal: b/a <= 1.5 and b >= 5,000 docs/s.
# Not a test: `mvn verify` never runs it.
#
# Usage: bench/convert/run.sh [--docs 10000] [--seed 42] [--warmup 3] [--runs 5] [--keep DIR]
# Environment: BENCH_HEAP (default 1g), MVN_OPTS (extra Maven flags, e.g. -o for offline).
set -euo pipefail
cd "$(dirname "$0")/../.."

cp=$(bench/core-classpath.sh)
exec java -Xms"${BENCH_HEAP:-1g}" -Xmx"${BENCH_HEAP:-1g}" \
    -cp "$cp" \
    io.jenkins.plugins.eks2aks.bench.ConvertBenchmark "$@"
