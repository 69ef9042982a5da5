#!/usr/bin/env bash
# Regenerates the picture at the top of README.md from the built-in graph: how Salesforce is connected to ICE.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dotnet run --project "$root/src/TechTies.Cli" -v q -- connect salesforce ice --format svg --out "$root/docs/images/salesforce-ice.svg"
