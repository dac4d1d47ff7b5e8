// Checks every relative link of the Markdown files: the file exists and, for `#anchor`, a heading
// with that GitHub slug exists. Links to this repository on GitHub (as the npm page must use, since
// npm does not resolve relative links) are checked as the local paths they point to.
import { existsSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

import type { MarkdownFile } from './markdown';

const repoUrl = /^https:\/\/github\.com\/ngx-sse\/ngx-sse\/(?:blob|tree)\/main\/(.*)$/;

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
export function slug(heading: string): string {
  return heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchors(file: MarkdownFile): Set<string> {
  const seen = new Map<string, number>();
  return new Set(
    file.headings.map((heading) => {
      const base = slug(heading);
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      return count === 0 ? base : `${base}-${count}`;
    }),
  );
}

/** Problems as `path:line message`, empty when every link resolves. */
export function checkLinks(root: string, files: readonly MarkdownFile[]): string[] {
  const byPath = new Map(files.map((file) => [file.path, file]));
  return files.flatMap((file) =>
    file.links.flatMap(({ target, line }) => {
      const local = repoUrl.exec(target);
      if (!local && /^[a-z][a-z\d+.-]*:/i.test(target)) return [];
      const [path, anchor] = (local ? `/${local[1]}` : target).split('#');
      const resolved = path.startsWith('/')
        ? normalize(path.slice(1))
        : path === ''
          ? file.path
          : normalize(join(dirname(file.path), decodeURI(path)));
      const where = `${file.path}:${line}`;
      if (!existsSync(join(root, resolved)))
        return [`${where} broken link: ${target} (no ${resolved})`];
      if (!anchor || !resolved.endsWith('.md')) return [];
      const linked = byPath.get(resolved);
      return linked && !anchors(linked).has(anchor) ? [`${where} broken anchor: ${target}`] : [];
    }),
  );
}
