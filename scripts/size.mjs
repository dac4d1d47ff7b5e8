// Prints what ngx-sse adds, gzipped, to a minimal app that uses the native transport (the goal's
// figure), and the same for an app on the fetch transport and one with cross-tab sharing.
//
// Each app is bundled with and without an SseClient subscription, as an app build would:
// Angular's partial declarations linked, dev-mode code dropped, minified, tree-shaken.
// - The library's own code: the app bundled with Angular and RxJS external, minus the `import`
//   statements for them (in an app bundle those are plain references).
// - The whole difference the library makes to the app, including the RxJS operators it pulls in
//   that a bare app does not use, printed for reference.
import { transformAsync } from '@babel/core';
import { createEs2015LinkerPlugin } from '@angular/compiler-cli/linker/babel';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { build } from 'esbuild';
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';

// The CLI's "advanced optimizations" (pure annotations, static-member wrapping) are not exported
// publicly; load them by path. They are what lets an app build drop the unused fetch transport.
const { adjustStaticMembers, elideAngularMetadata, markTopLevelPure } = createRequire(
  import.meta.url,
)(path.resolve('node_modules/@angular/build/src/tools/babel/plugins/index.js'));

const GOAL = 3.5 * 1024;
// `--out <dir>`: also write each consumer's own-code bundle there, to inspect what weighs.
const outAt = process.argv.indexOf('--out');
const OUT = outAt > 0 ? process.argv[outAt + 1] : null;
if (OUT) await mkdir(OUT, { recursive: true });
// `--by-file`: attribute each consumer's minified bytes to the library's source files (esbuild
// writes ASCII, so characters are bytes; the import lines stripped afterwards show as the entry's).
const BY_FILE = process.argv.includes('--by-file');
const LIBRARY = './dist/ngx-sse/fesm2022/ngx-sse.mjs';

const linkerPlugin = createEs2015LinkerPlugin({
  linkerJitMode: false,
  sourceMapping: false,
  logger: { level: 2, debug() {}, info() {}, warn: console.warn, error: console.error },
  fileSystem: {
    resolve: path.resolve,
    exists: existsSync,
    dirname: path.dirname,
    relative: path.relative,
    readFile: readFileSync,
  },
});

/** Links partially compiled Angular packages and optimizes side-effect-free ones, as the CLI does. */
const linker = {
  name: 'angular-linker',
  setup(build) {
    build.onLoad({ filter: /\.m?js$/ }, async ({ path: file }) => {
      const source = await readFile(file, 'utf8');
      const link =
        !/[\\/]@angular[\\/](core|compiler)[\\/]/.test(file) && source.includes('ɵɵngDeclare');
      const optimize = file.includes(`${path.sep}dist${path.sep}ngx-sse${path.sep}`);
      if (!link && !optimize) return undefined;
      const plugins = link ? [linkerPlugin] : [];
      if (optimize) {
        plugins.push([markTopLevelPure, { topLevelSafeMode: true }], elideAngularMetadata, [
          adjustStaticMembers,
          { wrapDecorators: true },
        ]);
      }
      const inputSourceMap = BY_FILE && optimize && JSON.parse(readFileSync(`${file}.map`, 'utf8'));
      const { code, map } = await transformAsync(source, {
        filename: file,
        plugins,
        sourceMaps: !!inputSourceMap,
        inputSourceMap,
      });
      return { contents: map ? code + inlineMap(map) : code, loader: 'js' };
    });
  },
};

const inlineMap = (map) =>
  `\n//# sourceMappingURL=data:application/json;base64,${Buffer.from(JSON.stringify(map)).toString('base64')}`;

async function bundle(entry, external = [], stripImports = false) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    platform: 'browser',
    target: 'es2022',
    alias: { 'ngx-sse': LIBRARY },
    external,
    define: { ngDevMode: 'false', ngJitMode: 'false', ngI18nClosureMode: 'false' },
    plugins: [linker],
    ...(BY_FILE && stripImports ? { sourcemap: 'external', outfile: 'size.js' } : {}),
  });
  const isMap = (file) => file.path.endsWith('.map');
  const sourceMap = result.outputFiles.find(isMap);
  let { text } = result.outputFiles.find((file) => !isMap(file));
  if (sourceMap) bytesBySource(entry, text, sourceMap.text);
  if (stripImports) text = text.replace(/^(import[^;]*;)+/, '');
  if (OUT && stripImports) await writeFile(`${OUT}/${path.basename(entry, '.ts')}.js`, text);
  return { min: text.length, gzip: gzipSync(text, { level: 9 }).length, text };
}

/** Prints, per library source file, how many minified bytes of the bundle `text` it produced. */
function bytesBySource(entry, text, sourceMap) {
  const map = new TraceMap(sourceMap);
  const bytes = new Map();
  text.split('\n').forEach((line, index) => {
    for (let column = 0; column < line.length; column++) {
      const { source } = originalPositionFor(map, { line: index + 1, column });
      const file = source?.replace(/^.*projects\/ngx-sse\/src\//, '') ?? '(no source)';
      bytes.set(file, (bytes.get(file) ?? 0) + 1);
    }
  });
  const rows = [...bytes].sort((a, b) => b[1] - a[1]);
  console.log(`\n${path.basename(entry)}: minified bytes by source file`);
  console.log(rows.map(([file, count]) => `${String(count).padStart(7)} B  ${file}`).join('\n'));
}

const kb = (bytes) => `${bytes} B (${(bytes / 1024).toFixed(2)} KB)`;

const external = ['@angular/*', 'rxjs', 'rxjs/*'];

/** What ngx-sse costs the app `entry`: its own code, and the whole difference to the bare app. */
async function measure(entry, baseline) {
  const own = await bundle(entry, external, true);
  const app = await bundle(entry);
  return { own, added: app.gzip - baseline.gzip, app };
}

execSync('npx ng build ngx-sse', { stdio: 'inherit' });
const baseline = await bundle('scripts/size/baseline.ts');
const native = await measure('scripts/size/with-sse.ts', baseline);
const fetch = await measure('scripts/size/with-fetch.ts', baseline);
const crossTab = await measure('scripts/size/with-cross-tab.ts', baseline);
// The lock mode only the sharing code names: its absence shows the feature was tree-shaken.
const shared = (result) => result.own.text.includes('exclusive');

console.log(`
ngx-sse code, native transport: ${kb(native.own.gzip)} gzip, ${kb(native.own.min)} minified
goal <= 3.5 KB gzip: ${native.own.gzip <= GOAL ? 'met' : 'NOT met'} (ratio to goal ${(native.own.gzip / GOAL).toFixed(2)})
ngx-sse code, fetch transport: ${kb(fetch.own.gzip)} gzip, ${kb(fetch.own.min)} minified (ratio to the native figure ${(fetch.own.gzip / native.own.gzip).toFixed(2)})
ngx-sse code, native + withCrossTabSharing(): ${kb(crossTab.own.gzip)} gzip, ${kb(crossTab.own.min)} minified (ratio to the native figure ${(crossTab.own.gzip / native.own.gzip).toFixed(2)})
cross-tab code in the bundles without the feature: ${shared(native) || shared(fetch) ? 'PRESENT' : 'none'}; with it: ${shared(crossTab) ? 'present' : 'MISSING'}
for reference, a minimal app: ${kb(baseline.gzip)} gzip without ngx-sse, ${kb(native.app.gzip)} with it
  (${kb(fetch.app.gzip)} on fetch); the differences, ${kb(native.added)} native and ${kb(fetch.added)}
  fetch, include the RxJS operators ngx-sse uses that the bare app does not`);
