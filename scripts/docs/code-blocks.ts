// Type-checks the TypeScript blocks of the Markdown files against the library's sources: each block
// becomes a module in out-tsc/readme-blocks, compiled by tsc with the workspace's path mapping
// (`ngx-sse` and `ngx-sse/testing` → their public-api.ts). Errors are reported at the Markdown line.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import ts from 'typescript';

import type { MarkdownFile } from './markdown';

const checkedLangs = new Set(['ts', 'typescript']);

interface Emitted {
  readonly markdown: string;
  /** Markdown line of the block's first line minus the lines the checker put before it. */
  readonly offset: number;
}

/** Names the prelude module exports, so a block without imports can import them all. */
function preludeNames(root: string, prelude: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: () => undefined,
    },
  );
  const program = ts.createProgram([prelude], { ...config?.options, noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(prelude);
  const symbol = source && checker.getSymbolAtLocation(source);
  if (!symbol) throw new Error(`check:docs: cannot read the exports of ${prelude}`);
  return checker
    .getExportsOfModule(symbol)
    .map((exported) => exported.name)
    .sort();
}

function hasImports(code: string): boolean {
  return /^\s*import\s[^(]/m.test(code);
}

/** Problems as `path:line:col message`, empty when every block compiles. */
export function checkCodeBlocks(
  root: string,
  files: readonly MarkdownFile[],
  outDir = 'out-tsc/readme-blocks',
): string[] {
  const out = join(root, outDir);
  const prelude = join(root, 'scripts/docs/readme-prelude.ts');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const names = preludeNames(root, prelude);
  const importAll = `import { ${names.join(', ')} } from '${relative(out, prelude).replace(/\.ts$/, '')}';`;
  const emitted = new Map<string, Emitted>();
  for (const file of files) {
    file.blocks.forEach((block, index) => {
      if (block.skip || !checkedLangs.has(block.lang)) return;
      const header = hasImports(block.code) ? [] : [importAll];
      const name = `${file.path.replace(/[^\w]+/g, '-')}-${index + 1}.ts`;
      // `export {}` makes every block a module, so names never clash between blocks.
      writeFileSync(join(out, name), [...header, block.code, 'export {};', ''].join('\n'));
      emitted.set(name, { markdown: file.path, offset: block.line - header.length });
    });
  }
  if (emitted.size === 0) return [];
  const tsconfig = {
    extends: relative(out, join(root, 'tsconfig.json')),
    compilerOptions: { noEmit: true, types: ['jasmine'] },
    files: [...emitted.keys(), relative(out, join(root, 'scripts/docs/readme-globals.d.ts'))],
  };
  writeFileSync(join(out, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  console.log(`check:docs: type-checking ${emitted.size} code blocks (${out})`);
  try {
    execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', out, '--pretty', 'false'], {
      cwd: out,
    });
    return [];
  } catch (error) {
    const output = String((error as { stdout?: Buffer }).stdout ?? error);
    return output
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const match = /^(.+?)\((\d+),(\d+)\): (.*)$/.exec(line);
        const block = match && emitted.get(match[1]);
        return block && match
          ? `${block.markdown}:${block.offset + Number(match[2]) - 1}:${match[3]} ${match[4]}`
          : line;
      });
  }
}
