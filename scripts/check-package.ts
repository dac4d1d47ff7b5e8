// Checks the packed ngx-sse tarball as the ecosystem sees it: publint (package.json against the files),
// "Are the types wrong?" (types resolve for every entry point), and the files a consumer must get.
// Expects a fresh `ng build ngx-sse` in dist/ngx-sse (`npm run check:package` builds it first).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

interface PackResult {
  filename: string;
  files: { path: string }[];
}

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist/ngx-sse');
const bin = (name: string) => join(root, 'node_modules/.bin', name);

const required = [
  'README.md',
  'LICENSE',
  'CHANGELOG.md',
  'package.json',
  'types/ngx-sse.d.ts',
  'types/ngx-sse-testing.d.ts',
  'schematics/collection.json',
  'schematics/ng-add/index.cjs',
  'schematics/ng-add/schema.json',
];
const forbidden = /(\.spec\.|\.test\.|spec-helper|karma|tsconfig)/;
const requiredFields = [
  'version',
  'license',
  'repository',
  'homepage',
  'bugs',
  'schematics',
  'ng-add',
];

function run(command: string, args: string[], cwd = root): void {
  console.log(`\n$ ${[command.replace(`${root}/`, ''), ...args].join(' ')}`);
  execFileSync(command, args, { cwd, stdio: 'inherit' });
}

function main(): string[] {
  if (!existsSync(join(dist, 'package.json'))) {
    return [`${dist} is missing: run \`npm run build:lib\` first`];
  }
  const out = mkdtempSync(join(tmpdir(), 'ngx-sse-pack-'));
  try {
    const json = execFileSync('npm', ['pack', '--json', '--pack-destination', out], { cwd: dist });
    const [pack] = JSON.parse(json.toString()) as PackResult[];
    const tarball = join(out, pack.filename);
    const files = pack.files.map((file) => file.path).sort();
    console.log(`check:package: ${pack.filename}, ${files.length} files:\n  ${files.join('\n  ')}`);

    // Angular packages are ESM only (APF), so the CommonJS-only resolutions (node10, node16 from
    // CJS) do not apply: the esm-only profile checks node16 from ESM and bundler.
    run(bin('publint'), ['run', tarball, '--strict']);
    run(bin('attw'), [tarball, '--profile', 'esm-only']);

    const manifest = JSON.parse(
      execFileSync('tar', ['-xzOf', tarball, 'package/package.json']).toString(),
    ) as Record<string, unknown>;
    return [
      ...required.filter((path) => !files.includes(path)).map((path) => `missing: ${path}`),
      ...files.filter((path) => forbidden.test(path)).map((path) => `must not ship: ${path}`),
      ...requiredFields.filter((field) => !manifest[field]).map((f) => `package.json lacks "${f}"`),
    ];
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const problems = main();
if (problems.length > 0) {
  console.error(`\ncheck:package: FAIL\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('\ncheck:package: OK (publint, attw esm-only, contents, package.json fields)');
