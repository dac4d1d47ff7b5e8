#!/usr/bin/env bash
# The server-side half of `NG_SSR=1 npm run test:consumer`, run by test-consumer.sh inside the
# consumer app that `ng new --ssr` generated and `ng add ngx-sse` configured. It proves, failing
# otherwise, that with the packed library:
#   - `ng build` prerenders `/` and the built server.mjs renders `/ssr`, each within a time limit
#     (a stream that kept the app unstable would hang them), showing both APIs idle;
#   - the loopback SSE endpoint the page points at received no request while rendering;
#   - in Chromium the hydrated page adopts the server's DOM, connects once per stream, shows an
#     event on each and logs no error or warning (hydration mismatches are NG05xx).
# Usage: ssr-check.sh <workspace root> <scratch dir>
set -euo pipefail
root="$1"
work="$2"
pids=()
trap 'for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done' EXIT

fail() {
  echo "test:consumer: FAIL: $*" >&2
  exit 1
}

# Waits up to $2 seconds for command $1 to succeed.
wait_for() {
  for _ in $(seq "$(($2 * 5))"); do
    if eval "$1" >/dev/null 2>&1; then return 0; fi
    sleep 0.2
  done
  return 1
}

(cd "$root" && exec node --import tsx scripts/consumer/ssr-counter.ts) >"$work/counter.log" 2>&1 &
pids+=($!)
wait_for "grep -q listening '$work/counter.log'" 20 || fail "the counting endpoint did not start: $(cat "$work/counter.log")"
counter="http://127.0.0.1:$(sed -n 's/^ssr-counter: listening //p' "$work/counter.log")"
no_requests() {
  local seen
  seen="$(curl -sS --max-time 5 "$counter/count")"
  [ "$seen" = '{"events":0,"ticks":0,"preflight":0,"other":0}' ] || fail "$1 requested the SSE endpoint: $seen"
  echo "test:consumer: $1 sent no request to the SSE endpoint ($seen)"
}
# $1: file, $2: what rendered it, $3: the ng-server-context it must carry.
rendered_idle() {
  grep -q "ng-server-context=\"$3\"" "$1" || fail "$2: no ng-server-context=\"$3\" in $1"
  for line in 'stream idle: no greeting' 'resource idle: ticks 0'; do
    grep -qF "$line" "$1" || fail "$2: \"$line\" missing from $1: $(grep -o '<p role="status"[^<]*' "$1" || true)"
  done
  echo "test:consumer: $2 shows \"stream idle: no greeting\" and \"resource idle: ticks 0\""
}

echo "export const SSE_ORIGIN = '$counter';" >src/app/sse-origin.ts
cp "$root/scripts/consumer/ssr-page.ts" src/app/ssr-page.ts
cp "$root/scripts/consumer/ssr-routes.ts" src/app/app.routes.ts
cat >src/app/app.routes.server.ts <<'TS'
import { RenderMode, ServerRoute } from '@angular/ssr';

export const serverRoutes: ServerRoute[] = [
  { path: 'ssr', renderMode: RenderMode.Server },
  { path: '**', renderMode: RenderMode.Prerender },
];
TS
# The generated server listens on every interface; this check stays on loopback.
grep -q 'app.listen(port, ' src/server.ts || fail 'src/server.ts no longer has app.listen(port, ...)'
sed -i "s/app.listen(port, /app.listen(Number(port), '127.0.0.1', /" src/server.ts

# The binary itself, not npx, so that the time limit stops the build and not only its parent.
set +e
timeout --kill-after=10 300 ./node_modules/.bin/ng build 2>&1 | tee "$work/build.log"
status="${PIPESTATUS[0]}"
set -e
[ "$status" = 124 ] && fail 'ng build did not finish in 300 s: the prerender hung'
[ "$status" = 0 ] || fail "ng build exited with $status"
# A route that throws while prerendering is logged, left out of dist, and the build still passes.
if grep -q '^ERROR' "$work/build.log"; then
  fail "prerendering / failed: $(grep -A3 '^ERROR' "$work/build.log")"
fi
[ -f dist/consumer/browser/index.html ] || fail 'ng build prerendered no dist/consumer/browser/index.html'
rendered_idle dist/consumer/browser/index.html 'the prerendered / (ng build)' ssg
no_requests 'prerendering'

app_port=""
for port in $(seq 4940 4959); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    app_port="$port"
    break
  fi
done
[ -n "$app_port" ] || fail 'no free port in 4940-4959 for server.mjs'
app="http://127.0.0.1:$app_port"
# Angular's SSRF guard renders only for allowed hosts, falling back to client rendering otherwise.
NG_ALLOWED_HOSTS=127.0.0.1 PORT="$app_port" node dist/consumer/server/server.mjs >"$work/server.log" 2>&1 &
pids+=($!)
wait_for "curl -sf '$app/favicon.ico'" 30 || fail "server.mjs did not start: $(cat "$work/server.log")"
curl -sSf --max-time 30 "$app/ssr" -o "$work/ssr.html" || fail "server.mjs did not render /ssr within 30 s: $(cat "$work/server.log")"
rendered_idle "$work/ssr.html" 'server.mjs rendering /ssr' ssr
no_requests 'server rendering'

(cd "$root" && timeout 120 node --import tsx scripts/consumer/ssr-hydration.ts "$app/" "$counter") ||
  fail 'the hydrated page (above)'
