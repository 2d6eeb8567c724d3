#!/usr/bin/env bash
# Storage sync benchmark: eks2aks sync-storage (java engine) against AzCopy in the same run, from a local folder into
# Azurite on loopback. 200 x 1 MiB files plus 10 x 64 MiB files. Cold = empty container (azcopy copy), no change =
# everything already there (azcopy sync). Prints both times, the ratios (goal: ours/azcopy <= 0.7 cold, <= 0.3 no
# change), our peak memory (max RSS), and the fixed start-up floor of a JVM run (how it is measured: see README).
# Needs what bin/setup-test-servers installs (Azurite, AzCopy), python3, bc, GNU time.
# Usage: bench/storage/run.sh [PARALLEL]   (default 8)
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
parallel=${1:-8}
jar="$root/cli/target/eks2aks.jar"
azurite_bin="$root/test-servers/node/node_modules/.bin/azurite-blob"
azcopy="$root/test-servers/node/node_modules/@azure-tools/azcopy-linux/dist/bin/azcopy_linux_amd64"
[ -x "$azurite_bin" ] && [ -x "$azcopy" ] || { echo "Azurite or AzCopy missing: run bin/setup-test-servers" >&2; exit 1; }
if [ ! -f "$jar" ] || [ -n "$(find "$root/core/src/main" "$root/cli/src/main" -newer "$jar" -print -quit)" ]; then
  echo "building $jar ..." >&2
  (cd "$root" && mvn -B -q -DskipTests -pl cli -am package) >&2
