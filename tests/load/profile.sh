#!/usr/bin/env bash
# Where the CPU goes (issue 18): `perf record -g` on the pinned service with DOTNET_PerfMapEnabled=1 (perf alone sees
# managed frames, libsodium, SQLite and the kernel; dotnet-trace does not see enough; W^X off, or the JIT's code sits
# in an anonymous double mapping the perf map cannot name), then a flat profile by symbol and one by module. Needs perf (apt-get install linux-perf) and a build (tests/load/bench.sh builds everything).
#
#   MODE=drain   tests/load/profile.sh   the processor alone, draining COUNT events stored with processing off
#   MODE=receive tests/load/profile.sh   the callback alone (processing off) under COUNT deliveries
#   MODE=both    tests/load/profile.sh   receiving and processing together
#   DLL=/path/to/PaymentEvents.Api.dll (default: this tree's Release build), COUNT=20000, TOP=60, OUT=/tmp/perf18-profile
set -euo pipefail
cd "$(dirname "$0")/../.."
MODE="${MODE:-drain}"
COUNT="${COUNT:-20000}"
TOP="${TOP:-60}"
DLL="${DLL:-src/PaymentEvents.Api/bin/Release/net10.0/PaymentEvents.Api.dll}"
OUT="${OUT:-/tmp/perf18-profile}"
PORT=5098
WORK="$(mktemp -d)"
SERVER=""
cleanup() { [ -n "$SERVER" ] && { kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; }; rm -rf "$WORK"; }
trap cleanup EXIT
mkdir -p "$OUT"
LOADGEN=(taskset -c 1 dotnet tests/load/PaymentEvents.LoadTest/bin/Release/net10.0/PaymentEvents.LoadTest.dll)
read -r SK PK < <("${LOADGEN[@]}" keygen)
processed() { curl -fs "http://127.0.0.1:$PORT/metrics" | awk '/^paymentevents_processing_events_total/ { n += $NF } END { print n + 0 }'; }

start() { # extra NAME=value settings
  env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$PORT" PaymentKit__AppPk="$PK" DOTNET_PerfMapEnabled=1 \
    DOTNET_EnableWriteXorExecute=0 \
    Serilog__MinimumLevel__Default=Warning Storage__Provider=sqlite Storage__DataDir="$WORK/data" "$@" \
    taskset -c 0 dotnet "$DLL" >"$WORK/server.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 150); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && return 0; sleep 0.2; done
  cat "$WORK/server.log"; exit 1
}
stop() { kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""; }

case "$MODE" in
  drain)
    start Processing__Enabled=false
    "${LOADGEN[@]}" run "http://127.0.0.1:$PORT" "$SK" "$COUNT" 32 >/dev/null
    stop
    # Startup (and its JIT) is not profiled: the first events drain before perf attaches, the rest under it.
    start
    perf record -F 999 -g -p "$SERVER" -o "$OUT/perf.data" 2>"$OUT/perf.log" &
    PERF=$!
    for _ in $(seq 1 2400); do [ "$(processed)" -ge "$COUNT" ] && break; sleep 0.025; done
    kill -INT "$PERF"; wait "$PERF" || true
    ;;
  receive|both)
    extra=(); [ "$MODE" = receive ] && extra=(Processing__Enabled=false)
    start "${extra[@]}"
    "${LOADGEN[@]}" run "http://127.0.0.1:$PORT" "$SK" 3000 32 >/dev/null # warm-up
    perf record -F 999 -g -p "$SERVER" -o "$OUT/perf.data" 2>"$OUT/perf.log" &
    PERF=$!
    "${LOADGEN[@]}" run "http://127.0.0.1:$PORT" "$SK" "$COUNT" 32 | grep -E "throughput|latency"
    if [ "$MODE" = both ]; then for _ in $(seq 1 2400); do [ "$(processed)" -ge $((COUNT + 3000)) ] && break; sleep 0.025; done; fi
    kill -INT "$PERF"; wait "$PERF" || true
    ;;
  *) echo "MODE is drain, receive or both"; exit 2 ;;
esac
cp "/tmp/perf-$SERVER.map" "$OUT/" 2>/dev/null || true
stop
set +o pipefail
perf report -i "$OUT/perf.data" --no-children --sort sym --stdio -g none 2>/dev/null | grep -E '^ +[0-9]' | head -"$TOP" >"$OUT/flat.txt"
perf report -i "$OUT/perf.data" --no-children --sort dso --stdio -g none 2>/dev/null | grep -E '^ +[0-9]' | head -20 >"$OUT/dso.txt"
perf report -i "$OUT/perf.data" --children --sort sym --stdio -g none 2>/dev/null | grep -E '^ +[0-9]' | head -"$TOP" >"$OUT/inclusive.txt"
echo "samples: $(perf report -i "$OUT/perf.data" --stdio --header-only 2>/dev/null | grep -m1 'sample' || true)"
echo "== by module"; cat "$OUT/dso.txt"
echo "== self, by symbol"; cat "$OUT/flat.txt"
echo "(inclusive: $OUT/inclusive.txt; perf.data and the perf map are in $OUT)"
