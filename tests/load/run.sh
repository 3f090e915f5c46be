#!/usr/bin/env bash
# Load test of POST /api/payment/callback: the Release host on 127.0.0.1 with SQLite in a temp DataDir.
# Usage: tests/load/run.sh [count=5000] [concurrency=32]
set -euo pipefail
cd "$(dirname "$0")/../.."
COUNT="${1:-5000}"
CONCURRENCY="${2:-32}"
PORT="${PORT:-5099}"
DATA_DIR="$(mktemp -d)"
LOG="$DATA_DIR/host.log"

dotnet build src/PaymentEvents.Api -c Release -v q -nologo | { grep -E "error|warn" || true; }
dotnet build tests/load/PaymentEvents.LoadTest -c Release -v q -nologo | { grep -E "error|warn" || true; }
LOADGEN=(dotnet tests/load/PaymentEvents.LoadTest/bin/Release/net10.0/PaymentEvents.LoadTest.dll)

read -r SK PK < <("${LOADGEN[@]}" keygen)

ASPNETCORE_ENVIRONMENT=Production \
ASPNETCORE_URLS="http://127.0.0.1:$PORT" \
PaymentKit__AppPk="$PK" \
Storage__Provider=sqlite \
Storage__DataDir="$DATA_DIR" \
Serilog__MinimumLevel__Default=Warning \
  dotnet src/PaymentEvents.Api/bin/Release/net10.0/PaymentEvents.Api.dll >"$LOG" 2>&1 &
HOST_PID=$!
trap 'kill "$HOST_PID" 2>/dev/null || true; wait "$HOST_PID" 2>/dev/null || true; rm -rf "$DATA_DIR"' EXIT

for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  kill -0 "$HOST_PID" 2>/dev/null || { cat "$LOG"; exit 1; }
  sleep 0.2
done

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(uname -sr)"
echo "command: tests/load/run.sh $COUNT $CONCURRENCY"
SENT_AT=$(date +%s.%N)
"${LOADGEN[@]}" run "http://127.0.0.1:$PORT" "$SK" "$COUNT" "$CONCURRENCY"

# Handlers run off the request path: wait (bounded) until the processor has finished every event, and
# report how long the inbox took to drain from the first delivery.
processed() { curl -fs "http://127.0.0.1:$PORT/metrics" | awk '/^paymentevents_processing_events_total/ { n += $NF } END { print n + 0 }'; }
for _ in $(seq 1 600); do
  [ "$(processed)" -ge "$COUNT" ] && break
  sleep 0.1
done
DONE_AT=$(date +%s.%N)
awk -v n="$(processed)" -v c="$COUNT" -v s="$SENT_AT" -v d="$DONE_AT" \
  'BEGIN { printf "processed %d/%d events; inbox drained %.2f s after the first delivery (%.0f events/s end to end)\n", n, c, d - s, n / (d - s) }'
echo "--- /metrics (deliveries)"
curl -fs "http://127.0.0.1:$PORT/metrics" | grep -E '^paymentevents_receiver_(deliveries_total|duration_seconds_(sum|count))' || true
