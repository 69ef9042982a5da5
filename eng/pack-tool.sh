#!/usr/bin/env bash
# Packs the techties tool into a feed folder: the pointer package that `dotnet tool install TechTies.Cli` reads, the
# framework-dependent fallback ("any", for every platform without a native package), and the native AOT package of
# this machine's platform when the tool ships one for it. Native AOT compiles only for the platform it runs on, so
# a release runs this script on each of the tool's platforms (ToolPackageRuntimeIdentifiers in the project) into
# one feed.
#   eng/pack-tool.sh FEED
set -euo pipefail
feed=${1:?usage: eng/pack-tool.sh FEED}
cd "$(dirname "$0")/.."
project=src/TechTies.Cli
dotnet pack "$project" -c Release -o "$feed"
dotnet pack "$project" -c Release -r any -p:PublishAot=false -o "$feed"
rid=$(dotnet --info | sed -n 's/^ *RID: *//p' | head -n 1)
rids=$(dotnet msbuild "$project" -getProperty:ToolPackageRuntimeIdentifiers)
if [[ ";$rids;" == *";$rid;"* ]]; then
  dotnet pack "$project" -c Release -r "$rid" -o "$feed"
else
  echo "pack-tool: no native package for $rid (the tool ships native packages for $rids); the fallback serves it"
fi