fi
work=$(mktemp -d /tmp/eks2aks-bench-storage.XXXXXX)
cleanup() { [ -f "$work/pid" ] && kill "$(cat "$work/pid")" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
mkdir -p "$work/azurite" "$work/data" "$work/azcopy-logs" "$work/azcopy-plans"
"$azurite_bin" --blobHost 127.0.0.1 --blobPort "$port" --location "$work/azurite" --skipApiVersionCheck --loose \
  --disableTelemetry >"$work/azurite.log" 2>&1 &
echo $! >"$work/pid"
account="http://127.0.0.1:$port/devstoreaccount1"
# An account SAS for Azurite's well-known development account (the key is public, documented by Microsoft).
sas=$(python3 - <<'PY'
import base64, hashlib, hmac, urllib.parse
key = base64.b64decode("Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==")
fields = dict(sv="2021-08-06", ss="b", srt="sco", sp="racwdl", se="2099-01-01T00:00:00Z")
sts = "\n".join(["devstoreaccount1", fields["sp"], fields["ss"], fields["srt"], "", fields["se"], "", "", fields["sv"], "", ""])
fields["sig"] = base64.b64encode(hmac.new(key, sts.encode(), hashlib.sha256).digest()).decode()
print(urllib.parse.urlencode(fields))
PY
)
for _ in $(seq 200); do curl -s -o /dev/null "$account?comp=list&$sas" && break; sleep 0.1; done
for c in ours peer floor capped; do curl -sf -X PUT -o /dev/null "$account/$c?restype=container&$sas"; done

echo "writing 200 x 1 MiB + 10 x 64 MiB into $work/data ..." >&2
for i in $(seq 1 200); do head -c 1048576 /dev/urandom >"$work/data/small-$i.bin"; done
mkdir -p "$work/data/big"
for i in $(seq 1 10); do head -c 67108864 /dev/urandom >"$work/data/big/large-$i.bin"; done
mkdir -p "$work/one" && echo one >"$work/one/file"

now() { date +%s.%N; }
export AZCOPY_LOG_LOCATION="$work/azcopy-logs" AZCOPY_JOB_PLAN_LOCATION="$work/azcopy-plans" AZCOPY_DISABLE_SYSLOG=true
export XDG_CACHE_HOME="$work/cache"
ours() { # label args... -> seconds; peak RSS (KiB) into $work/rss-<label>
  local label=$1 t0; shift
  t0=$(now)
  /usr/bin/time -f '%M' -o "$work/rss-$label" "$root/bin/eks2aks" sync-storage "$@" -q >"$work/ours-$label.log" 2>&1 \
    || { cat "$work/ours-$label.log" >&2; exit 1; }
  echo "$(now) - $t0" | bc
}
peer() { # label azcopy-args... -> seconds
  local label=$1 t0; shift
  t0=$(now)
  "$azcopy" "$@" --from-to LocalBlob --output-type json >"$work/azcopy-$label.log" 2>&1 || { tail -3 "$work/azcopy-$label.log" >&2; exit 1; }
  echo "$(now) - $t0" | bc
}

# Untimed warm-up of both installations (not of the data): bin/eks2aks records its class-data archive for
# sync-storage, AzCopy's binary gets into the page cache.
ours warmup "$work/data" "$account/ours?$sas" --dry-run >/dev/null
"$azcopy" --version >/dev/null

ours_cold=$(ours cold "$work/data" "$account/ours?$sas" --parallel "$parallel")
peer_cold=$(peer cold copy "$work/data/*" "$account/peer?$sas" --recursive)
ours_same=$(ours same "$work/data" "$account/ours?$sas" --parallel "$parallel")
peer_same=$(peer same sync "$work/data" "$account/peer?$sas" --recursive)

# Memory is bounded by --parallel x the block size, not by the file sizes: the same cold copy with the heap capped.
capped_cold=$(JAVA_TOOL_OPTIONS=-Xmx160m ours capped "$work/data" "$account/capped?$sas" --parallel "$parallel")

# The floor of any eks2aks run: the JVM with the CLI (--version), and a no-change sync of one file (JVM, both SDKs,
# one listing each side). Three runs each, the best kept.
best() { sort -n | head -1; }
floor_jvm=$(for _ in 1 2 3; do t0=$(now); "$root/bin/eks2aks" --version >/dev/null; echo "$(now) - $t0" | bc; done | best)
ours floor-seed "$work/one" "$account/floor?$sas" >/dev/null
floor_sync=$(for i in 1 2 3; do ours "floor-$i" "$work/one" "$account/floor?$sas"; done | best)

grep -q "copied 210 objects" "$work/ours-capped.log" || { echo "capped run did not copy 210 objects:" >&2; cat "$work/ours-capped.log" >&2; exit 1; }
grep -q "copied 210 objects" "$work/ours-cold.log" || { echo "cold run did not copy 210 objects:" >&2; cat "$work/ours-cold.log" >&2; exit 1; }
grep -q "copied 0 objects" "$work/ours-same.log" || { echo "no-change run copied something:" >&2; cat "$work/ours-same.log" >&2; exit 1; }
printf 'data: 200 x 1 MiB + 10 x 64 MiB (840 MiB) into Azurite, parallel %s, %s cores, AzCopy %s\n' "$parallel" "$(nproc)" \
  "$("$azcopy" --version | awk '{print $3}')"
printf '%-10s %10s %10s %8s %6s\n' "" "eks2aks" "azcopy" "ratio" "goal"
printf '%-10s %9.2fs %9.2fs %8.2f %6s\n' cold "$ours_cold" "$peer_cold" "$(echo "$ours_cold / $peer_cold" | bc -l)" "0.7"
printf '%-10s %9.2fs %9.2fs %8.2f %6s\n' no-change "$ours_same" "$peer_same" "$(echo "$ours_same / $peer_same" | bc -l)" "0.3"
printf 'eks2aks peak memory (max RSS): cold %d MiB, no change %d MiB\n' "$(( $(cat "$work/rss-cold") / 1024 ))" \
  "$(( $(cat "$work/rss-same") / 1024 ))"
printf 'cold copy with the heap capped at 160 MiB (-Xmx160m): %.2fs, max RSS %d MiB\n' "$capped_cold" "$(( $(cat "$work/rss-capped") / 1024 ))"
printf 'floor: eks2aks --version %.2fs; no-change sync of one file %.2fs (best of 3)\n' "$floor_jvm" "$floor_sync"
echo "eks2aks (cold): $(tail -n 1 "$work/ours-cold.log")"
echo "eks2aks (no change): $(tail -n 1 "$work/ours-same.log")"
