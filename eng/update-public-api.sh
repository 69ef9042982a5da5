#!/usr/bin/env bash
# Adds every public symbol of src/TechTies that is not yet declared to PublicAPI.Unshipped.txt: hand-written API
# through the analyzer's own code fix (dotnet format), and the JSON source generator's members, which differ per
# target framework, from the build's RS0016 diagnostics into PublicAPI/<tfm>/PublicAPI.Unshipped.txt.
# Review the diff: every line is a public API promise.
set -euo pipefail
cd "$(dirname "$0")/../src/TechTies"
dotnet format analyzers TechTies.csproj --diagnostics RS0016 --severity warn -v q || true
for tfm in net8.0 net10.0; do
  dotnet build -f "$tfm" 2>&1 \
    | grep -oE "error RS0016: Symbol '[^']*'" \
    | sed "s/error RS0016: Symbol '//; s/'\$//" \
    | sort -u >> "PublicAPI/$tfm/PublicAPI.Unshipped.txt" || true
done
# Symbols both frameworks declare the same way are ordinary API: keep them in the common file.
common=$(comm -12 <(tail -n +2 PublicAPI/net8.0/PublicAPI.Unshipped.txt | sort) <(tail -n +2 PublicAPI/net10.0/PublicAPI.Unshipped.txt | sort))
if [ -n "$common" ]; then
  for tfm in net8.0 net10.0; do
    grep -vxF "$common" "PublicAPI/$tfm/PublicAPI.Unshipped.txt" > "PublicAPI/$tfm/PublicAPI.Unshipped.txt.new" || true
    mv "PublicAPI/$tfm/PublicAPI.Unshipped.txt.new" "PublicAPI/$tfm/PublicAPI.Unshipped.txt"
  done
  echo "$common" >> PublicAPI.Unshipped.txt
fi
dotnet build
