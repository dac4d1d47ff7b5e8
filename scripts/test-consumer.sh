#!/usr/bin/env bash
# Proves the built package works for a real consumer: pack dist/ngx-sse, install the tarball into a
# freshly generated Angular app, then build that app and run a spec that uses provideSseTesting().
# NG_MAJOR=22 checks Angular 22 instead of 21 (the peer range admits both).
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
  --interactive=false --style=css --ssr=false --zoneless --skip-install
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
npm install --no-audit --no-fund "$work/$tarball"
cp "$root/scripts/consumer/app.ts" src/app/app.ts
cp "$root/scripts/consumer/app.spec.ts" src/app/app.spec.ts
cp "$root/karma.base.cjs" karma.base.cjs
echo "module.exports = (config) => require('./karma.base.cjs')(config, 'consumer');" > karma.conf.cjs
rm -f src/app/app.html src/app/app.css

npx ng build
npx ng test --watch=false --runner-config=karma.conf.cjs
echo "test:consumer: ngx-sse from $tarball builds and tests in a fresh Angular $cli app (Node $(node --version))"
