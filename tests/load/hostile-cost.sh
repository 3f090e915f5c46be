#!/usr/bin/env bash
# What an unauthenticated client can make the receiver spend: server CPU ms (utime+stime of the host process, from
# /proc) and RSS for each kind of body with a garbage signature, all in ONE run of one Release host so the kinds
# compare with each other (the machine is shared and noisy: compare within a run, never across runs).
# Usage: tests/load/hostile-cost.sh [requests-per-kind=20]
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-20}"
PORT="${PORT:-5098}"
WORK="$(mktemp -d)"
LOG="$WORK/host.log"

dotnet build src/PaymentEvents.Api -c Release -v q -nologo | { grep -E "error|warn" || true; }
dotnet build tests/load/PaymentEvents.LoadTest -c Release -v q -nologo | { grep -E "error|warn" || true; }
read -r _ PK < <(dotnet tests/load/PaymentEvents.LoadTest/bin/Release/net10.0/PaymentEvents.LoadTest.dll keygen)

ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$PORT" PaymentKit__AppPk="$PK" \
Storage__Provider=sqlite Storage__DataDir="$WORK" Serilog__MinimumLevel__Default=Error \
  dotnet src/PaymentEvents.Api/bin/Release/net10.0/PaymentEvents.Api.dll >"$LOG" 2>&1 &
HOST_PID=$!
trap 'kill "$HOST_PID" 2>/dev/null || true; wait "$HOST_PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  kill -0 "$HOST_PID" 2>/dev/null || { cat "$LOG"; exit 1; }
  sleep 0.2
done

python3 - "$WORK" <<'PY'
import sys, itertools, string
work = sys.argv[1]
alphabet = string.ascii_letters + string.digits
keys = ("".join(k) for k in itertools.product(alphabet, repeat=3))
members = ",".join(f'"{next(keys)}":0' for _ in range(131_000))
open(f"{work}/wide.json", "w").write('{"id":"evt_wide","type":"invoice.paid",' + members + "}")
groups = ",".join('"g%d":{' % g + ",".join(f'"{"".join(k)}":0' for k in itertools.islice(itertools.product(alphabet, repeat=3), 1000)) + "}" for g in range(125))
open(f"{work}/groups.json", "w").write('{"id":"evt_groups","type":"invoice.paid",' + groups + "}")
# The worst case inside the limits: 19 objects of 999 members (19,002 with the others, < 20,000), padded to 1 MiB by long values.
edge = ",".join('"e%d":{' % g + ",".join(f'"{"".join(k)}":"{"v" * 40}"' for k in itertools.islice(itertools.product(alphabet, repeat=3), 999)) + "}" for g in range(19))
open(f"{work}/edge.json", "w").write('{"id":"evt_edge","type":"invoice.paid",' + edge + "}")
deep = '{"id":"evt_deep","type":"invoice.paid","data":{"object":{"metadata":' + '{"l":' * 4000 + '{}' + '}' * 4000 + '}}}'
open(f"{work}/deep.json", "w").write(deep)
plain = '{"id":"evt_plain","type":"invoice.paid","pad":"' + "x" * (1_048_000 - 60) + '"}'
open(f"{work}/plain.json", "w").write(plain)
PY

cpu_ms() { awk '{print ($14 + $15) * 1000 / '"$(getconf CLK_TCK)"'}' "/proc/$HOST_PID/stat"; }
rss_mb() { awk '/VmRSS/ {print $2 / 1024}' "/proc/$HOST_PID/status"; }

NOW=$(date +%s)
SIG64="0x$(printf '0%.0s' $(seq 1 128))"
measure() { # name body signature iat exp
  local name=$1 body=$2 sig=$3 iat=$4 exp=$5 before after codes
  before=$(cpu_ms)
  codes=$(for _ in $(seq 1 "$N"); do
    curl -s -o /dev/null -w '%{http_code}\n' -X POST "http://127.0.0.1:$PORT/api/payment/callback" \
      -H 'Content-Type: application/json' -H "x-component-sig: $sig" -H "x-component-sig-iat: $iat" \
      -H "x-component-sig-exp: $exp" -H 'x-component-sig-version: 1' --data-binary "@$WORK/$body"
  done | sort | uniq -c | xargs)
  after=$(cpu_ms)
  printf '%-52s %8.1f ms CPU/request   RSS %6.0f MB   answers: %s\n' "$name" "$(echo "($after - $before) / $N" | bc -l)" "$(rss_mb)" "$codes"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), shared and noisy; $N requests per kind"
echo "bodies: plain $(stat -c %s "$WORK/plain.json") B, wide $(stat -c %s "$WORK/wide.json") B (131,000 members), groups $(stat -c %s "$WORK/groups.json") B, edge $(stat -c %s "$WORK/edge.json") B"
echo "RSS at start: $(rss_mb) MB"
measure "plain 1 MiB, 64-byte garbage signature"              plain.json "$SIG64" "$NOW" "$((NOW + 300))"
measure "131k keys, expired signature (header reject)"        wide.json  "$SIG64" "$((NOW - 1000))" "$((NOW - 700))"
measure "131k keys, short garbage signature (header reject)"  wide.json  "0xdeadbeef" "$NOW" "$((NOW + 300))"
measure "131k keys, 64-byte garbage signature (heavy lane)"  wide.json  "$SIG64" "$NOW" "$((NOW + 300))"
measure "125 objects x 1000 keys, 64-byte garbage sig (heavy lane)" groups.json "$SIG64" "$NOW" "$((NOW + 300))"
measure "4,004 levels deep, 64-byte garbage sig (heavy lane)" deep.json "$SIG64" "$NOW" "$((NOW + 300))"
measure "19 objects x 999 keys (ordinary), 64-byte garbage sig (full verify)" edge.json "$SIG64" "$NOW" "$((NOW + 300))"

# A flood: CLIENTS clients at once, each sending the 131k-key body N times. The heavy lane verifies one at a time and
# queues 4: the rest are 503 at once, so the server's CPU for the flood stays about one core (1,000 ms per second).
CLIENTS="${CLIENTS:-8}"
before=$(cpu_ms); started=$(date +%s%N)
codes=$(for _ in $(seq 1 "$CLIENTS"); do
  ( for _ in $(seq 1 "$N"); do
      curl -s -o /dev/null -w '%{http_code}\n' -X POST "http://127.0.0.1:$PORT/api/payment/callback" \
        -H 'Content-Type: application/json' -H "x-component-sig: $SIG64" -H "x-component-sig-iat: $NOW" \
        -H "x-component-sig-exp: $((NOW + 300))" -H 'x-component-sig-version: 1' --data-binary "@$WORK/wide.json"
    done ) &
done | sort | uniq -c | xargs; wait)
after=$(cpu_ms); wall_ms=$(( ($(date +%s%N) - started) / 1000000 ))
printf '%-52s %8.0f ms CPU per wall second (%d ms CPU in %d ms)   RSS %6.0f MB   answers: %s\n' \
  "flood: $CLIENTS clients x $N of the 131k-key body" "$(echo "($after - $before) * 1000 / $wall_ms" | bc -l)" \
  "$(printf '%.0f' "$(echo "$after - $before" | bc -l)")" "$wall_ms" "$(rss_mb)" "$codes"
