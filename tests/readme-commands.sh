#!/usr/bin/env bash
# Runs every command of README.md's ```sh blocks as printed, in order. Lines that start the service
# (`dotnet run --project src/PaymentEvents.Api`, `dotnet out/PaymentEvents.Api.dll`) run in the background until
# /readyz answers and are stopped at the end; `0x...` placeholders become a key pair made by `keygen`, and the
# services run with an admin key that `export PAYMENTEVENTS_API_KEY=...` hands to the CLI.
# The few lines that need what CI does not have are named below with the test that covers them instead.
set -euo pipefail
cd "$(dirname "$0")/.."

skip() {
  case "$1" in
    "./test.sh") echo "this script is its last step" ;;
    docker\ *|*" docker compose "*) echo "no Docker engine in CI; BehindNginxTests runs the Dockerfile's build stage and the compose topology" ;;
    *"paymentevents endpoints ensure"*) echo "needs a real Payment Kit; EndpointsCommandTests runs it against a simulated one" ;;
    "dotnet pack PaymentEvents.sln"*|"dotnet new "*|"cd Acme.Payments"*) echo "tests/template/run.sh does this in a temporary folder with a private template hive" ;;
    *) return 1 ;;
  esac
}

pids=()
# Servers run in their own process group (setsid), so stopping one stops `dotnet run` and the app it started.
cleanup() { for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

wait_ready() { # url
  for _ in $(seq 1 180); do
    if curl -fsS "$1" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  echo "readme-commands: $1 never answered" >&2
  return 1
}

# A key for the placeholders (the same command the README shows).
keys=$(dotnet run --project src/PaymentEvents.Cli -- keygen)
app_pk=$(sed -n 's/^PaymentKit__AppPk=//p' <<<"$keys")
app_sk=$(sed -n 's/^PaymentKit__AppSk=//p' <<<"$keys")
# Every service this script starts has the admin API on, so the README's `events` commands have something to ask.
admin_key="readme-commands-$RANDOM$RANDOM$RANDOM"
export Admin__ApiKey=$admin_key

# The sh blocks, continuation lines joined, comments and blank lines dropped.
mapfile -t commands < <(awk '
  /^```sh$/ { inside = 1; next }
  /^```/    { inside = 0; next }
  inside {
    line = $0; sub(/[ \t]+#.*$/, "", line); if (line ~ /^[ \t]*#/ || line ~ /^[ \t]*$/) next
    if (sub(/\\$/, "", line)) { pending = pending line; next }
    print pending line; pending = ""
  }' README.md)

ran=0
for command in "${commands[@]}"; do
  if reason=$(skip "$command"); then
    echo "readme-commands: skip  $command  ($reason)"
    continue
  fi
  command=${command//PaymentKit__AppPk=0x.../PaymentKit__AppPk=$app_pk}
  command=${command//PaymentKit__AppSk=0x.../PaymentKit__AppSk=$app_sk}
  echo "readme-commands: run   $command"
  case "$command" in
    "dotnet run --project src/PaymentEvents.Api"*)
      setsid bash -c "$command" & pids+=($!)
      wait_ready http://127.0.0.1:5080/readyz ;;
    *"dotnet out/PaymentEvents.Api.dll"*)
      setsid bash -c "$command" & pids+=($!)
      wait_ready http://localhost:5000/readyz ;;
    "export PAYMENTEVENTS_API_KEY=..."*)
      export PAYMENTEVENTS_API_KEY=$admin_key ;;
    *" events tail"*)
      # Follows until stopped: still following after 30 s (timeout's 124) is success; an error exits sooner.
      status=0
      timeout 30 bash -c "$command" || status=$?
      [ "$status" -eq 124 ] ;;
    *)
      bash -c "$command" ;;
  esac
  ran=$((ran + 1))
done

echo "readme-commands: $ran README commands ran"
[ "$ran" -ge 8 ]
