// Compares the public API of both entry points of the built package with the reports committed
// under projects/ngx-sse/api/, so every public change shows in review.
//
//   node scripts/api-report.mjs           fails, printing the diff, when a report is out of date
//   node scripts/api-report.mjs --update  rewrites the reports
//
// It reads what consumers get: the `.d.ts` ng-packagr rolls up into dist/ngx-sse/types/ (build the
// library first; `npm run api:check` and `npm run api:update` do). API Extractor is used rather
// than a golden `.d.ts` because its report also flags types the API uses but does not export.
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const update = process.argv.includes('--update');
const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist/ngx-sse');
const reports = path.join(root, 'projects/ngx-sse/api');
// Inside the workspace, so the copy below resolves @angular/core and rxjs from its node_modules.
mkdirSync(path.join(root, 'out-tsc'), { recursive: true });
const temp = mkdtempSync(path.join(root, 'out-tsc/api-report-'));
const entryPoints = [
  { report: 'ngx-sse', types: 'types/ngx-sse.d.ts' },
  { report: 'ngx-sse-testing', types: 'types/ngx-sse-testing.d.ts' },
];

if (!existsSync(path.join(dist, 'package.json'))) {
  console.error('api-report: dist/ngx-sse is missing; run `npx ng build ngx-sse` first.');
  process.exit(1);
}

// The testing entry imports `ngx-sse`. Resolved to a copy under a node_modules folder, it is an
// external package (as for consumers), so the report shows `import { SseRequest } from 'ngx-sse'`
// instead of asking the testing entry to re-export it.
const installed = path.join(temp, 'node_modules/ngx-sse');
cpSync(dist, installed, { recursive: true });
const compiler = {
  overrideTsconfig: {
    compilerOptions: {
      target: 'ES2022',
      module: 'preserve',
      moduleResolution: 'bundler',
      lib: ['ES2022', 'DOM'],
      strict: true,
      types: [],
      paths: { 'ngx-sse': [path.join(installed, 'types/ngx-sse.d.ts')] },
    },
    files: entryPoints.map(({ types }) => path.join(dist, types)),
  },
};

function check({ report, types }) {
  const base = ExtractorConfig.loadFile(path.join(reports, 'api-extractor.json'));
  const config = ExtractorConfig.prepare({
    configObjectFullPath: path.join(reports, 'api-extractor.json'),
    packageJsonFullPath: path.join(dist, 'package.json'),
    configObject: {
      ...base,
      compiler,
      mainEntryPointFilePath: path.join(dist, types),
      apiReport: { ...base.apiReport, reportFileName: report, reportTempFolder: temp },
    },
  });
  const result = Extractor.invoke(config, { localBuild: update, showVerboseMessages: false });
  if (result.apiReportChanged && !update) {
    const committed = path.join(reports, `${report}.api.md`);
    const fresh = path.join(temp, `${report}.api.md`);
    console.error(`\napi-report: the public API of ${report} differs from ${committed}:`);
    const diff = spawnSync('git', ['diff', '--no-index', '--color=never', committed, fresh], {
      encoding: 'utf8',
    });
    console.error(diff.stdout || readFileSync(fresh, 'utf8'));
    console.error('If the change is intended, run `npm run api:update` and commit the report.');
  }
  // Warnings about the API itself (forgotten exports) are written into the report, so they show
  // in its diff; the others (doc links) are printed above and do not fail the check.
  return result.errorCount === 0 && (update || !result.apiReportChanged);
}

const ok = entryPoints.map(check).every(Boolean);
rmSync(temp, { recursive: true, force: true });
console.log(ok ? 'api-report: up to date' : 'api-report: FAILED');
process.exit(ok ? 0 : 1);
