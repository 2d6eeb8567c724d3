#!/usr/bin/env bash
# Image copy benchmark: eks2aks copy-images against `skopeo copy --all` looping over the same images, between
# docker-registry instances on loopback. 20 images x 3 layers x 5 MiB (two base layers shared by all) plus one
# multi-arch image (OCI index, 2 platforms). Cold = empty target, warm = everything already there.
# Prints both times, the ratios (goal: ours/skopeo <= 0.5 cold, <= 0.2 warm) and our peak memory (max RSS).
# Needs docker-registry, skopeo, python3, GNU time (bin/setup-test-servers installs the first two).
# Usage: bench/images/run.sh [PARALLEL]   (default 8)
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
here="$root/bench/images"
parallel=${1:-8}
jar="$root/cli/target/eks2aks.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root/core/src/main" "$root/cli/src/main" -newer "$jar" -print -quit)" ]; then
  echo "building $jar ..." >&2
  (cd "$root" && mvn -B -q -DskipTests -pl cli -am package) >&2
fi
work=$(mktemp -d /tmp/eks2aks-bench-images.XXXXXX)
# Registry pids go to a file: start_registry runs in a command substitution, a subshell whose variables are lost.
cleanup() { [ -f "$work/pids" ] && xargs -r kill <"$work/pids" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
start_registry() { # name -> prints host:port
  local name=$1 port; port=$(free_port)
  mkdir -p "$work/$name"
  cat >"$work/$name.yml" <<YML
version: 0.1
log: {level: error, accesslog: {disabled: true}}
storage: {filesystem: {rootdirectory: $work/$name}, delete: {enabled: true}}
http: {addr: 127.0.0.1:$port, secret: bench}
YML
  docker-registry serve "$work/$name.yml" >"$work/$name.log" 2>&1 &
  echo $! >>"$work/pids"
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/v2/" >/dev/null && break; sleep 0.05; done
  echo "127.0.0.1:$port"
}

src=$(start_registry source)
ours_dst=$(start_registry target-ours)
skopeo_dst=$(start_registry target-skopeo)
echo "loading images into $src ..." >&2
python3 "$here/populate.py" "$src" >"$work/images.txt"
n=$(wc -l <"$work/images.txt")

now() { date +%s.%N; }
run_ours() { # label -> seconds; peak RSS (KiB) into $work/rss-<label>
  # Through bin/eks2aks, as users run it.
  local t0 t1
  t0=$(now)
  XDG_CACHE_HOME="$work/cache" /usr/bin/time -f '%M' -o "$work/rss-$1" "$root/bin/eks2aks" copy-images --mode copy -q \
    --to "$ours_dst" --plain-http "$src" --plain-http "$ours_dst" --parallel "$parallel" --out "$work/out-$1" \
    --images-file "$work/images.txt" >"$work/ours-$1.log" 2>&1 || { cat "$work/ours-$1.log" >&2; exit 1; }
  t1=$(now)
  echo "$t1 - $t0" | bc
}
run_skopeo() {
  local t0 t1
  t0=$(now)
  while read -r ref; do
    skopeo copy --all --preserve-digests --quiet --src-tls-verify=false --dest-tls-verify=false \
      "docker://$ref" "docker://$skopeo_dst/${ref#*/}"
  done <"$work/images.txt"
  t1=$(now)
  echo "$t1 - $t0" | bc
}

# Untimed warm-up of both tools' installations, not of the registries: eks2aks records the class-data-sharing archive
# bin/eks2aks keeps per subcommand (what any earlier copy-images run on the machine leaves behind), skopeo's binary
# gets into the page cache. The target registries stay empty.
t0=$(now)
XDG_CACHE_HOME="$work/cache" "$root/bin/eks2aks" copy-images --mode copy --dry-run -q --to "$ours_dst" --plain-http "$src" \
  --plain-http "$ours_dst" --images-file "$work/images.txt" >"$work/ours-first.log" 2>&1 || { cat "$work/ours-first.log" >&2; exit 1; }
first=$(echo "$(now) - $t0" | bc)
skopeo inspect --tls-verify=false --raw "docker://$(head -n 1 "$work/images.txt")" >/dev/null

ours_cold=$(run_ours cold)
skopeo_cold=$(run_skopeo)
ours_warm=$(run_ours warm)
skopeo_warm=$(run_skopeo)

# Same digests on both targets: the copies are digest-exact.
while read -r ref; do
  path=${ref#*/}; repo=${path%:*}; tag=${path##*:}
  a=$(curl -sI -H 'Accept: application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json' \
      "http://$ours_dst/v2/$repo/manifests/$tag" | tr -d '\r' | awk -F': ' 'tolower($1)=="docker-content-digest"{print $2}')
  b=$(curl -sI -H 'Accept: application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json' \
      "http://$src/v2/$repo/manifests/$tag" | tr -d '\r' | awk -F': ' 'tolower($1)=="docker-content-digest"{print $2}')
  [ -n "$a" ] && [ "$a" = "$b" ] || { echo "digest mismatch for $ref: $a vs $b" >&2; exit 1; }
done <"$work/images.txt"

printf 'images: %d (20 x 3 x 5 MiB with 2 shared base layers, 1 multi-arch), parallel %s, %s cores\n' "$n" "$parallel" "$(nproc)"
printf '%-6s %10s %10s %8s %6s\n' "" "eks2aks" "skopeo" "ratio" "goal"
printf '%-6s %9.2fs %9.2fs %8.2f %6s\n' cold "$ours_cold" "$skopeo_cold" "$(echo "$ours_cold / $skopeo_cold" | bc -l)" "0.5"
printf '%-6s %9.2fs %9.2fs %8.2f %6s\n' warm "$ours_warm" "$skopeo_warm" "$(echo "$ours_warm / $skopeo_warm" | bc -l)" "0.2"
printf 'eks2aks peak memory (max RSS): cold %d MiB, warm %d MiB\n' "$(( $(cat "$work/rss-cold") / 1024 ))" "$(( $(cat "$work/rss-warm") / 1024 ))"
echo "eks2aks summary (cold): $(tail -n 1 "$work/ours-cold.log")"
printf 'untimed warm-up: eks2aks --dry-run %.2fs (first copy-images run of this jar: records the class-data archive)\n' "$first"
echo "digests verified: all $n tags have the source digest in the eks2aks target"
