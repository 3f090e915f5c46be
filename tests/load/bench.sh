#!/usr/bin/env bash
# Side-by-side benchmark of the webhook receiver (issues 9 and 18): the floor (tests/load/FloorReceiver: ASP.NET Core,
# parse, PaymentEvents.Core's verifier, 200; no storage, no processing: the least a verifying receiver must do), the
# Node reference receiver (Express + express.json() + the real @blocklet/sdk@1.17.12 verifySig + a switch),
# PaymentEvents on SQLite and PaymentEvents on PostgreSQL (a local server this script starts, its CPU counted in the
# row). Each server runs pinned to one core, the load generator to another; every run signs fresh unique events.
# Closed loop (fixed connections) first, then open loop at half of the closed-loop rate (fixed arrival rate: p99
# without coordinated omission). Prints one table with each row's req/s and CPU per request as a ratio to the floor's
# (same mode, same run): on a shared machine only those ratios compare across runs.
#
#   tests/load/bench.sh                 COUNT=5000 NODE_COUNT=min(COUNT,5000) WARMUP=5000 CONNECTIONS=32 SERVER_CPU=0
#                                       LOAD_CPU=1 TARGETS="floor node sqlite sqlite-receive postgres"
#   BASE_API=/path/to/PaymentEvents.Api.dll TARGETS="floor sqlite base:sqlite" interleaves another build of the
#   service (say, the commit before a change) with this one in the same run: before/after on one ruler; ALT_API and
#   alt:<target> a third.
#   TARGETS="drain" (DRAIN_COUNT=10000): the processor alone, on a backlog stored with processing off, the receiver
#   idle; prints µs of CPU per event processed ("base:drain" runs it on BASE_API).
set -euo pipefail
cd "$(dirname "$0")/../.."
COUNT="${COUNT:-5000}"
CONNECTIONS="${CONNECTIONS:-32}"
NODE_COUNT="${NODE_COUNT:-$(( COUNT < 5000 ? COUNT : 5000 ))}" # the Node receiver is slow: a shorter run gives its rate
WARMUP="${WARMUP:-5000}" # deliveries sent (and not counted) before each measured run: the JIT reaches optimised code
SERVER_CPU="${SERVER_CPU:-0}"
LOAD_CPU="${LOAD_CPU:-1}"
TARGETS="${TARGETS:-floor node sqlite sqlite-receive postgres}"
DRAIN_COUNT="${DRAIN_COUNT:-10000}"
OPEN="${OPEN:-1}" # 0: closed loop only (a shorter run)
API_DLL="src/PaymentEvents.Api/bin/Release/net10.0/PaymentEvents.Api.dll"
BASE_API="${BASE_API:-}"
ALT_API="${ALT_API:-}"
PORT=5097
WORK="$(mktemp -d)"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  if [ -f "$WORK/pg/PG_VERSION" ]; then $PGRUN "$PGBIN/pg_ctl" stop -D "$WORK/pg" -m fast -w >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

