import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';

import { checkCodeBlocks } from './code-blocks';
import { checkLinks, slug } from './links';
import { type MarkdownFile, parseMarkdown } from './markdown';

const root = resolve(import.meta.dirname, '../..');
const scratch = 'out-tsc/check-docs-test';

function fixture(name: string, text: string): MarkdownFile {
  mkdirSync(join(root, scratch), { recursive: true });
  writeFileSync(join(root, scratch, name), text);
  return parseMarkdown(root, `${scratch}/${name}`);
}

function block(code: string, line: number, skip = false): MarkdownFile['blocks'][number] {
  return { lang: 'ts', code, line, skip };
}

after(() => rmSync(join(root, scratch), { recursive: true, force: true }));

describe('parseMarkdown', () => {
  it('finds fenced blocks with their first code line, the skip marker, links and headings', () => {
    const file = fixture(
      'parse.md',
      [
        '# Title `code`', // 1
        'See [guide](guide.md) and `[not](a-link.md)`.', // 2
        '<!-- check:skip -->', // 3
        '', // 4
        '```ts', // 5
        'pseudo code', // 6
        '```', // 7
        '```typescript', // 8
        'const a = 1;', // 9
        '```', // 10
        '[ref]: ../other.md#part', // 11
      ].join('\n'),
    );
    assert.deepEqual(file.headings, ['Title `code`']);
    assert.deepEqual(
      file.blocks.map(({ lang, line, skip }) => ({ lang, line, skip })),
      [
        { lang: 'ts', line: 6, skip: true },
        { lang: 'typescript', line: 9, skip: false },
      ],
    );
    assert.deepEqual(file.links, [
      { target: 'guide.md', line: 2 },
      { target: '../other.md#part', line: 11 },
    ]);
  });
});

describe('checkLinks', () => {
  it('reports missing files and anchors, maps this repository on GitHub to local paths', () => {
    const target = fixture('target.md', '# The workspace’s dependencies\n## Part\n## Part\n');
    const source = fixture(
      'links.md',
      [
        '[ok](target.md#part-1) [ok](target.md#the-workspaces-dependencies) [ok](https://example.com/x)',
        '[missing](nowhere.md)',
        '[anchor](target.md#nope)',
        '[repo](https://github.com/ngx-sse/ngx-sse/blob/main/package.json)',
        '[repo missing](https://github.com/ngx-sse/ngx-sse/blob/main/docs/nowhere.md)',
      ].join('\n'),
    );
    assert.deepEqual(checkLinks(root, [source, target]), [
      `${scratch}/links.md:2 broken link: nowhere.md (no ${scratch}/nowhere.md)`,
      `${scratch}/links.md:3 broken anchor: target.md#nope`,
      `${scratch}/links.md:5 broken link: https://github.com/ngx-sse/ngx-sse/blob/main/docs/nowhere.md (no docs/nowhere.md)`,
    ]);
  });

  it('slugs headings as GitHub does', () => {
    assert.equal(slug('Testing with `ngx-sse/testing`'), 'testing-with-ngx-ssetesting');
    assert.equal(slug('Errors, backoff & the policy'), 'errors-backoff--the-policy');
  });
});

describe('checkCodeBlocks', () => {
  it('reports type errors at the Markdown line, gives the prelude only to blocks without imports, skips marked blocks', () => {
    const file: MarkdownFile = {
      path: 'docs/example.md',
      headings: [],
      links: [],
      blocks: [
        block('const count = signal(1);\nconst text: string = count();', 10),
        block(
          "import { signal } from '@angular/core';\n\nconst twice = computed(() => signal(1)() * 2);",
          20,
        ),
        block('this is not TypeScript', 30, true),
        block("const ok = inject(DestroyRef);\nok.onDestroy(() => render('bye'));", 40),
      ],
    };
    const problems = checkCodeBlocks(root, [file], `${scratch}/blocks`);
    assert.equal(problems.length, 2, problems.join('\n'));
    assert.match(
      problems[0],
      /^docs\/example\.md:11:7 error TS2322: Type 'number' is not assignable to type 'string'/,
    );
    assert.match(problems[1], /^docs\/example\.md:22:15 error TS2304: Cannot find name 'computed'/);
  });
});
