// Keeps the Markdown docs true: every relative link resolves, and every TypeScript code block
// compiles against the library's current sources.
//
// Convention for code blocks (```ts or ```typescript):
// - Each block is compiled on its own, as a module, with the workspace's strict tsconfig.
// - A block with `import` statements is a complete module: it must import what it uses.
// - A block without imports gets every name of scripts/docs/readme-prelude.ts imported: all
//   exports of `ngx-sse` and `ngx-sse/testing` and a few Angular and RxJS names.
// - Every block sees the app stand-ins of scripts/docs/readme-globals.d.ts (`auth`, `session`, ...).
// - `<!-- check:skip -->` on the line before a block skips it (pseudo-code, non-library code).
//
// Usage: npm run check:docs [-- file.md ...]   (default: every Markdown file of the repository)
import { resolve } from 'node:path';

import { checkCodeBlocks } from './docs/code-blocks';
import { checkLinks } from './docs/links';
import { findMarkdown, parseMarkdown } from './docs/markdown';

const root = resolve(import.meta.dirname, '..');
const paths = process.argv.length > 2 ? process.argv.slice(2) : findMarkdown(root);
const files = paths.map((path) => parseMarkdown(root, path));
const links = files.reduce((count, file) => count + file.links.length, 0);
console.log(`check:docs: ${files.length} Markdown files, ${links} links`);

const problems = [...checkLinks(root, files), ...checkCodeBlocks(root, files)];
if (problems.length > 0) {
  console.error(`check:docs: ${problems.length} problems\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('check:docs: OK (links resolve, code blocks compile)');
