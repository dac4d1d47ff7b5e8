#!/usr/bin/env bash
# Proves the built package works for a real consumer: pack dist/ngx-sse, install the tarball into a
# freshly generated Angular 21 app, then build that app and run a spec that uses provideSseTesting().
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export NG_CLI_ANALYTICS=false CHROME_BIN="${CHROME_BIN:-/usr/bin/chromium}"

cd "$root"
npm run build:lib
tarball="$(cd dist/ngx-sse && npm pack --silent --pack-destination "$work")"

cd "$work"
npx -y @angular/cli@21.2.27 new consumer --test-runner=karma --skip-git --package-manager=npm \
  --interactive=false --style=css --ssr=false --zoneless --skip-install
cd consumer
# Same pins as the workspace: the registry here lacks some platform builds of newer versions.
npm pkg set overrides.rollup=4.65.0 overrides.msgpackr-extract=3.0.4
npm install --no-audit --no-fund "$work/$tarball"
cp "$root/scripts/consumer/app.ts" src/app/app.ts
cp "$root/scripts/consumer/app.spec.ts" src/app/app.spec.ts
cp "$root/karma.base.cjs" karma.base.cjs
echo "module.exports = (config) => require('./karma.base.cjs')(config, 'consumer');" > karma.conf.cjs
rm -f src/app/app.html src/app/app.css

npx ng build
npx ng test --watch=false --runner-config=karma.conf.cjs
echo "test:consumer: ngx-sse from $tarball builds and tests in a fresh Angular $(npx ng version 2>/dev/null | grep -m1 -o 'Angular: [0-9.]*' || echo 21) app"
