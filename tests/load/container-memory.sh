#!/usr/bin/env bash
# Does the service fit a small container (issue 18, "memory fit for a small container")? Runs PaymentEvents (SQLite,
# processor and sample handlers on, the container's defaults otherwise) inside a memory cgroup of LIMIT_MB for each
# limit in LIMITS, as a container runtime would: the runtime reads the limit and sizes the GC heap from it (75% by
# default). Each run sends WARMUP then COUNT freshly signed deliveries (32 connections, load on another core), waits
# until every one is processed, then prints one row: req/s, errors, events processed, the process's peak RSS, the
# cgroup's peak usage (RSS plus the page cache its SQLite writes charge to it), how often the cgroup hit its limit,
# OOM kills, and whether the service was still alive and healthy at the end.
#
#   tests/load/container-memory.sh      LIMITS="256 160 128 96" COUNT=20000 WARMUP=5000 SERVER_CPU=0 LOAD_CPU=1
#
# The cgroup is charged for the pages its process brings in. Pages of the shared framework that are already in the page
# cache (another dotnet process read them first) stay charged to whoever read them, so on a machine that runs other
# .NET processes the cgroup's peak is lower than the process's RSS (which counts them). In a fresh container those clean
# file pages are charged to it too; under its limit the kernel drops and re-reads them (counted as limit hits).
#
# Needs root and a memory cgroup (v1 at /sys/fs/cgroup/memory or v2 with the memory controller); touches only the
# cgroups it creates.
set -euo pipefail
cd "$(dirname "$0")/../.."
LIMITS="${LIMITS:-256 160 128 96}"
COUNT="${COUNT:-20000}"
WARMUP="${WARMUP:-5000}"
SERVER_CPU="${SERVER_CPU:-0}"
LOAD_CPU="${LOAD_CPU:-1}"
PORT=5096
WORK="$(mktemp -d)"
SERVER=""
CGROUP=""
cleanup() {
  if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
  if [ -n "$CGROUP" ] && [ -d "$CGROUP" ]; then rmdir "$CGROUP" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
  grep -qw memory /sys/fs/cgroup/cgroup.controllers || { echo "cgroup v2 without the memory controller"; exit 2; }
  CG_ROOT=/sys/fs/cgroup; CG_V=2
elif [ -d /sys/fs/cgroup/memory ]; then
  CG_ROOT=/sys/fs/cgroup/memory; CG_V=1
else
  echo "no memory cgroup here"; exit 2
fi

dotnet build src/PaymentEvents.Api -c Release -v q -nologo | { grep -E "error|warn" || true; }
dotnet build tests/load/PaymentEvents.LoadTest -c Release -v q -nologo | { grep -E "error|warn" || true; }
LOADGEN=(taskset -c "$LOAD_CPU" dotnet tests/load/PaymentEvents.LoadTest/bin/Release/net10.0/PaymentEvents.LoadTest.dll)
read -r SK PK < <("${LOADGEN[@]}" keygen)
processed() { { curl -fs "http://127.0.0.1:$PORT/metrics" || true; } | awk '/^paymentevents_processing_events_total/ { n += $NF } END { print n + 0 }'; }

cg_set_limit() { if [ "$CG_V" = 2 ]; then echo "$1" >"$CGROUP/memory.max"; else echo "$1" >"$CGROUP/memory.limit_in_bytes"; fi; }
cg_peak_mb() {
  local f="$CGROUP/memory.max_usage_in_bytes"; [ "$CG_V" = 2 ] && f="$CGROUP/memory.peak"
  [ -f "$f" ] && awk '{ printf "%.0f", $1 / 1048576 }' "$f" || echo "-"
}
cg_limit_hits() {
  if [ "$CG_V" = 2 ]; then awk '$1 == "max" { print $2 }' "$CGROUP/memory.events"; else cat "$CGROUP/memory.failcnt"; fi
}
cg_oom_kills() {
  if [ "$CG_V" = 2 ]; then awk '$1 == "oom_kill" { print $2 }' "$CGROUP/memory.events"
  else awk '$1 == "oom_kill" { print $2 } END { if (NR == 0) print 0 }' "$CGROUP/memory.oom_control"; fi
}

printf '| %-8s | %7s | %6s | %9s | %12s | %13s | %10s | %9s | %-18s |\n' \
  "limit MB" "req/s" errors processed "peak RSS MB" "cgroup peak MB" "limit hits" "OOM kills" "at the end"
echo '|----------|---------|--------|-----------|--------------|----------------|------------|-----------|--------------------|'
for limit in $LIMITS; do
  CGROUP="$CG_ROOT/paymentevents-memory-$$-$limit"
  mkdir "$CGROUP"
  cg_set_limit $(( limit * 1024 * 1024 ))
  data="$WORK/data-$limit"
  # The subshell joins the cgroup, then becomes the service (exec), so only the service is charged to it.
  (
    echo "$BASHPID" >"$CGROUP/cgroup.procs"
    exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$PORT" PaymentKit__AppPk="$PK" \
      Serilog__MinimumLevel__Default=Warning Storage__Provider=sqlite Storage__DataDir="$data" \
      taskset -c "$SERVER_CPU" dotnet src/PaymentEvents.Api/bin/Release/net10.0/PaymentEvents.Api.dll
  ) >"$WORK/server-$limit.log" 2>&1 &
  SERVER=$!
  up=0
  for _ in $(seq 1 150); do
    if curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1; then up=1; break; fi
    kill -0 "$SERVER" 2>/dev/null || break
    sleep 0.2
  done
  rps="-"; errors="-"; done_count=0; rss="-"; state="did not start"
  if [ "$up" = 1 ]; then
    "${LOADGEN[@]}" run "http://127.0.0.1:$PORT" "$SK" "$WARMUP" 32 >/dev/null || true
    result="$("${LOADGEN[@]}" run "http://127.0.0.1:$PORT" "$SK" "$COUNT" 32 | grep '^RESULT ' | cut -d' ' -f2- || true)"
    if [ -n "$result" ]; then
      read -r rps errors < <(python3 -c 'import json,sys; r = json.loads(sys.argv[1]); print("%.0f %d" % (r["rps"], r["count"] - r["ok"]))' "$result")
    fi
    for _ in $(seq 1 1200); do
      [ "$(processed)" -ge $(( WARMUP + COUNT )) ] && break
      kill -0 "$SERVER" 2>/dev/null || break
      sleep 0.05
    done
    done_count="$(processed)"
    rss="$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVER/status" 2>/dev/null || echo -)"
    if curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1; then state="alive, ready"
    elif kill -0 "$SERVER" 2>/dev/null; then state="alive, not ready"
    else state="exited"; fi
  fi
  printf '| %8s | %7s | %6s | %9s | %12s | %13s | %10s | %9s | %-18s |\n' \
    "$limit" "$rps" "$errors" "$done_count" "$rss" "$(cg_peak_mb)" "$(cg_limit_hits)" "$(cg_oom_kills)" "$state"
  kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; SERVER=""
  rmdir "$CGROUP" 2>/dev/null || true; CGROUP=""
done
echo "machine: $(nproc) cores, $(uname -sr), cgroup v$CG_V; each row: $WARMUP + $COUNT deliveries, all processed before the row is read"
