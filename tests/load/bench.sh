#!/usr/bin/env bash
# Side-by-side benchmark of the webhook receiver (issue 9): the Node reference receiver (Express + express.json()
# + the real @blocklet/sdk@1.17.12 verifySig + a switch), PaymentEvents on SQLite and PaymentEvents on PostgreSQL
# (a local server this script starts). Each server runs pinned to one core, the load generator to another; every
# run signs fresh unique events. Closed loop (fixed connections) first, then open loop at half of the closed-loop
# rate (fixed arrival rate: p99 without coordinated omission). Prints one table.
#
#   tests/load/bench.sh                 COUNT=5000 NODE_COUNT=min(COUNT,5000) WARMUP=5000 CONNECTIONS=32 SERVER_CPU=0
#                                       LOAD_CPU=1 TARGETS="node sqlite postgres" (also: sqlite-receive, processing off)
set -euo pipefail
cd "$(dirname "$0")/../.."
COUNT="${COUNT:-5000}"
CONNECTIONS="${CONNECTIONS:-32}"
NODE_COUNT="${NODE_COUNT:-$(( COUNT < 5000 ? COUNT : 5000 ))}" # the Node receiver is slow: a shorter run gives its rate
WARMUP="${WARMUP:-5000}" # deliveries sent (and not counted) before each measured run: the JIT reaches optimised code
SERVER_CPU="${SERVER_CPU:-0}"
LOAD_CPU="${LOAD_CPU:-1}"
TARGETS="${TARGETS:-node sqlite postgres}"
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
[ -d tests/load/node-receiver/node_modules ] || (cd tests/load/node-receiver && npm ci --ignore-scripts --no-audit --no-fund >/dev/null)
LOADGEN=(taskset -c "$LOAD_CPU" dotnet tests/load/PaymentEvents.LoadTest/bin/Release/net10.0/PaymentEvents.LoadTest.dll)
read -r SK PK < <(dotnet tests/load/PaymentEvents.LoadTest/bin/Release/net10.0/PaymentEvents.LoadTest.dll keygen)
CLK_TCK="$(getconf CLK_TCK)"

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
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

start_paymentevents() { # $1 = sqlite | postgres, then extra NAME=value settings
  local storage=(Storage__Provider=sqlite Storage__DataDir="$WORK/data-$RANDOM")
  if [ "$1" = postgres ]; then storage=(Storage__Provider=postgres ConnectionStrings__PaymentEvents="$PG_CONN"); fi
  env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$PORT" PaymentKit__AppPk="$PK" \
    Serilog__MinimumLevel__Default=Warning "${storage[@]}" "${@:2}" \
    taskset -c "$SERVER_CPU" dotnet src/PaymentEvents.Api/bin/Release/net10.0/PaymentEvents.Api.dll >"$WORK/server.log" 2>&1 &
  SERVER=$!; PIDS+=("$SERVER"); wait_up "$SERVER"
}

start_postgres() {
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
  PG_CONN="Host=127.0.0.1;Port=5434;Username=postgres;Database=postgres"
}

# One load run against the running server: prints "rps p50 p99 errors rss cpu_ms_per_req processed_per_s drain_s".
# processed_per_s: events the processor finished per second while the load ran (it keeps up when this is >= req/s);
# drain_s: how long the rest took after the load stopped. CPU per request counts the service until drained.
measure() { # $1 = rate (0 = closed loop), $2 = 1 when the server has a processor to wait for, $3 = deliveries
  local count="$3" before after out result baseline t0 t_end t1 during="" drain=""
  before="$(cpu_ticks "$SERVER")"
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
  after="$(cpu_ticks "$SERVER")"
  python3 - "$result" "$before" "$after" "$CLK_TCK" "$(peak_rss_mb "$SERVER")" "${during:--}" "${drain:--}" <<'PY'
import json, sys
r = json.loads(sys.argv[1]); ticks = int(sys.argv[3]) - int(sys.argv[2]); hz = int(sys.argv[4])
print(f"{r['rps']:.0f} {r['p50']:.2f} {r['p99']:.2f} {r['count'] - r['ok']} {sys.argv[5]} {ticks / hz * 1000 / r['count']:.3f} {sys.argv[6]} {sys.argv[7]}")
PY
}

ROWS=()
for target in $TARGETS; do
  case "$target" in
    node) start_node; has_processor=0 ;;
    sqlite) start_paymentevents sqlite; has_processor=1 ;;
    sqlite-receive) start_paymentevents sqlite Processing__Enabled=false; has_processor=0 ;;
    postgres) start_postgres; start_paymentevents postgres; has_processor=1 ;;
    *) echo "unknown target $target"; exit 2 ;;
  esac
  "${LOADGEN[@]}" run "http://127.0.0.1:$PORT" "$SK" "$WARMUP" "$CONNECTIONS" >/dev/null || true # warm-up (JIT, pools)
  if [ "$has_processor" = 1 ]; then for _ in $(seq 1 1200); do [ "$(processed)" -ge "$WARMUP" ] && break; sleep 0.05; done; fi
  n="$COUNT"; [ "$target" = node ] && n="$NODE_COUNT"
  read -r rps p50 p99 errors rss cpu during drain < <(measure 0 "$has_processor" "$n")
  ROWS+=("$target closed $rps $p50 $p99 $errors $rss $cpu $during $drain")
  rate=$(( rps / 2 ))
  read -r rps2 p502 p992 errors2 rss2 cpu2 during2 drain2 < <(measure "$rate" "$has_processor" "$n")
  ROWS+=("$target open@${rate}/s $rps2 $p502 $p992 $errors2 $rss2 $cpu2 $during2 $drain2")
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
done

echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(uname -sr); server on cpu $SERVER_CPU, load on cpu $LOAD_CPU"
echo "command: COUNT=$COUNT NODE_COUNT=$NODE_COUNT WARMUP=$WARMUP CONNECTIONS=$CONNECTIONS TARGETS=\"$TARGETS\" tests/load/bench.sh"
node_rps="$(printf '%s\n' "${ROWS[@]}" | awk '$1 == "node" && $2 == "closed" { print $3 }')"
printf '| %-14s | %-12s | %8s | %8s | %8s | %6s | %8s | %11s | %12s | %8s | %8s |\n' receiver mode "req/s" "p50 ms" "p99 ms" errors "RSS MB" "CPU ms/req" "processed/s" "drain s" "x Node"
printf '|%s|\n' "----------------|--------------|----------|----------|----------|--------|----------|-------------|--------------|----------|----------"
for row in "${ROWS[@]}"; do
  read -r t m r a b e s c d w <<<"$row"
  ratio="$(awk -v r="$r" -v n="${node_rps:-0}" 'BEGIN { if (n > 0) printf "%.1fx", r / n; else print "-" }')"
  printf '| %-14s | %-12s | %8s | %8s | %8s | %6s | %8s | %11s | %12s | %8s | %8s |\n' "$t" "$m" "$r" "$a" "$b" "$e" "$s" "$c" "$d" "$w" "$ratio"
done
