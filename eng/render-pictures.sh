#!/usr/bin/env bash
# Renders the network pictures and story pages of a few answers to PNG screenshots in headless Chromium, for people
# to look at (CI keeps them as artifacts; they are never compared pixel by pixel), and checks in the browser that no
# two labels or nodes overlap and that nothing is outside the viewBox, as the browser measures the text.
# Usage: eng/render-pictures.sh [OUT_DIR]   (default: artifacts/pictures). Needs chromium (Debian package `chromium`).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$(realpath -m "${1:-$root/artifacts/pictures}")"
chromium="${CHROMIUM:-/usr/bin/chromium}"
mkdir -p "$out"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT

dotnet build "$root/src/TechTies.Cli" -v q -nologo > "$out/build.log"
cli=(dotnet "$root/src/TechTies.Cli/bin/Debug/net10.0/TechTies.Cli.dll")

# name | command line
answers=(
  "connect-salesforce-ice|connect salesforce ice"
  "neighbors-palantir-2|neighbors palantir --hops 2"
  "query-hosts-on|query palantir -[hosts_on]-> ? <-[hosts_on]- ?"
  "totals-ice-by-parent|${TECHTIES_TOTALS_ARGS:-totals --agency ice --by parent --top 8}"
)

shot() { # file.html|svg  png  width
  "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$profile" --hide-scrollbars \
    --window-size="$3,${4:-2400}" --screenshot="$2" "file://$1" > /dev/null 2>&1
}

status=0
for answer in "${answers[@]}"; do
  name="${answer%%|*}"
  read -r -a args <<< "${answer#*|}"
  if [ "$name" = "query-hosts-on" ]; then args=(query 'palantir -[hosts_on]-> ? <-[hosts_on]- ?'); fi
  "${cli[@]}" "${args[@]}" --format svg --out "$out/$name.svg" --quiet
  "${cli[@]}" "${args[@]}" --format html --out "$out/$name.html" --quiet
  width=$(sed -n 's/.*viewBox="0 0 \([0-9.]*\) \([0-9.]*\)".*/\1/p' "$out/$name.svg" | head -1)
  height=$(sed -n 's/.*viewBox="0 0 \([0-9.]*\) \([0-9.]*\)".*/\2/p' "$out/$name.svg" | head -1)
  shot "$out/$name.svg" "$out/$name.svg.png" "${width%.*}" "$(( ${height%.*} + 1 ))"
  shot "$out/$name.html" "$out/$name.html.png" 1000 3000

  # The browser's own measurements: a test page (not the product's) that embeds the SVG and checks every box.
  { printf '<!DOCTYPE html><html><body style="margin:0">'; cat "$out/$name.svg"; cat "$root/eng/check-picture.html"; printf '</body></html>'; } > "$out/$name.check.html"
  "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$profile" --dump-dom "file://$out/$name.check.html" 2>/dev/null \
    | sed -n 's/.*<pre id="techties-check">\(.*\)<\/pre>.*/\1/p' > "$out/$name.check.txt"
  if [ "$(head -c 2 "$out/$name.check.txt")" != "ok" ]; then
    echo "$name: the browser finds overlaps or clipping:" >&2
    cat "$out/$name.check.txt" >&2
    status=1
  else
    echo "$name: $(cat "$out/$name.check.txt")"
  fi
done
exit $status
