// Reads the repository's Markdown files into what the doc checks need: fenced code blocks and links.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** A fenced code block, with the 1-based line of its first code line. */
export interface CodeBlock {
  readonly lang: string;
  readonly code: string;
  readonly line: number;
  /** The block is preceded by `<!-- check:skip -->`. */
  readonly skip: boolean;
}

/** A link target outside code, with its 1-based line. */
export interface Link {
  readonly target: string;
  readonly line: number;
}

export interface MarkdownFile {
  /** Repository-relative path with `/` separators. */
  readonly path: string;
  readonly blocks: readonly CodeBlock[];
  readonly links: readonly Link[];
  readonly headings: readonly string[];
}

const ignoredDirs = new Set([
  'node_modules',
  'dist',
  'out-tsc',
  'coverage',
  'test-results',
  'playwright-report',
]);
const skipMarker = /^<!--\s*check:skip\b.*-->$/;

/** Every `*.md` under `root`, skipping build output, dependencies and dot-folders. */
export function findMarkdown(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return ignoredDirs.has(entry.name) || entry.name.startsWith('.')
        ? []
        : findMarkdown(root, path);
    }
    // API Extractor's reports (`*.api.md`) hold declarations, not examples; `api:check` owns them.
    const doc = entry.name.endsWith('.md') && !entry.name.endsWith('.api.md');
    return doc ? [relative(root, path).split('\\').join('/')] : [];
  });
}

export function parseMarkdown(root: string, path: string): MarkdownFile {
  const lines = readFileSync(join(root, path), 'utf8').split('\n');
  const blocks: CodeBlock[] = [];
  const links: Link[] = [];
  const headings: string[] = [];
  let fence: { marker: string; lang: string; start: number; skip: boolean } | null = null;
  let previous = '';
  lines.forEach((text, index) => {
    const open = /^\s*(`{3,}|~{3,})\s*([\w-]*)/.exec(text);
    if (fence) {
      const closing = text.trim();
      if (
        closing.length >= fence.marker.length &&
        /^(`+|~+)$/.test(closing) &&
        closing[0] === fence.marker[0]
      ) {
        const code = lines.slice(fence.start, index).join('\n');
        blocks.push({ lang: fence.lang, code, line: fence.start + 1, skip: fence.skip });
        fence = null;
        previous = text;
      }
      return;
    }
    if (open) {
      fence = {
        marker: open[1],
        lang: open[2].toLowerCase(),
        start: index + 1,
        skip: skipMarker.test(previous.trim()),
      };
      return;
    }
    if (text.trim() !== '') previous = text;
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(text);
    if (heading) headings.push(heading[1]);
    // Inline code spans cannot hold links, and often show link-like syntax.
    const prose = text.replace(/`[^`]*`/g, '');
    for (const match of prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      links.push({ target: match[1], line: index + 1 });
    }
    const definition = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$/.exec(prose);
    if (definition) links.push({ target: definition[1], line: index + 1 });
  });
  return { path, blocks, links, headings };
}
