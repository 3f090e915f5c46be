#!/usr/bin/env bash
# The whole test suite on a fresh clone, in one command: installs what is missing, then builds and tests.
#   ./test.sh                     everything
#   ./test.sh --filter Receiver   arguments go to dotnet test (the README commands then are not run)
set -euo pipefail
cd "$(dirname "$0")"

# System packages: PostgreSQL server binaries (the fixture starts its own server), nginx (the proxy tests),
# chromium (the Swagger UI through the proxy), Node for the interop tools.
missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/sbin/nginx ] || missing+=(nginx-light)
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || missing+=(chromium)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
command -v curl >/dev/null 2>&1 || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "test.sh: missing ${missing[*]}; run as root, or: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
  echo "test.sh: installing ${missing[*]}"
  apt-get update
  # Debian would start the packaged nginx (on every address) and PostgreSQL; the tests run their own on free
  # loopback ports, so the services are kept from starting (policy-rc.d, Debian's switch for that).
  policy_set=
  if [ ! -e /usr/sbin/policy-rc.d ]; then printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; policy_set=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
  if [ -n "$policy_set" ]; then rm -f /usr/sbin/policy-rc.d; fi
fi

# Node tool folders (the real @blocklet/sdk and friends), pinned by their lock files. No install scripts:
# one wants to download a binary, and nothing the tests use is built by scripts (docs/protocol.md §5).
while IFS= read -r lock; do
  dir=$(dirname "$lock")
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$lock" -nt "$dir/node_modules/.package-lock.json" ]; then
    (cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund)
  fi
done < <(find tests -name package-lock.json -not -path '*/node_modules/*' | sort)

# The committed vectors must be exactly what the real SDK makes (the generator is deterministic).
(cd tests/interop && node make-vectors.js --check)
# blocklet.yml must be a valid docker component for the real @blocklet/meta parser.
node tests/eventbus/check-blocklet-yml.js

# Warnings are errors for the repository's own code, the host included (which accepts them in user handlers).
dotnet build PaymentEvents.sln -c Release -warnaserror
# A test that runs 5 minutes is hung: vstest stops it and names it (no dump), instead of CI waiting out its own limit.
dotnet test PaymentEvents.sln --no-build -c Release --blame-hang-timeout 5m --blame-hang-dump-type none "$@"

# Every command of the README's sh blocks, run as printed (not when only some tests were asked for).
if [ $# -eq 0 ]; then
  tests/readme-commands.sh
  # The packages as a new user gets them: pack, install the template, build and test what it makes.
  tests/template/run.sh --no-build
fi
