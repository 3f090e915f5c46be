#!/usr/bin/env bash
# The adoption path as a new user takes it, from the packages: pack every package into a temporary folder, install the
# template from it (into a private template hive: the machine's `dotnet new` list is untouched), make a project with it
# (default and --storage postgres), build that with -warnaserror and run its tests.
# Restores from that folder plus the feeds this machine already uses; packages this machine already has (in
# ~/.nuget/packages) are read from there, so it runs offline. A private global packages folder keeps the freshly packed
# PaymentEvents packages out of ~/.nuget/packages (the same version with other content would shadow the next run's).
#   tests/template/run.sh              packs (and so builds) the solution first
#   tests/template/run.sh --no-build   packs what `dotnet build PaymentEvents.sln -c Release` already built (test.sh)
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)

no_build=()
if [ "${1:-}" = "--no-build" ]; then no_build=(--no-build); fi

work=$(mktemp -d "${TMPDIR:-/tmp}/paymentevents-template-XXXXXX")
trap 'rm -rf "$work"' EXIT
started=$SECONDS
step() { echo "template: $(( SECONDS - started )) s  $*"; }

# The template's third-party versions are the repository's (so they restore from the same cache, and move together).
template_props=src/PaymentEvents.Templates/content/paymentevents/Directory.Packages.props
while read -r id version; do
  if ! grep -q "Include=\"$id\" Version=\"$version\"" Directory.Packages.props; then
    echo "template: $template_props has $id $version; Directory.Packages.props has $(grep -o "Include=\"$id\" Version=\"[^\"]*\"" Directory.Packages.props || echo none)" >&2
    exit 1
  fi
done < <(sed -n 's/.*PackageVersion Include="\([^"]*\)" Version="\([0-9][^"]*\)".*/\1 \2/p' "$template_props")

step "pack every package into $work/packages"
dotnet pack PaymentEvents.sln -c Release "${no_build[@]}" -o "$work/packages" --nologo -v q -clp:NoSummary
expected="PaymentEvents PaymentEvents.Cli PaymentEvents.Core PaymentEvents.PostgreSql PaymentEvents.Sqlite PaymentEvents.Templates PaymentEvents.Testing"
packed=$(cd "$work/packages" && ls *.nupkg | sed -E 's/\.[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.]+)?\.nupkg$//' | sort | tr '\n' ' ' | sed 's/ $//')
if [ "$packed" != "$expected" ]; then
  echo "template: packed [$packed], expected [$expected]" >&2
  exit 1
fi

cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config>
    <add key="globalPackagesFolder" value="$work/global-packages" />
  </config>
  <packageSources>
    <add key="paymentevents-local" value="$work/packages" />
  </packageSources>
  <fallbackPackageFolders>
    <add key="machine" value="${NUGET_PACKAGES:-$HOME/.nuget/packages}" />
  </fallbackPackageFolders>
</configuration>
XML

hive="$work/template-hive"
step "dotnet new install PaymentEvents.Templates"
dotnet new install "$(ls "$work"/packages/PaymentEvents.Templates.*.nupkg)" --debug:custom-hive "$hive" >/dev/null

for storage in sqlite postgres; do
  out="$work/$storage/Acme.Payments"
  mkdir -p "$work/$storage"
  # Inside $work, so the nuget.config above applies (and no Directory.Build.props of this repository does).
  step "dotnet new paymentevents -n Acme.Payments --storage $storage"
  dotnet new paymentevents -n Acme.Payments -o "$out" --storage "$storage" --debug:custom-hive "$hive" >/dev/null
  if grep -rn "PAYMENTEVENTS_VERSION\|__PAYMENTEVENTS_PACKAGE_VERSION__\|#if" "$out" --include='*.props' --include='*.csproj' --include='*.json' --include='*.cs'; then
    echo "template: placeholders left in the generated project" >&2
    exit 1
  fi
  (
    cd "$out"
    step "build -warnaserror ($storage)"
    dotnet build -c Release -warnaserror --nologo -v q -clp:NoSummary
    step "test ($storage)"
    dotnet test -c Release --no-build --nologo -v q
  )
done
step "done"
