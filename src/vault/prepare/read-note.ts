import type { Root } from 'mdast';
import { isUnpublished, readFrontmatter, type Frontmatter, type PropertyLines } from './frontmatter.ts';
import { formatOf, parseMarkdown } from './markdown.ts';
import { noteName } from '../link-index.ts';
import type { SourceFile } from '../types.ts';
import type { NoteFormat, Problem, VaultPath } from '../types.ts';

export type ReadNote =
  | { ok: true; path: VaultPath; name: string; format: NoteFormat; frontmatter: Frontmatter; propertyLines: PropertyLines; published: boolean; tree: Root; source: string; modified?: Date }
  | { ok: false; path: VaultPath; problem: Problem };

/** Parses a note and reads its properties. A note whose properties cannot be read is never published: they may have said `publish: false`. */
export function readNote(file: SourceFile): ReadNote {
  const format = formatOf(file.path);
  let tree: Root;
  try {
    tree = parseMarkdown(file.text, format);
  } catch (error) {
    // Markdown always parses; MDX can fail on a stray `<` or `{`.
    const place = error as { line?: number; reason?: string; message?: string };
    return {
      ok: false,
      path: file.path,
      problem: {
        rule: 'unreadable-file',
        file: file.path,
        ...(place.line ? { line: place.line } : {}),
        message: `Could not be parsed as ${format === 'mdx' ? 'MDX' : 'Markdown'}: ${place.reason ?? place.message ?? String(error)}; it is not published`,
        hint: format === 'mdx' ? 'escape a literal < or { as \\< or \\{, or rename the note to .md' : 'report this note to Quire',
        severity: 'error',
      },
    };
  }
  const frontmatter = readFrontmatter(tree);
  if (!frontmatter.ok) {
    return {
      ok: false,
      path: file.path,
      problem: {
        rule: 'bad-frontmatter',
        file: file.path,
        line: frontmatter.line,
        message: `Properties (YAML frontmatter) could not be read: ${frontmatter.message}`,
        hint: 'the note is not published until its properties are fixed',
        severity: 'error',
      },
    };
  }
  return {
    ok: true,
    path: file.path,
    name: noteName(file.path),
    format,
    frontmatter: frontmatter.data,
    propertyLines: frontmatter.lines,
    published: !isUnpublished(frontmatter.data),
    tree,
    source: file.text,
    ...(file.modified ? { modified: file.modified } : {}),
  };
}

