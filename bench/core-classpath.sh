#!/usr/bin/env bash
# Builds the engine and its test classes from the reactor (so a fresh clone needs nothing installed in ~/.m2, not
# even the test-servers module) and prints the class path a benchmark's JVM runs with. Sourced by bench/*/run.sh.
# Environment: MVN_OPTS (extra Maven flags, e.g. -o for offline).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck disable=SC2086
mvn -B -q ${MVN_OPTS:-} -pl core -am -DskipTests test-compile \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench.classpath >&2
echo "core/target/test-classes:core/target/classes:$(cat core/target/bench.classpath)"
