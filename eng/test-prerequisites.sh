#!/usr/bin/env bash
# What the tests need besides .NET, installed when missing. Run by the test project's build (so the README's
# `dotnet test TechTies.sln` alone prepares a fresh machine) and safe to run by hand.
#
# The tests prove the exports with their real readers: Graphviz, NetworkX, igraph and jsonschema (Debian's
# packages, called as /usr/bin/python3), ajv and Cytoscape.js (npm); pictures are rendered in Chromium and
# pandas is the benchmark peer for totals. As root on Debian, missing packages are installed with apt-get;
# otherwise the one command to run is printed and the build stops, so no test fails for a missing tool.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
debian_packages=(graphviz python3-networkx python3-igraph python3-jsonschema python3-yaml python3-pandas chromium fonts-liberation)
node_folder="$root/tests/consumers/node"

missing=()
if command -v dpkg-query > /dev/null; then
  installed=$(dpkg-query -W -f='${Package} ${Status}\n' "${debian_packages[@]}" 2> /dev/null | sed -n 's/ install ok installed$//p' || true)
  for package in "${debian_packages[@]}"; do
    grep -qxF "$package" <<< "$installed" || missing+=("$package")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get > /dev/null; then
    echo "test prerequisites: installing ${missing[*]} with apt-get (once; a few minutes)"
    apt-get update -qq > /dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" > /dev/null
  else
    echo "error: the tests need Debian packages that are not installed; run: sudo apt-get install -y ${missing[*]}"
    exit 1
  fi
elif ! command -v dpkg-query > /dev/null; then
  if ! command -v dot > /dev/null || ! /usr/bin/python3 -c 'import networkx, igraph, jsonschema, yaml, pandas' 2> /dev/null; then
    echo "error: the tests need Graphviz (dot) and /usr/bin/python3 with networkx, igraph, jsonschema, yaml and pandas; on Debian: sudo apt-get install -y ${debian_packages[*]}"
    exit 1
  fi
fi

# npm ci writes node_modules/.package-lock.json: when it is there and newer than the lock file, all is installed.
if [ ! "$node_folder/node_modules/.package-lock.json" -nt "$node_folder/package-lock.json" ]; then
  if ! command -v npm > /dev/null; then
    echo "error: the tests need Node.js 20 or later with npm (Debian: sudo apt-get install -y nodejs npm)"
    exit 1
  fi
  echo "test prerequisites: npm ci in tests/consumers/node"
  npm ci --prefix "$node_folder" --no-audit --no-fund > /dev/null
fi
