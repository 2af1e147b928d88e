#!/usr/bin/env bash
# Lighthouse on the production build (shared design notes, stack-notes §8): build, serve dist/
# with `vite preview` on a free local port, run Lighthouse with Debian's Chromium three times as
# mobile (simulated throttling; its performance score spreads by a few points on two cores) and
# once as desktop, write JSON + HTML under reports/, then check the scores
# (scripts/lighthouse-check.mjs). Only localhost is contacted; Chromium's own background traffic
# is switched off.
set -euo pipefail
cd "$(dirname "$0")/.."

CHROME="${CHROME_PATH:-${CHROMIUM_PATH:-/usr/bin/chromium}}"
MOBILE_RUNS="${LIGHTHOUSE_MOBILE_RUNS:-3}"
FLAGS="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-quic"

npm run --silent build

PORT="$(node -e "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
./node_modules/.bin/vite preview --port "$PORT" --strictPort >/dev/null 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT

for _ in $(seq 1 60); do
  curl -sf "http://localhost:$PORT/" >/dev/null && break
  sleep 0.5
done
curl -sf "http://localhost:$PORT/" >/dev/null || { echo "vite preview did not start on port $PORT" >&2; exit 1; }

mkdir -p reports
rm -f reports/lighthouse-*.report.json reports/lighthouse-*.report.html

run() { # run <name> [extra lighthouse flags…]
  local name="$1"
  shift
  echo "lighthouse: $name"
  CHROME_PATH="$CHROME" npx -y lighthouse@12.8.2 "http://localhost:$PORT/" --quiet \
    --chrome-flags="$FLAGS" --output=json --output=html \
    --output-path="reports/lighthouse-$name" "$@"
}

for i in $(seq 1 "$MOBILE_RUNS"); do run "mobile-$i"; done
run desktop --preset=desktop

node scripts/lighthouse-check.mjs reports
