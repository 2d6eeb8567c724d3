#!/usr/bin/env bash
# Image copy benchmark, two cases in one run, between docker-registry instances on loopback (fresh ones per case):
#  - 21 images: 20 x 3 layers x 5 MiB (two base layers shared by all) plus one multi-arch image (OCI index, 2
#    platforms); eks2aks copy-images against a `skopeo copy --all` loop (goal: cold <= 0.5 x the loop);
#  - scale: 200 x 3 layers x 256 KiB plus the multi-arch image; against one `skopeo sync --all --preserve-digests`
#    over a YAML list, the peer for bulk (goals: cold <= 0.35, warm <= 0.5 x sync), the loop's figure beside it.
# Cold = empty target, warm = everything already there. Prints the times, the ratios, our in-process engine time
# (what a Jenkins step costs, no JVM start) and our peak memory (max RSS).
# Needs docker-registry, skopeo, python3, GNU time (bin/setup-test-servers installs the first two).
# Usage: bench/images/run.sh [PARALLEL [SCALE_COUNT]]   (default 8, 200)
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
here="$root/bench/images"
parallel=${1:-8}
scale=${2:-200}
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

now() { date +%s.%N; }
# The engine's own time, from the summary line ("..., 2.1 s"): the run without the JVM's start.
engine_seconds() { tail -n 1 "$1" | grep -oE '[0-9]+\.[0-9]+ s$' | cut -d' ' -f1; }
run_ours() { # case label dst -> seconds; peak RSS (KiB) into $work/rss-<case>-<label>
  # Through bin/eks2aks, as users run it.
  local t0 t1
  t0=$(now)
  XDG_CACHE_HOME="$work/cache" /usr/bin/time -f '%M' -o "$work/rss-$1-$2" "$root/bin/eks2aks" copy-images --mode copy -q \
    --to "$3" --plain-http "$src" --plain-http "$3" --parallel "$parallel" --out "$work/out-$1-$2" \
    --images-file "$work/images-$1.txt" >"$work/ours-$1-$2.log" 2>&1 || { cat "$work/ours-$1-$2.log" >&2; exit 1; }
  t1=$(now)
  echo "$t1 - $t0" | bc
}
run_loop() { # case dst
  local t0 t1
  t0=$(now)
  while read -r ref; do
    skopeo copy --all --preserve-digests --quiet --src-tls-verify=false --dest-tls-verify=false \
      "docker://$ref" "docker://$2/${ref#*/}"
  done <"$work/images-$1.txt"
  t1=$(now)
  echo "$t1 - $t0" | bc
}
run_sync() { # case dst: one skopeo process over a YAML list of every image, as a user syncing an estate would
  # (without --scoped, sync names each target repository by the last element of the source's: bench/app000 -> app000)
  local t0 t1
  { echo "$src:"; echo "  tls-verify: false"; echo "  images:"
    while read -r ref; do path=${ref#*/}; echo "    ${path%:*}: [\"${path##*:}\"]"; done <"$work/images-$1.txt"; } >"$work/sync-$1.yml"
  t0=$(now)
  skopeo sync --all --preserve-digests --src yaml --dest docker --dest-tls-verify=false "$work/sync-$1.yml" "$2" \
    >"$work/sync-$1.log" 2>&1 || { cat "$work/sync-$1.log" >&2; exit 1; }
  t1=$(now)
  echo "$t1 - $t0" | bc
}
verify() { # case dst [base]: every tag in dst has the source digest (base: skopeo sync keeps only the last path element)
  while read -r ref; do
    path=${ref#*/}; repo=${path%:*}; tag=${path##*:}
    target_repo=$repo; [ "${3:-}" = base ] && target_repo=${repo##*/}
    a=$(curl -sI -H 'Accept: application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json' \
        "http://$2/v2/$target_repo/manifests/$tag" | tr -d '\r' | awk -F': ' 'tolower($1)=="docker-content-digest"{print $2}')
    b=$(curl -sI -H 'Accept: application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json' \
        "http://$src/v2/$repo/manifests/$tag" | tr -d '\r' | awk -F': ' 'tolower($1)=="docker-content-digest"{print $2}')
    [ -n "$a" ] && [ "$a" = "$b" ] || { echo "digest mismatch for $ref in $2: $a vs $b" >&2; exit 1; }
  done <"$work/images-$1.txt"
}
ratio() { echo "$1 / $2" | bc -l; }
row() { # label ours peer goal
  printf '  %-5s %9.2fs %9.2fs %7.2f %6s\n' "$1" "$2" "$3" "$(ratio "$2" "$3")" "$4"
}

# --- case 1: 21 images x 5 MiB layers against the skopeo copy loop ---
src=$(start_registry source)
ours_dst=$(start_registry target-ours)
loop_dst=$(start_registry target-loop)
echo "loading 21 images into $src ..." >&2
python3 "$here/populate.py" "$src" 20 $((5 * 1024 * 1024)) >"$work/images-small.txt"
n_small=$(wc -l <"$work/images-small.txt")

# Untimed warm-up of both tools' installations, not of the registries: eks2aks records the class-data-sharing archive
# bin/eks2aks keeps per subcommand (what any earlier copy-images run on the machine leaves behind), skopeo's binary
# gets into the page cache. The target registries stay empty.
t0=$(now)
XDG_CACHE_HOME="$work/cache" "$root/bin/eks2aks" copy-images --mode copy --dry-run -q --to "$ours_dst" --plain-http "$src" \
  --plain-http "$ours_dst" --images-file "$work/images-small.txt" >"$work/ours-first.log" 2>&1 || { cat "$work/ours-first.log" >&2; exit 1; }
first=$(echo "$(now) - $t0" | bc)
skopeo inspect --tls-verify=false --raw "docker://$(head -n 1 "$work/images-small.txt")" >/dev/null

small_ours_cold=$(run_ours small cold "$ours_dst")
small_loop_cold=$(run_loop small "$loop_dst")
small_ours_warm=$(run_ours small warm "$ours_dst")
small_loop_warm=$(run_loop small "$loop_dst")
verify small "$ours_dst"

# --- case 2: the scale case, against skopeo sync (and the loop beside it) ---
xargs -r kill <"$work/pids" 2>/dev/null || true; : >"$work/pids"
src=$(start_registry source-scale)
ours_dst=$(start_registry target-ours-scale)
sync_dst=$(start_registry target-sync-scale)
loop_dst=$(start_registry target-loop-scale)
echo "loading $((scale + 1)) images into $src ..." >&2
python3 "$here/populate.py" "$src" "$scale" $((256 * 1024)) >"$work/images-scale.txt"
n_scale=$(wc -l <"$work/images-scale.txt")
scale_ours_cold=$(run_ours scale cold "$ours_dst")
scale_sync_cold=$(run_sync scale "$sync_dst")
scale_loop_cold=$(run_loop scale "$loop_dst")
scale_ours_warm=$(run_ours scale warm "$ours_dst")
scale_sync_warm=$(run_sync scale "$sync_dst")
scale_loop_warm=$(run_loop scale "$loop_dst")
verify scale "$ours_dst"
verify scale "$sync_dst" base

printf 'parallel %s, %s cores\n' "$parallel" "$(nproc)"
printf '%d images (20 x 3 x 5 MiB, 2 shared base layers, 1 multi-arch), against a skopeo copy --all loop\n' "$n_small"
printf '  %-5s %10s %10s %7s %6s\n' "" "eks2aks" "loop" "ratio" "goal"
row cold "$small_ours_cold" "$small_loop_cold" "0.5"
row warm "$small_ours_warm" "$small_loop_warm" "-"
printf '  engine in-process: cold %ss, warm %ss; peak memory cold %d MiB, warm %d MiB\n' \
  "$(engine_seconds "$work/ours-small-cold.log")" "$(engine_seconds "$work/ours-small-warm.log")" \
  "$(( $(cat "$work/rss-small-cold") / 1024 ))" "$(( $(cat "$work/rss-small-warm") / 1024 ))"
printf '%d images (%d x 3 x 256 KiB, 2 shared base layers, 1 multi-arch), against one skopeo sync --all --preserve-digests\n' \
  "$n_scale" "$scale"
printf '  %-5s %10s %10s %7s %6s %10s %7s\n' "" "eks2aks" "sync" "ratio" "goal" "loop" "ratio"
printf '  %-5s %9.2fs %9.2fs %7.2f %6s %9.2fs %7.2f\n' cold "$scale_ours_cold" "$scale_sync_cold" \
  "$(ratio "$scale_ours_cold" "$scale_sync_cold")" 0.35 "$scale_loop_cold" "$(ratio "$scale_ours_cold" "$scale_loop_cold")"
printf '  %-5s %9.2fs %9.2fs %7.2f %6s %9.2fs %7.2f\n' warm "$scale_ours_warm" "$scale_sync_warm" \
  "$(ratio "$scale_ours_warm" "$scale_sync_warm")" 0.5 "$scale_loop_warm" "$(ratio "$scale_ours_warm" "$scale_loop_warm")"
printf '  engine in-process: cold %ss, warm %ss; peak memory cold %d MiB, warm %d MiB\n' \
  "$(engine_seconds "$work/ours-scale-cold.log")" "$(engine_seconds "$work/ours-scale-warm.log")" \
  "$(( $(cat "$work/rss-scale-cold") / 1024 ))" "$(( $(cat "$work/rss-scale-warm") / 1024 ))"
echo "eks2aks summary (scale, cold): $(tail -n 1 "$work/ours-scale-cold.log")"
printf 'untimed warm-up: eks2aks --dry-run %.2fs (first copy-images run of this jar: records the class-data archive)\n' "$first"
echo "digests verified: every tag in the eks2aks targets (and skopeo sync's) has the source digest"