dotnet build src/PaymentEvents.Api -c Release -v q -nologo | { grep -E "error|warn" || true; }
dotnet build tests/load/PaymentEvents.LoadTest -c Release -v q -nologo | { grep -E "error|warn" || true; }
dotnet build tests/load/FloorReceiver -c Release -v q -nologo | { grep -E "error|warn" || true; }
[ -d tests/load/node-receiver/node_modules ] || (cd tests/load/node-receiver && npm ci --ignore-scripts --no-audit --no-fund >/dev/null)
LOADGEN=(taskset -c "$LOAD_CPU" dotnet tests/load/PaymentEvents.LoadTest/bin/Release/net10.0/PaymentEvents.LoadTest.dll)
read -r SK PK < <(dotnet tests/load/PaymentEvents.LoadTest/bin/Release/net10.0/PaymentEvents.LoadTest.dll keygen)
CLK_TCK="$(getconf CLK_TCK)"

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# The service's CPU, plus PostgreSQL's when it runs (it shares the core): the postmaster with the children it has reaped
# (cutime + cstime) and every live backend. A backend that exits between the two readings moves from the second term to
# the first, so nothing is lost.
db_ticks() {
  [ "${COUNT_DB:-0}" = 1 ] || { echo 0; return; }
  local total
  total="$(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$PG_PID/stat")"
  for child in $(pgrep -P "$PG_PID"); do
    total=$(( total + $(awk '{ print $14 + $15 }' "/proc/$child/stat" 2>/dev/null || echo 0) ))
  done
  echo "$total"
}
service_ticks() { echo $(( $(cpu_ticks "$1") + $(db_ticks) )); }
peak_rss_mb() { awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
processed() { curl -fs "http://127.0.0.1:$PORT/metrics" | awk '/^paymentevents_processing_events_total/ { n += $NF } END { print n + 0 }'; }

wait_up() {
  for _ in $(seq 1 150); do
    curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && return 0
    kill -0 "$1" 2>/dev/null || { cat "$WORK/server.log"; exit 1; }
    sleep 0.2
  done
  echo "server did not come up"; cat "$WORK/server.log"; exit 1
}

start_node() {
  BLOCKLET_APP_PK="$PK" PORT="$PORT" taskset -c "$SERVER_CPU" node tests/load/node-receiver/server.js >"$WORK/server.log" 2>&1 &
  SERVER=$!; PIDS+=("$SERVER"); wait_up "$SERVER"
}

start_floor() {
  env ASPNETCORE_URLS="http://127.0.0.1:$PORT" PaymentKit__AppPk="$PK" \
    taskset -c "$SERVER_CPU" dotnet tests/load/FloorReceiver/bin/Release/net10.0/FloorReceiver.dll >"$WORK/server.log" 2>&1 &
  SERVER=$!; PIDS+=("$SERVER"); wait_up "$SERVER"
}

start_paymentevents() { # $1 = sqlite | postgres, then extra NAME=value settings (DLL= another build, DATA= the data dir)
  local dll="${DLL:-$API_DLL}"
  local storage=(Storage__Provider=sqlite Storage__DataDir="${DATA:-$WORK/data-$RANDOM}")
  if [ "$1" = postgres ]; then new_database; storage=(Storage__Provider=postgres ConnectionStrings__PaymentEvents="$PG_CONN"); fi
  env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$PORT" PaymentKit__AppPk="$PK" \
    Serilog__MinimumLevel__Default=Warning "${storage[@]}" "${@:2}" \
    taskset -c "$SERVER_CPU" dotnet "$dll" >"$WORK/server.log" 2>&1 &
  SERVER=$!; PIDS+=("$SERVER"); wait_up "$SERVER"
}

start_postgres() {
  [ -n "${PG_PID:-}" ] && return 0 # one server for every postgres row; each row's service gets a fresh database
  PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  PGRUN=""
  mkdir -p "$WORK/pg"
  if [ "$(id -u)" = 0 ]; then chown -R postgres "$WORK"; PGRUN="runuser -u postgres --"; fi
  $PGRUN "$PGBIN/initdb" -D "$WORK/pg" -U postgres -A trust >/dev/null
  # Durable commits (fsync on, synchronous_commit on), as in production; the server shares the service's core.
  $PGRUN "$PGBIN/pg_ctl" start -D "$WORK/pg" -l "$WORK/pg.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p 5434 -k $WORK -c max_connections=200" >/dev/null
  PG_PID="$(head -1 "$WORK/pg/postmaster.pid")"
  taskset -a -p -c "$SERVER_CPU" "$PG_PID" >/dev/null
}

new_database() { # a fresh database per row, so no row reads another's rows
  local name="bench$RANDOM"
  $PGRUN "$PGBIN/createdb" -h 127.0.0.1 -p 5434 -U postgres "$name"
  PG_CONN="Host=127.0.0.1;Port=5434;Username=postgres;Database=$name"
}

# One load run against the running server: prints "rps p50 p99 errors rss cpu_ms_per_req processed_per_s drain_s".
# processed_per_s: events the processor finished per second while the load ran (it keeps up when this is >= req/s);
# drain_s: how long the rest took after the load stopped. CPU per request counts the service until drained.
measure() { # $1 = rate (0 = closed loop), $2 = 1 when the server has a processor to wait for, $3 = deliveries
  local count="$3" before after out result baseline t0 t_end t1 during="" drain=""
  before="$(service_ticks "$SERVER")"
  [ "$2" = 1 ] && baseline="$(processed)"
  t0="$(date +%s.%N)"
  out="$("${LOADGEN[@]}" run "http://127.0.0.1:$PORT" "$SK" "$count" "$CONNECTIONS" /api/payment/callback "$1" || true)"
  result="$(grep '^RESULT ' <<<"$out" | cut -d' ' -f2-)"
  if [ "$2" = 1 ]; then
    t_end="$(date +%s.%N)"
    during="$(awk -v n="$(( $(processed) - baseline ))" -v a="$t0" -v b="$t_end" 'BEGIN { printf "%.0f", n / (b - a) }')"
    for _ in $(seq 1 1200); do [ "$(processed)" -ge $((baseline + count)) ] && break; sleep 0.05; done
    t1="$(date +%s.%N)"
    drain="$(awk -v a="$t_end" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')"
  fi
  after="$(service_ticks "$SERVER")"
  python3 - "$result" "$before" "$after" "$CLK_TCK" "$(peak_rss_mb "$SERVER")" "${during:--}" "${drain:--}" <<'PY'
import json, sys
r = json.loads(sys.argv[1]); ticks = int(sys.argv[3]) - int(sys.argv[2]); hz = int(sys.argv[4])
print(f"{r['rps']:.0f} {r['p50']:.2f} {r['p99']:.2f} {r['count'] - r['ok']} {sys.argv[5]} {ticks / hz * 1e6 / r['count']:.0f} {sys.argv[6]} {sys.argv[7]}")
PY
}

# The processor alone: DRAIN_COUNT deliveries stored with processing off, then the service restarted on that inbox with
# processing on and nothing arriving. CPU per event counts from the first /metrics answer (startup and its JIT excluded)
# until the backlog is done; with perf installed, so do fsyncs, WAL writes (pwrite64) and context switches per event:
# counts, so unlike CPU time they do not move with a noisy neighbour. Prints
# "events seconds cpu_us_per_event rss fsync_per_event pwrite_per_event switches_per_event" ("-" without perf).
drain() {
  local data="$WORK/drain-$RANDOM" first t0 ticks0 t1 ticks1 done_count
  DATA="$data" start_paymentevents sqlite Processing__Enabled=false
  local stored
  stored="$("${LOADGEN[@]}" run "http://127.0.0.1:$PORT" "$SK" "$DRAIN_COUNT" "$CONNECTIONS" | sed -n 's/^RESULT .*"ok":\([0-9]*\).*/\1/p' || true)"
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
  [ "${stored:-0}" -gt 0 ] || { echo "0 0 0 - (the backlog was not stored)"; return; }
  DATA="$data" start_paymentevents sqlite
  local counter="" counts="$WORK/drain-counts-$RANDOM"
  if command -v perf >/dev/null 2>&1; then
    perf stat -x, -e syscalls:sys_enter_fsync,syscalls:sys_enter_fdatasync,syscalls:sys_enter_pwrite64,context-switches \
      -p "$SERVER" -o "$counts" 2>/dev/null &
    counter=$!
  fi
  first="$(processed)"; t0="$(date +%s.%N)"; ticks0="$(cpu_ticks "$SERVER")"
  for _ in $(seq 1 2400); do [ "$(processed)" -ge "$stored" ] && break; sleep 0.025; done
  t1="$(date +%s.%N)"; ticks1="$(cpu_ticks "$SERVER")"; done_count="$(processed)"
  if [ -n "$counter" ]; then kill -INT "$counter" 2>/dev/null || true; wait "$counter" 2>/dev/null || true; fi
  awk -v n="$((done_count - first))" -v a="$t0" -v b="$t1" -v t="$((ticks1 - ticks0))" -v hz="$CLK_TCK" -v rss="$(peak_rss_mb "$SERVER")" \
    -F, -v have="$([ -s "$counts" ] && echo 1 || echo 0)" '
      $3 ~ /fsync|fdatasync/ { syncs += $1 } $3 ~ /pwrite64/ { writes += $1 } $3 ~ /context-switches/ { switches += $1 }
      END {
        per = n > 0 ? n : 1
        printf "%d %.2f %.0f %s", n, b - a, t / hz * 1e6 / per, rss
        if (have) printf " %.3f %.2f %.2f\n", syncs / per, writes / per, switches / per; else print " - - -"
      }' "$([ -s "$counts" ] && echo "$counts" || echo /dev/null)"
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
}

ROWS=()
DRAINS=()
for target in $TARGETS; do
  DLL="$API_DLL"; COUNT_DB=0; name="$target"
  if [[ "$target" == base:* ]]; then
    [ -n "$BASE_API" ] || { echo "$target needs BASE_API=/path/to/PaymentEvents.Api.dll"; exit 2; }
    DLL="$BASE_API"; target="${target#base:}"
  elif [[ "$target" == alt:* ]]; then
    [ -n "$ALT_API" ] || { echo "$target needs ALT_API=/path/to/PaymentEvents.Api.dll"; exit 2; }
    DLL="$ALT_API"; target="${target#alt:}"
  fi
  case "$target" in
    drain) read -r n secs us rss syncs writes switches < <(drain); DRAINS+=("$name $n $secs $us $rss $syncs $writes $switches"); continue ;;
    floor) start_floor; has_processor=0 ;;
    node) start_node; has_processor=0 ;;
    sqlite) start_paymentevents sqlite; has_processor=1 ;;
    sqlite-receive) start_paymentevents sqlite Processing__Enabled=false; has_processor=0 ;;
    postgres) start_postgres; start_paymentevents postgres; has_processor=1; COUNT_DB=1 ;;
    postgres-receive) start_postgres; start_paymentevents postgres Processing__Enabled=false; has_processor=0; COUNT_DB=1 ;;
    *) echo "unknown target $target"; exit 2 ;;
  esac
  "${LOADGEN[@]}" run "http://127.0.0.1:$PORT" "$SK" "$WARMUP" "$CONNECTIONS" >/dev/null || true # warm-up (JIT, pools)
  if [ "$has_processor" = 1 ]; then for _ in $(seq 1 1200); do [ "$(processed)" -ge "$WARMUP" ] && break; sleep 0.05; done; fi
  n="$COUNT"; [ "$target" = node ] && n="$NODE_COUNT"
  read -r rps p50 p99 errors rss cpu during drain < <(measure 0 "$has_processor" "$n")
  ROWS+=("$name closed $rps $p50 $p99 $errors $rss $cpu $during $drain")
  rate=$(( rps / 2 ))
  [ "$OPEN" = 1 ] && read -r rps2 p502 p992 errors2 rss2 cpu2 during2 drain2 < <(measure "$rate" "$has_processor" "$n")
  [ "$OPEN" = 1 ] && ROWS+=("$name open $rps2 $p502 $p992 $errors2 $rss2 $cpu2 $during2 $drain2 $rate")
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
done

echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(uname -sr), load average $(cut -d' ' -f1-3 /proc/loadavg); server on cpu $SERVER_CPU, load on cpu $LOAD_CPU"
echo "command: COUNT=$COUNT NODE_COUNT=$NODE_COUNT WARMUP=$WARMUP CONNECTIONS=$CONNECTIONS DRAIN_COUNT=$DRAIN_COUNT TARGETS=\"$TARGETS\" tests/load/bench.sh"
if [ "${#ROWS[@]}" -gt 0 ]; then
  # Ratios to the floor and to Node in the same mode (closed to closed, open to open) of this run.
  lookup() { printf '%s\n' "${ROWS[@]}" | awk -v t="$1" -v m="$2" -v f="$3" '$1 == t && $2 == m { print $f }'; }
  printf '| %-22s | %-11s | %7s | %7s | %7s | %6s | %6s | %10s | %11s | %7s | %9s | %9s | %6s |\n' \
    receiver mode "req/s" "p50 ms" "p99 ms" errors "RSS MB" "CPU µs/req" "processed/s" "drain s" "x floor" "floor CPU" "x Node"
  printf '|%s|\n' "------------------------|-------------|---------|---------|---------|--------|--------|------------|-------------|---------|-----------|-----------|--------"
  for row in "${ROWS[@]}"; do
    read -r t m r a b e s c d w rate <<<"$row"
    floor_rps="$(lookup floor "$m" 3)"; floor_cpu="$(lookup floor "$m" 8)"; node_rps="$(lookup node "$m" 3)"
    x_floor="$(awk -v r="$r" -v f="${floor_rps:-0}" 'BEGIN { if (f > 0) printf "%.2fx", r / f; else print "-" }')"
    x_cpu="$(awk -v c="$c" -v f="${floor_cpu:-0}" 'BEGIN { if (f > 0 && c > 0) printf "%.2fx", f / c; else print "-" }')"
    x_node="$(awk -v r="$r" -v n="${node_rps:-0}" 'BEGIN { if (n > 0) printf "%.1fx", r / n; else print "-" }')"
    [ "$m" = open ] && m="open@${rate}/s"
    printf '| %-22s | %-11s | %7s | %7s | %7s | %6s | %6s | %10s | %11s | %7s | %9s | %9s | %6s |\n' "$t" "$m" "$r" "$a" "$b" "$e" "$s" "$c" "$d" "$w" "$x_floor" "$x_cpu" "$x_node"
  done
  echo "x floor: req/s over the floor's; floor CPU: the floor's CPU per request over this row's (1.00x = as cheap as the floor)."
fi
if [ "${#DRAINS[@]}" -gt 0 ]; then
  printf '| %-12s | %7s | %9s | %13s | %6s | %12s | %12s | %14s |\n' drain events seconds "CPU µs/event" "RSS MB" "fsync/event" "pwrite/event" "switches/event"
  printf '|%s|\n' "--------------|---------|-----------|---------------|--------|--------------|--------------|----------------"
  for row in "${DRAINS[@]}"; do
    read -r t n secs us rss syncs writes switches <<<"$row"
    printf '| %-12s | %7s | %9s | %13s | %6s | %12s | %12s | %14s |\n' "$t" "$n" "$secs" "$us" "$rss" "$syncs" "$writes" "$switches"
  done
fi
