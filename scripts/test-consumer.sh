#!/usr/bin/env bash
# Proves the built package works for a real consumer: pack dist/ngx-sse, `ng add` the tarball to a
# freshly generated Angular app (showing what it changed in app.config.ts), check that a second
# `ng add` changes nothing, then build that app and run a spec that uses provideSseTesting().
# NG_MAJOR=22 checks Angular 22 instead of 21 (the peer range admits both).
# NG_SSR=1 (Angular 21 only) generates the app with --ssr instead, on 21.2.24 (the newest line with
# @angular/ssr here), and after the same `ng add` checks runs scripts/consumer/ssr-check.sh: the
# prerender and server.mjs render a page with a stream and an sseResource idle, within a time limit,
# without a request to the SSE endpoint, and the hydrated page connects once per stream in Chromium.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export NG_CLI_ANALYTICS=false CHROME_BIN="${CHROME_BIN:-/usr/bin/chromium}"

cd "$root"
npm run build:lib
tarball="$(cd dist/ngx-sse && npm pack --silent --pack-destination "$work")"

cli=21.2.27
pin=""
ssr=false
if [ "${NG_SSR:-}" = 1 ]; then
  if [ "${NG_MAJOR:-21}" != 21 ]; then
    echo "test:consumer: FAIL: NG_SSR=1 checks Angular 21 only" >&2
    exit 1
  fi
  # @angular/ssr and @angular/platform-server stop at 21.2.24 here; the whole framework follows.
  cli=21.2.24
  pin=21.2.24
  ssr=true
fi
if [ "${NG_MAJOR:-21}" = 22 ]; then
  # Angular 22 needs Node >= 22.22; the npm `node` package provides it for this run only.
  npm install --prefix "$work/node22" --silent --no-audit --no-fund node@22
  export PATH="$work/node22/node_modules/.bin:$PATH"
  cli=22.2.6
  # npm cannot resolve Angular 22's mixed patch versions by itself; one patch line works.
  pin="~22.2.6"
fi

cd "$work"
npx -y "@angular/cli@$cli" new consumer --test-runner=karma --skip-git --package-manager=npm \
  --interactive=false --style=css --ssr=$ssr --zoneless --skip-install
cd consumer
# Same pins as the workspace: the registry here lacks some platform builds of newer versions.
npm pkg set overrides.rollup=4.65.0 overrides.msgpackr-extract=3.0.4
if [ -n "$pin" ]; then
  node -e '
    const fs = require("fs");
    const pkg = JSON.parse(fs.readFileSync("package.json", "utf8"));
    for (const deps of [pkg.dependencies, pkg.devDependencies])
      for (const name of Object.keys(deps)) if (name.startsWith("@angular/")) deps[name] = process.argv[1];
    fs.writeFileSync("package.json", JSON.stringify(pkg, null, 2));
  ' "$pin"
fi
npm install --no-audit --no-fund
config=src/app/app.config.ts
cp "$config" "$work/app.config.before.ts"
npx ng add "$work/$tarball" --skip-confirmation --transport fetch
echo "test:consumer: ng add changed $config:"
if diff -u "$work/app.config.before.ts" "$config"; then
  echo "test:consumer: FAIL: ng add did not change $config" >&2
  exit 1
fi
node -e 'if (!require("./package.json").dependencies["ngx-sse"]) { console.error("test:consumer: FAIL: ngx-sse not in dependencies"); process.exit(1); }'
cp "$config" "$work/app.config.once.ts"
npx ng add ngx-sse --skip-confirmation
if ! diff -u "$work/app.config.once.ts" "$config"; then
  echo "test:consumer: FAIL: a second ng add changed $config" >&2
  exit 1
fi
echo "test:consumer: a second ng add changed nothing"
if [ "$ssr" = true ]; then
  bash "$root/scripts/consumer/ssr-check.sh" "$root" "$work"
  echo "test:consumer: ngx-sse from $tarball: prerender, server render and hydration pass in a fresh Angular $cli SSR app (Node $(node --version))"
  exit 0
fi
cp "$root/scripts/consumer/app.ts" src/app/app.ts
cp "$root/scripts/consumer/app.spec.ts" src/app/app.spec.ts
cp "$root/karma.base.cjs" karma.base.cjs
echo "module.exports = (config) => require('./karma.base.cjs')(config, 'consumer');" > karma.conf.cjs
rm -f src/app/app.html src/app/app.css

npx ng build
npx ng test --watch=false --runner-config=karma.conf.cjs
echo "test:consumer: ngx-sse from $tarball: ng add, build and spec pass in a fresh Angular $cli app (Node $(node --version))"
