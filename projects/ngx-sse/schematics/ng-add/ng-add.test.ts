import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { SchematicTestRunner, UnitTestTree } from '@angular-devkit/schematics/testing';

import { callsProvideSse } from './index.cjs';

// The built collection, as `ng add` loads it from the package (`npm run build:lib` writes it).
const collection = join(__dirname, '../../../../dist/ngx-sse/schematics/collection.json');
const runner = new SchematicTestRunner('ngx-sse', collection);
const appConfig = '/projects/demo/src/app/app.config.ts';

async function app(standalone = true): Promise<UnitTestTree> {
  const workspace = await runner.runExternalSchematic('@schematics/angular', 'workspace', {
    name: 'workspace',
    newProjectRoot: 'projects',
    version: '21.2.0',
  });
  return runner.runExternalSchematic(
    '@schematics/angular',
    'application',
    { name: 'demo', standalone, zoneless: true, skipTests: true },
    workspace,
  );
}

function logLines(): string[] {
  const lines: string[] = [];
  runner.logger.subscribe((entry) => lines.push(entry.message));
  return lines;
}

describe('ng add ngx-sse', () => {
  it('adds provideSse() and its import to app.config.ts, and says so in one line', async () => {
    const lines = logLines();
    const tree = await runner.runSchematic('ng-add', { project: 'demo' }, await app());
    const source = tree.readText(appConfig);
    assert.match(source, /import \{ provideSse \} from 'ngx-sse';/);
    assert.match(source, /providers: \[[\s\S]*provideSse\(\)[\s\S]*\]/);
    assert.deepEqual(
      lines.filter((line) => line.startsWith('ngx-sse:')),
      ['ngx-sse: added provideSse() to the providers in projects/demo/src/app/app.config.ts.'],
    );
  });

  it('adds the fetch transport with --transport fetch', async () => {
    const options = { project: 'demo', transport: 'fetch' };
    const tree = await runner.runSchematic('ng-add', options, await app());
    const source = tree.readText(appConfig);
    assert.match(source, /import \{ provideSse, withFetchTransport \} from 'ngx-sse';/);
    assert.match(source, /provideSse\(withFetchTransport\(\)\)/);
  });

  it('changes nothing when run a second time', async () => {
    const once = await runner.runSchematic('ng-add', { project: 'demo' }, await app());
    const before = once.readText(appConfig);
    const lines = logLines();
    const twice = await runner.runSchematic(
      'ng-add',
      { project: 'demo', transport: 'fetch' },
      once,
    );
    assert.equal(twice.readText(appConfig), before);
    assert.ok(lines.some((line) => line.includes('already calls provideSse(); nothing changed')));
    // The flag could not be applied to the existing call: it says so, and what to add.
    assert.ok(lines.some((line) => line.includes('add withFetchTransport()')));
  });

  it('adds provideSse() to the root NgModule of a module-based app', async () => {
    const lines = logLines();
    const tree = await runner.runSchematic('ng-add', { project: 'demo' }, await app(false));
    const source = tree.readText('/projects/demo/src/app/app-module.ts');
    assert.match(source, /providers: \[[\s\S]*provideSse\(\)[\s\S]*\]/);
    assert.ok(
      lines.includes(
        'ngx-sse: added provideSse() to the providers in projects/demo/src/app/app-module.ts.',
      ),
    );
  });

  it('rejects an unknown transport with a message naming the option', async () => {
    await assert.rejects(
      runner.runSchematic('ng-add', { project: 'demo', transport: 'websocket' }, await app()),
      /transport/,
    );
  });

  it('ignores a commented-out call when deciding whether provideSse is present', () => {
    assert.equal(callsProvideSse('// provideSse()\n/* provideSse() */ export const x = 1;'), false);
    assert.equal(callsProvideSse('providers: [provideSse(withLinger(100))]'), true);
  });
});
